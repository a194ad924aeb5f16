import { BACKENDS } from '../../bench/browser/backends.ts';
import { useBench } from '../../state/benchStore.ts';

/** What runs here and, for what does not, why. */
export function CapabilitiesPanel() {
  const caps = useBench((s) => s.caps);
  const statuses = useBench((s) => s.statuses);
  if (!caps) return <section className="bench-card" aria-busy="true"><h2>This browser</h2><p className="muted" role="status">Checking what this browser supports…</p></section>;
  return (
    <section className="bench-card" data-testid="capabilities">
      <h2>This browser</h2>
      <p className="small muted">
        {caps.cores} logical cores · {caps.crossOriginIsolated ? 'cross-origin isolated (wasm threads on)' : 'not cross-origin isolated (wasm on one thread)'} · WebAssembly SIMD {caps.wasmSimd ? 'yes' : 'no'}
        {caps.webgpu.ok ? ` · WebGPU adapter: ${[caps.webgpu.vendor, caps.webgpu.architecture].filter(Boolean).join(' ') || 'unnamed'}${caps.webgpu.isFallback ? ' (fallback)' : ''}` : ''}
        {caps.webgl2.renderer ? ` · WebGL: ${caps.webgl2.renderer}` : ''}
      </p>
      <ul className="backend-list">
        {BACKENDS.map((b) => {
          const st = statuses.find((s) => s.id === b.id);
          const state = !st?.available ? 'off' : st.warning ? 'warn' : 'on';
          return (
            <li key={b.id} className={`backend backend-${state}`} data-backend={b.id} data-state={state}>
              <span className="backend-dot" aria-hidden="true" />
              <span className="backend-name">{b.label}</span>
              <span className="backend-note small">{!st?.available ? `Unavailable: ${st?.reason ?? 'unknown reason'}` : st.warning ?? 'Available'}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
