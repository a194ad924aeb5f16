import { achievedGflops, fitValue, pointThroughput, type DeviceProfile } from '../../domain/calibration/profile.ts';
import { XYChart, type Series } from '../shared/XYChart.tsx';
import { fmtFlops, fmtMsShort, fmtPct } from './format.ts';

/** One profile: the fitted device numbers, charts of latency and throughput against batch, and the held-out check. */
export function ProfileDetail({ profile }: { profile: DeviceProfile }) {
  const statName = profile.fitStat === 'min' ? 'fastest run' : 'p50';
  const models = profile.models.filter((m) => m.points.some((p) => !p.discarded));
  const latency: Series[] = models.map((m) => {
    const pts = m.points.filter((p) => !p.discarded);
    const bs = pts.map((p) => p.batch);
    return {
      label: m.label,
      points: pts.map((p) => ({ x: p.batch, y: fitValue(p.stats, profile.fitStat) })),
      ...(m.fit ? { line: [Math.min(...bs), Math.max(...bs)].map((b) => ({ x: b, y: m.fit!.aMs + m.fit!.bMs * b })) } : {}),
    };
  });
  const throughput: Series[] = models.map((m) => ({
    label: m.label,
    points: m.points.filter((p) => !p.discarded).map((p) => ({ x: p.batch, y: pointThroughput(profile, p) })),
  }));
  const held = profile.heldOut;
  const heldSeries: Series[] = held
    ? [...new Set(held.rows.map((r) => r.modelId))].map((id) => ({
        label: profile.models.find((m) => m.modelId === id)?.label ?? id,
        points: held.rows.filter((r) => r.modelId === id).map((r) => ({ x: r.measuredMs, y: r.predictedMs })),
      }))
    : [];
  const discarded = profile.models.flatMap((m) => m.points.filter((p) => p.discarded).map((p) => `${m.label} at batch ${p.batch}: ${p.discarded}`));
  return (
    <div className="profile-detail" data-testid="profile-detail">
      <h3>{profile.name}</h3>
      <p className="small muted">
        {profile.library} {profile.variant ? `(${profile.variant}) ` : ''}· {profile.backend}{profile.threads ? ` · ${profile.threads} thread${profile.threads > 1 ? 's' : ''}` : ''} · {new Date(profile.createdAt).toLocaleString()}
        {profile.device.gpu?.description ? ` · ${profile.device.gpu.description}` : ''}
      </p>
      {!profile.deviceFit && (
        <p className="small warn-text" role="note" data-testid="no-device-fit">
          No device fit: too few points survived the noise check ({discarded.length} discarded). Close other busy programs and run again, or choose a longer run.
        </p>
      )}
      {profile.deviceFit && (
        <div className="results profile-metrics">
          <div className="metric"><span className="metric-label">Effective compute</span><span className="metric-value" data-testid="profile-gflops">{profile.deviceFit.gflopsEffective ? `${profile.deviceFit.gflopsEffective.toFixed(1)} GFLOP/s` : '–'}</span></div>
          <div className="metric"><span className="metric-label">Per-call overhead</span><span className="metric-value">{fmtMsShort(profile.deviceFit.overheadMs)}</span>{profile.deviceFit.perNodeMs ? <span className="metric-sub">+ {fmtMsShort(profile.deviceFit.perNodeMs)} per operator</span> : null}</div>
          {held && <div className="metric"><span className="metric-label">Held-out error (median)</span><span className="metric-value" data-testid="heldout-error">{fmtPct(held.medianAbsErrPct)}</span><span className="metric-sub">{fmtPct(held.shareWithin10 * 100)} of points within ±10%{held.alwaysFitted?.length ? `; ${held.alwaysFitted.length} device probes always fitted` : ''}</span></div>}
        </div>
      )}
      <div className="chart-grid">
        <XYChart title="Latency against batch (dashed: fitted a + b·B)" xLabel="batch" yLabel={`${statName} ms`} series={latency} logX logY fmtY={fmtMsShort} testId="latency-chart" />
        <XYChart title="Throughput against batch" xLabel="batch" yLabel="samples/s" series={throughput} logX logY testId="throughput-chart" />
        {held && <XYChart title="Held-out models: predicted against measured" xLabel="measured ms" yLabel="predicted ms" series={heldSeries} logX logY diagonal fmtY={fmtMsShort} testId="heldout-chart" />}
      </div>
      <table className="est-table fit-table" data-testid="fit-table">
        <thead><tr><th>Model</th><th>Precision</th><th>Work / sample</th><th>a (fixed)</th><th>b (per sample)</th><th>Fit error</th><th>Achieved</th></tr></thead>
        <tbody>
          {profile.models.map((m) => {
            const gflops = achievedGflops(profile, m);
            return (
              <tr key={m.modelId}>
                <td>{m.label}</td>
                <td>{m.precision}</td>
                <td>{fmtFlops(m.flopsPerSample)}</td>
                <td>{m.fit ? fmtMsShort(m.fit.aMs) : '–'}</td>
                <td>{m.fit ? fmtMsShort(m.fit.bMs) : '–'}</td>
                <td title={m.fit ? `R² ${m.fit.r2.toFixed(3)}, RMSE ${fmtMsShort(m.fit.rmseMs)}` : undefined}>{m.fit ? `max ${fmtPct(m.fit.maxRelErr * 100)}` : 'not enough points'}</td>
                <td>{gflops !== undefined ? `${gflops.toFixed(1)} GFLOP/s` : '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {discarded.length > 0 && (
        <details className="small"><summary>{discarded.length} {discarded.length === 1 ? 'point' : 'points'} discarded as too noisy</summary><ul>{discarded.map((d) => <li key={d}>{d}</li>)}</ul></details>
      )}
    </div>
  );
}
