import type { BackendId } from './protocol.ts';

/** What this browser offers the benchmark lab, probed once on the page. */
export interface Capabilities {
  crossOriginIsolated: boolean;
  sharedArrayBuffer: boolean;
  wasmSimd: boolean;
  cores: number;
  userAgent: string;
  platform: string;
  webgl2: { ok: boolean; renderer?: string };
  webgpu: { ok: boolean; reason?: string; vendor?: string; architecture?: string; description?: string; isFallback?: boolean };
}

export interface BackendStatus {
  id: BackendId;
  available: boolean;
  /** Why it cannot run (when not available). */
  reason?: string;
  /** Runs, but the numbers say little about real hardware. */
  warning?: string;
}

const SOFTWARE_GPU = /swiftshader|llvmpipe|software|basic render/i;

function softwareGpu(caps: Capabilities): boolean {
  return !!caps.webgpu.isFallback || SOFTWARE_GPU.test(`${caps.webgpu.architecture ?? ''} ${caps.webgpu.vendor ?? ''} ${caps.webgpu.description ?? ''}`);
}

/** Say plainly, per backend, whether it runs here and why not: nothing fails silently. */
export function backendStatuses(caps: Capabilities): BackendStatus[] {
  const out: BackendStatus[] = [];
  const wasmOk = typeof WebAssembly !== 'undefined';
  out.push(
    !wasmOk
      ? { id: 'ort-wasm', available: false, reason: 'This browser has no WebAssembly.' }
      : !caps.wasmSimd
        ? { id: 'ort-wasm', available: false, reason: 'WebAssembly SIMD is not supported; onnxruntime-web needs it.' }
        : {
            id: 'ort-wasm',
            available: true,
            ...(caps.crossOriginIsolated ? {} : { warning: 'The page is not cross-origin isolated, so wasm runs on one thread.' }),
          },
  );
  const gpuWarning = softwareGpu(caps) ? 'The GPU adapter is a software emulation (fallback adapter): timings are not hardware numbers and are not used for calibration.' : undefined;
  const gpu = caps.webgpu.ok
    ? { available: true, ...(gpuWarning ? { warning: gpuWarning } : {}) }
    : { available: false, reason: caps.webgpu.reason ?? 'WebGPU is not available.' };
  out.push({ id: 'ort-webgpu', ...gpu });
  out.push(wasmOk ? { id: 'tfjs-wasm', available: true } : { id: 'tfjs-wasm', available: false, reason: 'This browser has no WebAssembly.' });
  const glSoft = caps.webgl2.renderer && SOFTWARE_GPU.test(caps.webgl2.renderer);
  out.push(
    caps.webgl2.ok
      ? { id: 'tfjs-webgl', available: true, ...(glSoft ? { warning: 'WebGL runs on a software renderer: timings are not hardware numbers.' } : {}) }
      : { id: 'tfjs-webgl', available: false, reason: 'WebGL 2 is not available (no GPU context could be created).' },
  );
  out.push({ id: 'tfjs-webgpu', ...gpu });
  out.push({ id: 'tfjs-cpu', available: true, warning: 'Plain JavaScript kernels: useful as a floor, far slower than wasm.' });
  return out;
}

/** True when a backend's numbers may feed a calibration (software GPUs may not). */
export function calibratable(status: BackendStatus | undefined): boolean {
  return !!status?.available && !(status.warning && /software|fallback/i.test(status.warning));
}
