import { useEstimate, setLoadMultiplier } from '../../state/estimateStore.ts';
import { useNodeName } from '../../state/selectors.ts';
import { fmtAvailability, fmtMs, fmtRps, fmtUsd } from './format.ts';
import { Why } from './Why.tsx';
import { headroom } from '../../domain/capacity/headroom.ts';
import { Warnings } from './Warnings.tsx';
import { LOAD_STEPS, sliderToMultiplier, multiplierToSlider } from './loadSlider.ts';
import './capacity.css';

/** The live answer to "what will this design do?": end-to-end latency vs budget, capacity, cost, availability. */
export function ResultsBar({ onToggleChart, chartOpen, onSimulate }: { onToggleChart: () => void; chartOpen: boolean; onSimulate: () => void }) {
  const { estimate, error, loadMultiplier } = useEstimate();
  const bottleneckName = useNodeName(estimate?.bottleneck);
  if (error) return <div className="results"><div className="metric bad" role="alert"><span className="metric-label">Capacity model</span><span className="metric-sub">Could not estimate: {error}</span></div></div>;
  if (!estimate) return null;
  const e2e = estimate.endToEnd;
  const budget = e2e.budgetMs;
  const tone = estimate.maxThroughputRps === null && !e2e.saturated ? '' : e2e.saturated ? 'bad' : e2e.withinBudget === false ? 'bad' : e2e.withinBudget ? 'good' : '';
  const room = headroom(estimate);
  // Nothing takes requests yet (an empty or unconnected canvas): no latency to report, rather than ∞ or 0.
  const noPath = estimate.maxThroughputRps === null && !e2e.saturated;
  return (
    <div className="results" data-testid="results-bar" aria-label="Capacity estimate">
      <div className={`metric ${tone}`} data-testid="metric-latency">
        <span className="metric-label">End-to-end p50 / p99</span>
        <span className="metric-value">
          {noPath ? '—' : (
            <>
              <Why explain={estimate.explain['endToEnd.p50Ms']} label="End-to-end p50">{fmtMs(e2e.p50Ms)}</Why>
              {' / '}
              <Why explain={estimate.explain['endToEnd.p99Ms']} label="End-to-end p99">{e2e.saturated ? 'unbounded' : fmtMs(e2e.p99Ms)}</Why>
            </>
          )}
        </span>
        <span className="metric-sub">{noPath ? 'no request path yet' : e2e.saturated ? 'a component is saturated' : budget ? `budget ${fmtMs(budget)} · ${e2e.withinBudget ? 'within' : 'over'}` : `mean ${fmtMs(e2e.meanMs)}`}</span>
      </div>
      <div className={`metric ${room !== null && room < 1 ? 'bad' : ''}`} data-testid="metric-throughput">
        <span className="metric-label">Max throughput</span>
        <span className="metric-value"><Why explain={estimate.explain.maxThroughputRps} label="Max throughput">{fmtRps(estimate.maxThroughputRps)}</Why></span>
        <span className="metric-sub" data-testid="bottleneck">{bottleneckName ? `limited by ${bottleneckName}${room !== null ? ` · ${room.toFixed(1)}× load` : ''}` : 'no request path yet'}</span>
      </div>
      <div className="metric" data-testid="metric-cost">
        <span className="metric-label">Cost / month</span>
        <span className="metric-value"><Why explain={estimate.explain.monthlyCostUsd} label="Monthly cost">{fmtUsd(estimate.monthlyCostUsd)}</Why></span>
        <span className="metric-sub"><Why explain={estimate.explain.costPer1MUsd} label="Cost per million predictions">{fmtUsd(estimate.costPer1MUsd)} per 1M requests</Why></span>
      </div>
      <div className="metric" data-testid="metric-availability">
        <span className="metric-label">Availability</span>
        <span className="metric-value"><Why explain={estimate.explain.availability} label="Availability">{fmtAvailability(estimate.availability)}</Why></span>
        <span className="metric-sub">{estimate.gpuHoursPerMonth > 0 ? `${Math.round(estimate.gpuHoursPerMonth).toLocaleString('en-US')} GPU-h/month` : 'request path'}</span>
      </div>
      <div className="metric load">
        <label className="metric-label" htmlFor="load-slider">What-if load: ×{loadMultiplier} = {fmtRps(estimate.loadRps)}</label>
        <div className="load-row">
          <input id="load-slider" type="range" min={0} max={LOAD_STEPS.length - 1} step={1} value={multiplierToSlider(loadMultiplier)} onChange={(e) => setLoadMultiplier(sliderToMultiplier(Number(e.target.value)))} aria-valuetext={`${loadMultiplier} times the peak load`} data-testid="load-slider" />
          <button type="button" className="btn small ghost" onClick={() => setLoadMultiplier(1)} disabled={loadMultiplier === 1}>Reset</button>
        </div>
      </div>
      <div className="metric-actions">
        <button type="button" className="btn small" aria-pressed={chartOpen} onClick={onToggleChart}>Load chart</button>
        <button type="button" className="btn small" onClick={onSimulate} title="Cross-check these numbers with a discrete-event simulation">Simulate</button>
      </div>
      <Warnings items={estimate.warnings} />
    </div>
  );
}
