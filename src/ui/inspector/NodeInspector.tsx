import { getKind, type DefaultKey } from '../../domain/catalog/components.ts';
import { nodeLabel, updateNode } from '../../domain/design/ops.ts';
import type { DesignNode, ParamKey } from '../../domain/design/schema.ts';
import { validateLabel, validateParam, validateReplicas } from '../../domain/design/validate.ts';
import { applyEdit } from '../../state/workspaceStore.ts';
import { NumberField } from './NumberField.tsx';
import { TextField } from './TextField.tsx';
import { Connections } from './Connections.tsx';
import { SelectField } from './SelectField.tsx';
import { MODELS } from '../../domain/catalog/models.ts';
import { HardwareField } from './HardwareField.tsx';
import { HARDWARE } from '../../domain/catalog/hardware.ts';
import { STACKS } from '../../domain/catalog/stacks.ts';

const MODEL_OPTIONS = MODELS.map((m) => ({ value: m.id, label: m.label }));
const PRECISION_OPTIONS = (['fp32', 'fp16', 'int8'] as const).map((p) => ({ value: p, label: p.toUpperCase() }));
import { NodeEstimate } from '../capacity/NodeEstimate.tsx';

const GENERIC: { key: DefaultKey & ParamKey; label: string; unit?: string }[] = [
  { key: 'serviceMs', label: 'Mean service time', unit: 'ms' },
  { key: 'serviceCv', label: 'Service-time variability (CV)' },
  { key: 'concurrency', label: 'Concurrency per replica' },
  { key: 'costPerHourUsd', label: 'Cost per replica', unit: '$/h' },
  { key: 'availability', label: 'Availability per replica' },
];

const MODEL: { key: ParamKey; label: string; unit?: string; placeholder: string }[] = [
  { key: 'maxBatch', label: 'Max batch size', placeholder: '32' },
  { key: 'batchWindowMs', label: 'Batching window', unit: 'ms', placeholder: '2' },
  { key: 'instances', label: 'Model instances per replica', placeholder: '1' },
  { key: 'seqLen', label: 'Sequence length', unit: 'tokens', placeholder: 'model default' },
];

export function NodeInspector({ node }: { node: DesignNode }) {
  const kind = getKind(node.kind);
  const patchParam = (key: ParamKey, v: number | undefined) => applyEdit((d) => updateNode(d, node.id, { params: { [key]: v } }));
  return (
    <div className="inspector-body" data-testid="node-inspector">
      <div className="inspector-title">
        <span className={`inspector-glyph stage-${kind?.stage}`} aria-hidden="true">{kind?.glyph}</span>
        <div>
          <h2>{nodeLabel(node)}</h2>
          <div className="muted small">{kind?.label} · <code>{node.id}</code></div>
        </div>
      </div>
      {kind && <p className="muted small">{kind.description}</p>}
      <TextField label="Label" value={node.label ?? ''} placeholder={kind?.label} validate={(v) => validateLabel(v)} onCommit={(v) => applyEdit((d) => updateNode(d, node.id, { label: v.trim() || undefined }))} testId="field-label" />
      <NumberField label="Replicas" value={node.replicas} placeholder="1" validate={validateReplicas} onCommit={(v) => applyEdit((d) => updateNode(d, node.id, { replicas: v }))} testId="field-replicas" />
      <NodeEstimate node={node} />
      {kind?.servesModel && (
        <fieldset className="inspector-section">
          <legend>Model serving</legend>
          <SelectField label="Model" value={node.params?.model} options={MODEL_OPTIONS} defaultLabel="None: use the queueing parameters below" onChange={(v) => applyEdit((d) => updateNode(d, node.id, { params: { model: v } }))} testId="field-model" />
          <HardwareField node={node} />
          <SelectField label="Serving stack" value={node.params?.stack} options={stackOptions(node.params?.hardware)} defaultLabel="Default for the hardware" onChange={(v) => applyEdit((d) => updateNode(d, node.id, { params: { stack: v } }))} testId="field-stack" />
          <SelectField label="Precision" value={node.params?.precision} options={PRECISION_OPTIONS} defaultLabel="Default for the stack" onChange={(v) => applyEdit((d) => updateNode(d, node.id, { params: { precision: v } }))} testId="field-precision" />
          {MODEL.map((f) => (
            <NumberField key={f.key} label={f.label} unit={f.unit} value={node.params?.[f.key] as number | undefined} placeholder={f.placeholder} validate={(v) => validateParam(f.key, v)} onCommit={(v) => patchParam(f.key, v)} testId={`field-${f.key}`} />
          ))}
        </fieldset>
      )}
      <fieldset className="inspector-section">
        <legend>Queueing parameters</legend>
        {GENERIC.map((f) => (
          <NumberField
            key={f.key}
            label={f.label}
            unit={f.unit}
            value={node.params?.[f.key] as number | undefined}
            placeholder={kind ? String(kind.defaults[f.key]) : ''}
            hint={kind?.sources[f.key]?.label}
            validate={(v) => validateParam(f.key, v)}
            onCommit={(v) => patchParam(f.key, v)}
            testId={`field-${f.key}`}
          />
        ))}
        <p className="faint small">Empty fields use the catalog default shown in grey; ℹ shows where it comes from.</p>
      </fieldset>
      <Connections node={node} />
    </div>
  );
}

/** Only stacks that run on the chosen device: TensorRT on GPUs, ONNX Runtime CPU on CPU machines. */
function stackOptions(hardware: string | undefined) {
  const device = HARDWARE.find((h) => h.id === (hardware ?? 'T4'))?.kind ?? 'gpu';
  return STACKS.filter((st) => st.device === device).map((st) => ({ value: st.id, label: st.label }));
}
