// Frame-timing helpers for dragFrame: in-page rAF loop, Long Animation Frames, Chrome main-thread counters.
import { percentile, round } from './stats.mjs';

export const FRAME_MS = 16.7; // one 60 Hz frame

// Buffered from page start, so entries are kept even if the observer callback runs late.
export function observeLoaf() {
  if (!PerformanceObserver.supportedEntryTypes?.includes('long-animation-frame')) return void (window.__benchLoaf = null);
  window.__benchLoaf = [];
  new PerformanceObserver((l) => window.__benchLoaf.push(...l.getEntries())).observe({ type: 'long-animation-frame', buffered: true });
}

// Records, per frame, performance.now() in the rAF callback (the brief's measure: includes callback lateness)
// and the rAF timestamp argument (frame begin time: only moves when a whole frame is skipped).
// Also counts frames in which the dragged node moved: rAF intervals alone miss input handling that lags.
export function startFrameLoop(nodeId) {
  const t = (window.__benchFrames = []);
  const v = (window.__benchVsync = []);
  const moved = (window.__benchNodeUpdates = { count: 0 });
  const el = nodeId && document.querySelector(`.react-flow__node[data-id="${nodeId}"]`);
  let last = el?.style.transform; // inline style: reading it forces no layout
  window.__benchRun = true;
  const tick = (frameTime) => {
    t.push(performance.now());
    v.push(frameTime);
    const now = el?.style.transform;
    if (now !== last) {
      moved.count++;
      last = now;
    }
    if (window.__benchRun) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return performance.now();
}

export function stopFrameLoop({ start, end }) {
  window.__benchRun = false;
  const overlaps = (e) => e.startTime < end && e.startTime + e.duration > start;
  const loaf = window.__benchLoaf?.filter(overlaps).map((e) => ({
    duration: e.duration,
    blockingDuration: e.blockingDuration,
    // Split each long frame into script vs. rendering (style, layout, paint) work.
    renderMs: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
    styleLayoutMs: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
    scripts: e.scripts.map((s) => ({ invoker: s.invoker, fn: s.sourceFunctionName, url: s.sourceURL.split('/').pop(), pos: s.sourceCharPosition, ms: s.duration, forcedLayoutMs: s.forcedStyleAndLayoutDuration })),
  }));
  const inWindow = window.__benchFrames.map((ts) => ts >= start && ts <= end);
  return {
    frames: window.__benchFrames.filter((_, i) => inWindow[i]),
    vsync: window.__benchVsync.filter((_, i) => inWindow[i]),
    nodeUpdates: window.__benchNodeUpdates.count,
    loaf: loaf ?? null,
  };
}

export function frameStats(frames) {
  const iv = frames.slice(1).map((t, i) => t - frames[i]);
  const p95 = percentile(iv, 95);
  return {
    frames: frames.length,
    meanMs: round(iv.reduce((s, x) => s + x, 0) / (iv.length || 1)),
    p50Ms: round(percentile(iv, 50)),
    p95Ms: round(p95),
    maxMs: round(Math.max(0, ...iv)),
    over16msShare: round(iv.filter((x) => x > FRAME_MS).length / (iv.length || 1), 3),
    missedFrameShare: round(iv.filter((x) => x > FRAME_MS * 1.5).length / (iv.length || 1), 3), // a whole vsync skipped
  };
}

// Main-thread time by category from Chrome's own counters (seconds, cumulative).
const METRICS = ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration', 'LayoutCount', 'RecalcStyleCount'];
export async function cdpMetrics(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.filter((m) => METRICS.includes(m.name)).map((m) => [m.name, m.value]));
}
export function metricsDelta(a, b, moves) {
  const ms = (k) => round(((b[k] - a[k]) * 1000) / moves, 2);
  return { taskMs: ms('TaskDuration'), scriptMs: ms('ScriptDuration'), styleMs: ms('RecalcStyleDuration'), layoutMs: ms('LayoutDuration'), layouts: round((b.LayoutCount - a.LayoutCount) / moves, 2) };
}

export function summarizeLoaf(loaf) {
  if (!loaf) return { supported: false };
  const byScript = new Map();
  for (const s of loaf.flatMap((e) => e.scripts)) {
    const key = `${s.invoker} @ ${s.fn || '?'} (${s.url}:${s.pos})`;
    byScript.set(key, (byScript.get(key) ?? 0) + s.ms);
  }
  return {
    supported: true,
    thresholdMs: 50, // the browser only reports frames longer than this
    count: loaf.length,
    maxMs: round(Math.max(0, ...loaf.map((e) => e.duration))),
    totalMs: round(loaf.reduce((s, e) => s + e.duration, 0)),
    scriptMs: round(loaf.reduce((s, e) => s + e.scripts.reduce((a, x) => a + x.ms, 0), 0)),
    renderMs: round(loaf.reduce((s, e) => s + e.renderMs, 0)),
    styleLayoutMs: round(loaf.reduce((s, e) => s + e.styleLayoutMs, 0)),
    forcedLayoutMs: round(loaf.reduce((s, e) => s + e.scripts.reduce((a, x) => a + x.forcedLayoutMs, 0), 0)),
    topScripts: [...byScript].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([script, ms]) => ({ script, ms: round(ms) })),
  };
}

