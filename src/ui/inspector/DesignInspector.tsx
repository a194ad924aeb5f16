import { renameDesign, setWorkload } from '../../domain/design/ops.ts';
import type { Workload } from '../../domain/design/schema.ts';
import { useDesignName, useEdges, useNodeCount, useWorkload } from '../../state/selectors.ts';
import { validateWorkloadField } from '../../domain/design/validate.ts';
import { applyEdit } from '../../state/workspaceStore.ts';
import { NumberField } from './NumberField.tsx';
import { TextField } from './TextField.tsx';

const FIELDS: { key: keyof Workload; label: string; unit?: string; placeholder: string; optional: boolean; hint?: string }[] = [
  { key: 'rps', label: 'Target load', unit: 'req/s', placeholder: '100', optional: false },
  { key: 'peakFactor', label: 'Peak factor', unit: '× avg', placeholder: '1', optional: true, hint: 'Peak traffic divided by average; capacity is sized for the peak' },
  { key: 'payloadKb', label: 'Payload per request', unit: 'KB', placeholder: '0', optional: true },
  { key: 'p99BudgetMs', label: 'p99 latency budget', unit: 'ms', placeholder: 'none', optional: true },
  { key: 'targetUtilization', label: 'Target utilisation', placeholder: '0.7', optional: true, hint: 'Plan online tiers for 0.5–0.7 at peak so queues stay short' },
];

/** Shown when nothing is selected: the design's name and the load it must carry. */
export function DesignInspector() {
  const name = useDesignName();
  const workload = useWorkload();
  const nodeCount = useNodeCount();
  const edgeCount = useEdges().length;
  if (!workload) return null;
  return (
    <div className="inspector-body" data-testid="design-inspector">
      <h2>Design</h2>
      <TextField label="Name" value={name} validate={(v) => (v.trim() === '' ? 'A name is required' : v.length > 200 ? 'At most 200 characters' : null)} onCommit={(v) => applyEdit((d) => renameDesign(d, v.trim()))} testId="field-design-name" />
      <fieldset className="inspector-section">
        <legend>Workload</legend>
        {FIELDS.map((f) => (
          <NumberField
            key={f.key}
            label={f.label}
            unit={f.unit}
            hint={f.hint}
            optional={f.optional}
            value={workload[f.key]}
            placeholder={f.placeholder}
            validate={(v) => validateWorkloadField(f.key, v)}
            onCommit={(v) => applyEdit((d) => setWorkload(d, { [f.key]: v }))}
            testId={`field-workload-${f.key}`}
          />
        ))}
      </fieldset>
      <p className="faint small">
        {nodeCount} components · {edgeCount} connections. Select a component or connection to edit it.
      </p>
    </div>
  );
}
