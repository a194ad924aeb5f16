import { useEffect } from 'react';
import { probeCapabilities } from '../../state/benchStore.ts';
import { watchProfiles } from '../../state/profilesStore.ts';
import { CapabilitiesPanel } from './CapabilitiesPanel.tsx';
import { RunPanel } from './RunPanel.tsx';
import { ProfilesPanel } from './ProfilesPanel.tsx';
import { UserModelPanel } from './UserModelPanel.tsx';
import './bench.css';

/** The benchmark lab: measure inference on this device and keep the results as calibration profiles. */
export default function BenchPage() {
  useEffect(() => {
    void probeCapabilities();
    watchProfiles();
  }, []);
  return (
    <div className="page bench-page">
      <div className="page-head">
        <h1>Benchmarks</h1>
      </div>
      <p className="muted bench-intro">
        Run real inference in this browser, on this machine. Each run fits latency(B) = a + b·B per model and an effective compute rate for the
        device; a model server on the canvas can then use <strong>this device (calibrated)</strong> instead of a catalog GPU. Nothing leaves the
        browser: the models are generated here and the results are kept in this browser’s storage.
      </p>
      <CapabilitiesPanel />
      <RunPanel />
      <ProfilesPanel />
      <UserModelPanel />
    </div>
  );
}
