import { create } from 'zustand';
import { toNetwork } from '../domain/capacity/index.ts';
import type { SimResult } from '../domain/simulate/simulate.ts';
import type { SimWorkerReply, SimWorkerRequest } from '../domain/simulate/workerProtocol.ts';
import { useEstimate } from './estimateStore.ts';
import { useWorkspace } from './workspaceStore.ts';

type SimState =
  | { status: 'idle' }
  | { status: 'running'; fraction: number; jobId: number }
  | { status: 'done'; result: SimResult; loadMultiplier: number }
  | { status: 'error'; message: string };

export const useSimulation = create<{ open: boolean; state: SimState }>(() => ({ open: false, state: { status: 'idle' } }));

let worker: Worker | null = null;
let jobSeq = 0;

function getWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('../domain/simulate/worker.ts', import.meta.url), { type: 'module', name: 'simulator' });
  worker.onmessage = (e: MessageEvent<SimWorkerReply>) => {
    const msg = e.data;
    const cur = useSimulation.getState().state;
    if (cur.status !== 'running' || cur.jobId !== msg.id) return;
    if (msg.type === 'progress') useSimulation.setState({ state: { ...cur, fraction: msg.fraction } });
    else if (msg.type === 'done') useSimulation.setState({ state: { status: 'done', result: msg.result, loadMultiplier: useEstimate.getState().loadMultiplier } });
    else useSimulation.setState({ state: msg.message === 'cancelled' ? { status: 'idle' } : { status: 'error', message: msg.message } });
  };
  worker.onerror = (e) => useSimulation.setState({ state: { status: 'error', message: e.message || 'The simulation worker failed to start.' } });
  return worker;
}

/** Simulate the current design at the current what-if load in a worker, so the page stays responsive. */
export function runSimulation(requests = 200_000): void {
  const design = useWorkspace.getState().history?.present;
  if (!design) return;
  cancelSimulation();
  let network;
  try {
    network = toNetwork(design, { loadMultiplier: useEstimate.getState().loadMultiplier, profiles: useEstimate.getState().profiles });
  } catch (err) {
    useSimulation.setState({ open: true, state: { status: 'error', message: err instanceof Error ? err.message : String(err) } });
    return;
  }
  const jobId = ++jobSeq;
  useSimulation.setState({ open: true, state: { status: 'running', fraction: 0, jobId } });
  const msg: SimWorkerRequest = { type: 'run', id: jobId, network, opts: { seed: 42, requests, warmupRequests: Math.round(requests / 10) } };
  getWorker().postMessage(msg);
}

export function cancelSimulation(): void {
  const s = useSimulation.getState().state;
  if (s.status === 'running') {
    worker?.postMessage({ type: 'cancel', id: s.jobId } satisfies SimWorkerRequest);
    useSimulation.setState({ state: { status: 'idle' } });
  }
}

export function closeSimulation(): void {
  cancelSimulation();
  useSimulation.setState({ open: false });
}
