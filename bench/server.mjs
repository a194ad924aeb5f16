// Starts `vite preview` on a free port and guarantees it is stopped again (also on crash/exit).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const live = new Set();
// Last line of defence: a synchronous kill of every process group we started.
process.on('exit', () => live.forEach((child) => killGroup(child, 'SIGKILL')));

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal); // negative pid: npx and the vite node process it spawns
  } catch {
    /* already gone */
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export async function startPreview({ root, log, timeoutMs = 60_000 }) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: root,
    detached: true, // own process group, so stop() reaches the grandchild too
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  // Server chatter goes to stderr: stdout is reserved for the JSON result.
  child.stdout.on('data', (b) => log(`[preview] ${b.toString().trimEnd()}`));
  child.stderr.on('data', (b) => log(`[preview] ${b.toString().trimEnd()}`));
  let exited = null;
  const exitedP = new Promise((resolve) => child.on('exit', (code, sig) => resolve((exited = `preview exited (code ${code}, signal ${sig})`))));

  const stop = async () => {
    if (!live.delete(child) || exited) return;
    killGroup(child, 'SIGTERM');
    const t = setTimeout(() => killGroup(child, 'SIGKILL'), 3000);
    await exitedP;
    clearTimeout(t);
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) break;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return { url, stop };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(exited ?? `vite preview did not answer at ${url} within ${timeoutMs} ms`);
}
