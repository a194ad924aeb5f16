/**
 * Web Worker entry for the simulator: `new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })`.
 * Post SimWorkerRequest messages; replies are SimWorkerReply (see workerProtocol.ts). The only file that
 * touches the worker global; the simulation itself stays plain domain code.
 */
import { createSimHost, type SimWorkerRequest, type SimWorkerReply } from './workerProtocol.ts';

const handle = createSimHost((reply: SimWorkerReply) => self.postMessage(reply));

self.addEventListener('message', (e: MessageEvent<SimWorkerRequest>) => handle(e.data));
