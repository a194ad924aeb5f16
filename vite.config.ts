import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { serviceWorker } from './scripts/pwa/plugin.ts';

// Cross-origin isolation lets onnxruntime-web use wasm threads (SharedArrayBuffer) in the benchmark lab.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  // serviceWorker() runs in builds only: a dev server must not cache its modules.
  plugins: [react(), serviceWorker()],
  server: { headers: isolation, port: 5173 },
  preview: { headers: isolation, port: 4173 },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 900,
  },
  worker: { format: 'es' },
});
