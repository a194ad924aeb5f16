import { useEffect, useState } from 'react';
import type { Scenario } from '../../domain/scenario/schema.ts';
import { useInterview } from '../../state/interviewStore.ts';
import { useWorkspace } from '../../state/workspaceStore.ts';
import { Palette } from '../canvas/Palette.tsx';
import { Inspector } from '../inspector/Inspector.tsx';
import { SimulationPanel } from '../capacity/SimulationPanel.tsx';
import { useAddAtCenter } from '../workspace/useAddAtCenter.ts';
import { useShortcuts } from '../workspace/useShortcuts.ts';
import { CanvasArea } from '../workspace/CanvasArea.tsx';
import { ClockBar } from './ClockBar.tsx';
import { InterviewerPanel } from './InterviewerPanel.tsx';
import { NotesPane } from './NotesPane.tsx';
import { useNow } from './useNow.ts';
import '../workspace/workspace.css';

type LeftTab = 'interviewer' | 'components';
type RightTab = 'notes' | 'inspector';

function Tabs<T extends string>({ value, options, onChange, label }: { value: T; options: { id: T; label: string }[]; onChange: (v: T) => void; label: string }) {
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {options.map((o) => (
        <button key={o.id} type="button" role="tab" aria-selected={value === o.id} className="tab" onClick={() => onChange(o.id)}>{o.label}</button>
      ))}
    </div>
  );
}

/** The live interview: clock on top, interviewer on the left, the canvas, notes and inspector on the right. */
export function InterviewRoom({ scenario }: { scenario: Scenario }) {
  const attempt = useInterview((s) => s.attempt)!;
  const now = useNow();
  const addAtCenter = useAddAtCenter();
  const [left, setLeft] = useState<LeftTab>('interviewer');
  const [right, setRight] = useState<RightTab>('notes');
  const selected = useWorkspace((s) => s.selection.nodes.size + s.selection.edges.size);
  useShortcuts();
  // Selecting something on the canvas shows its inspector; the notes are one click away.
  useEffect(() => {
    if (selected > 0) setRight('inspector');
  }, [selected]);
  // A new follow-up brings the interviewer panel forward.
  const followUps = attempt.followUps.length;
  useEffect(() => {
    if (followUps > 0) setLeft('interviewer');
  }, [followUps]);
  return (
    <div className="room">
      <ClockBar attempt={attempt} scenario={scenario} now={now} />
      <aside className="room-left" aria-label="Interviewer and components">
        <Tabs label="Left panel" value={left} onChange={setLeft} options={[{ id: 'interviewer', label: `Interviewer${followUps ? ` (${followUps})` : ''}` }, { id: 'components', label: 'Components' }]} />
        <div className="room-scroll" hidden={left !== 'interviewer'}>
          <InterviewerPanel attempt={attempt} scenario={scenario} now={now} />
        </div>
        <div className="room-palette" hidden={left !== 'components'}>
          <Palette onAdd={addAtCenter} />
        </div>
      </aside>
      <CanvasArea />
      <aside className="room-right" aria-label="Notes and inspector">
        <Tabs label="Right panel" value={right} onChange={setRight} options={[{ id: 'notes', label: 'Notes' }, { id: 'inspector', label: 'Inspector' }]} />
        <div className="room-notes" hidden={right !== 'notes'}>
          <NotesPane />
        </div>
        <div className="room-inspector" hidden={right !== 'inspector'}>
          <Inspector />
        </div>
      </aside>
      <SimulationPanel />
    </div>
  );
}
