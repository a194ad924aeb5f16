import type { Capabilities } from './capabilities.ts';

// The smallest module using a SIMD instruction (i32.const 0; i8x16.splat), hand-assembled: validate() says whether SIMD exists.
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 8, 1, 6, 0, 65, 0, 253, 15, 11]);

interface GpuAdapterLike {
  info?: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean };
  isFallbackAdapter?: boolean;
}

async function probeWebGpu(): Promise<Capabilities['webgpu']> {
  const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } }).gpu;
  if (!gpu) return { ok: false, reason: 'This browser has no WebGPU (navigator.gpu is missing).' };
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return { ok: false, reason: 'WebGPU exists but no adapter was offered (no usable GPU, or WebGPU is disabled).' };
    const info = adapter.info ?? {};
    return {
      ok: true,
      ...(info.vendor ? { vendor: info.vendor } : {}),
      ...(info.architecture ? { architecture: info.architecture } : {}),
      ...(info.description ? { description: info.description } : {}),
      isFallback: !!(info.isFallbackAdapter ?? adapter.isFallbackAdapter),
    };
  } catch (err) {
    return { ok: false, reason: `Asking for a WebGPU adapter failed: ${err instanceof Error ? err.message : String(err)}` };
  }
}

function probeWebGl(): Capabilities['webgl2'] {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return { ok: false };
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { ok: true, renderer };
  } catch {
    return { ok: false };
  }
}

export async function detectCapabilities(): Promise<Capabilities> {
  return {
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    sharedArrayBuffer: typeof SharedArrayBuffer !== 'undefined',
    wasmSimd: typeof WebAssembly !== 'undefined' && WebAssembly.validate(SIMD_PROBE),
    cores: navigator.hardwareConcurrency || 1,
    userAgent: navigator.userAgent,
    platform: (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ?? navigator.platform,
    webgl2: probeWebGl(),
    webgpu: await probeWebGpu(),
  };
}
