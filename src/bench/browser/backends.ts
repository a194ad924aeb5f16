import type { BackendId } from './protocol.ts';

export interface BackendDef {
  id: BackendId;
  library: 'onnxruntime-web' | 'tfjs';
  backend: 'wasm' | 'webgpu' | 'webgl' | 'cpu';
  /** The import used, recorded with every profile: the bundle variant changes CPU speed (bench-feasibility §1). */
  variant: string;
  label: string;
  /** Whether the job's models are ONNX (suite or user file) or tfjs layers models. */
  models: 'onnx' | 'tfjs';
}

export const BACKENDS: BackendDef[] = [
  { id: 'ort-wasm', library: 'onnxruntime-web', backend: 'wasm', variant: 'onnxruntime-web/wasm', label: 'onnxruntime-web · wasm (SIMD, threads)', models: 'onnx' },
  { id: 'ort-webgpu', library: 'onnxruntime-web', backend: 'webgpu', variant: 'onnxruntime-web/webgpu', label: 'onnxruntime-web · WebGPU', models: 'onnx' },
  { id: 'tfjs-wasm', library: 'tfjs', backend: 'wasm', variant: '@tensorflow/tfjs-backend-wasm (single-threaded)', label: 'tfjs · wasm', models: 'tfjs' },
  { id: 'tfjs-webgl', library: 'tfjs', backend: 'webgl', variant: '@tensorflow/tfjs-backend-webgl', label: 'tfjs · WebGL', models: 'tfjs' },
  { id: 'tfjs-webgpu', library: 'tfjs', backend: 'webgpu', variant: '@tensorflow/tfjs-backend-webgpu', label: 'tfjs · WebGPU', models: 'tfjs' },
  { id: 'tfjs-cpu', library: 'tfjs', backend: 'cpu', variant: '@tensorflow/tfjs (plain JS)', label: 'tfjs · CPU (plain JS)', models: 'tfjs' },
];

export const backendDef = (id: BackendId): BackendDef => BACKENDS.find((b) => b.id === id)!;
