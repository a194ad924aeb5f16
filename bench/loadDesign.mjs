// Time to open a stored 300-node design: IndexedDB read + validation (app's own measure), and first nodes on screen.
import { newContext } from './browser.mjs';
import { makeDesign, makeRecord } from './design300.mjs';
import { openLibrary, seedRecord } from './seed.mjs';
import { summary } from './stats.mjs';

const RUNS = 5;
const ID = 'bench-load-300';

// Runs before any app script: a rAF loop notes the first frame in which a canvas node exists,
// i.e. the frame about to paint it (performance.now() is relative to navigation start).
function watchFirstNodes() {
  const tick = () => {
    if (document.querySelector('[data-testid=canvas-node], .far-node')) window.__benchFirstNodesMs = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

export async function measureLoadDesign({ getBrowser, getBaseUrl, log }) {
  const design = makeDesign(300);
  const context = await newContext(await getBrowser());
  const url = await getBaseUrl();
  try {
    await context.addInitScript(watchFirstNodes);
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      // Fresh page and fresh record each run: no state (viewport, autosave) leaks between runs.
      const page = await context.newPage();
      await openLibrary(page, url);
      await seedRecord(page, makeRecord(ID, design));
      await page.goto(`${url}/design/${ID}`);
      await page.waitForFunction(() => performance.getEntriesByName('mlsd:load-design').length > 0 && window.__benchFirstNodesMs !== undefined);
      const r = await page.evaluate(() => {
        const m = performance.getEntriesByName('mlsd:load-design')[0];
        return {
          readAndValidateMs: m.duration,
          firstNodesMs: window.__benchFirstNodesMs,
          // Where the rest goes: app boot + lazy chunk before the read starts, React Flow render after it ends.
          loadStartAtMs: m.startTime,
          renderAfterReadMs: window.__benchFirstNodesMs - (m.startTime + m.duration),
          renderedNodes: document.querySelectorAll('.react-flow__node').length,
        };
      });
      log(`loadDesign300 run ${i + 1}/${RUNS}: read+validate ${r.readAndValidateMs.toFixed(1)} ms, first nodes ${r.firstNodesMs.toFixed(1)} ms, ${r.renderedNodes} nodes in DOM`);
      runs.push(r);
      await page.close();
    }
    return {
      nodes: design.nodes.length,
      edges: design.edges.length,
      runs: RUNS,
      readAndValidateMs: summary(runs.map((r) => r.readAndValidateMs)),
      firstNodesMs: summary(runs.map((r) => r.firstNodesMs)),
      loadStartAtMs: summary(runs.map((r) => r.loadStartAtMs)),
      renderAfterReadMs: summary(runs.map((r) => r.renderAfterReadMs)),
      renderedNodes: runs.at(-1).renderedNodes,
    };
  } finally {
    await context.close().catch(() => {});
  }
}
