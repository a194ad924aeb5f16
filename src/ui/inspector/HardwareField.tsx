import { useId } from 'react';
import { HARDWARE } from '../../domain/catalog/hardware.ts';
import { parseProfileRef, profileRef } from '../../domain/calibration/forDesign.ts';
import { offersDeviceFit } from '../../domain/calibration/profile.ts';
import { updateNode } from '../../domain/design/ops.ts';
import type { DesignNode } from '../../domain/design/schema.ts';
import { applyEdit } from '../../state/workspaceStore.ts';
import { useProfiles } from '../../state/profilesStore.ts';
import { Link } from '../app/Link.tsx';
import { FieldLabel } from './FieldLabel.tsx';

const PROFILE = 'profile:';

/**
 * Where the model runs: a catalog device (roofline from its datasheet) or this device, calibrated by a benchmark
 * profile. Models the user benchmarked themselves appear as their own choices, measured rather than predicted.
 */
export function HardwareField({ node }: { node: DesignNode }) {
  const id = useId();
  const profiles = useProfiles((s) => s.profiles);
  const ref = node.params?.profileId;
  const value = ref ? `${PROFILE}${ref}` : (node.params?.hardware ?? '');
  const refKnown = !ref || profiles.some((p) => p.id === parseProfileRef(ref).profileId);
  const calibrated = profiles.filter(offersDeviceFit);
  const userModels = profiles.flatMap((p) => p.models.filter((m) => m.modelId.startsWith('user:') && m.fit).map((m) => ({ p, m })));
  const onChange = (v: string) =>
    applyEdit((d) =>
      updateNode(d, node.id, {
        params: v.startsWith(PROFILE) ? { profileId: v.slice(PROFILE.length), hardware: undefined } : { hardware: v || undefined, profileId: undefined },
      }),
    );
  return (
    <div className="field">
      <FieldLabel htmlFor={id} label="Hardware" hint="A catalog device uses its datasheet roofline; “this device” uses a benchmark run in this browser." />
      <select id={id} className="select" value={value} onChange={(e) => onChange(e.target.value)} data-testid="field-hardware">
        <option value="">T4 (default)</option>
        {HARDWARE.map((h) => <option key={h.id} value={h.id}>{h.label}</option>)}
        {!refKnown && <option value={value}>Calibration not found on this browser</option>}
        {(calibrated.length > 0 || userModels.length > 0) && (
          <optgroup label="This device (calibrated)">
            {calibrated.map((p) => <option key={p.id} value={`${PROFILE}${p.id}`}>This device: {p.name}</option>)}
            {userModels.map(({ p, m }) => <option key={`${p.id}#${m.modelId}`} value={`${PROFILE}${profileRef(p.id, m.modelId)}`}>This device: {m.label} (measured)</option>)}
          </optgroup>
        )}
      </select>
      {ref ? (
        <p className="small calib-note" data-testid="calibration-source">
          {refKnown ? 'Calibrated on this device: latency comes from the benchmark, not the catalog.' : 'This node names a calibration that is not in this browser; the catalog roofline is used.'}
        </p>
      ) : (
        calibrated.length === 0 && <p className="small faint">Catalog numbers. <Link href="/benchmarks">Calibrate this device</Link> to use measured ones.</p>
      )}
    </div>
  );
}
