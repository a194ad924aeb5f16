import { useState } from 'react';
import { runSimulation } from '../../state/simulationStore.ts';
import { ResultsBar } from '../capacity/ResultsBar.tsx';
import { LoadChart } from '../capacity/LoadChart.tsx';
import { Canvas } from '../canvas/Canvas.tsx';

/** The canvas with the live results bar (and its load chart) above it: the workspace and the interview share it. */
export function CanvasArea() {
  const [chartOpen, setChartOpen] = useState(false);
  return (
    <div className="center">
      <div>
        <ResultsBar chartOpen={chartOpen} onToggleChart={() => setChartOpen((o) => !o)} onSimulate={() => runSimulation()} />
        {chartOpen && <LoadChart />}
      </div>
      <Canvas />
    </div>
  );
}
