import { selectProfile, useBench } from '../../state/benchStore.ts';
import { useProfiles } from '../../state/profilesStore.ts';
import { deleteProfile, exportProfile, importProfile } from './profileActions.ts';
import { ProfileDetail } from './ProfileDetail.tsx';
import { BarChart } from '../shared/XYChart.tsx';
import { fmtPct } from './format.ts';

/** Saved device profiles: pick one to see its charts, compare their compute rates, export, import, delete. */
export function ProfilesPanel() {
  const loaded = useProfiles((s) => s.loaded);
  const list = useProfiles((s) => s.entries);
  const selectedId = useBench((s) => s.selectedProfileId);
  const selected = list.find((e) => e.id === selectedId) ?? list.find((e) => e.profile);
  const valid = list.filter((e) => e.profile);
  return (
    <section className="bench-card" data-testid="profiles">
      <div className="card-head">
        <h2>Device profiles</h2>
        <button type="button" className="btn small" onClick={() => void importProfile()}>Import…</button>
      </div>
      {loaded && list.length === 0 && <p className="muted">No profiles yet. Run a benchmark above; its results are kept here, in this browser.</p>}
      {list.length > 0 && (
        <ul className="profile-list" role="listbox" aria-label="Device profiles">
          {list.map((e) => (
            <li key={e.id} role="option" aria-selected={selected?.id === e.id} className={`profile-row${selected?.id === e.id ? ' selected' : ''}`} data-testid="profile-row">
              <button type="button" className="linkish profile-pick" onClick={() => selectProfile(e.id)}>
                {e.profile ? e.profile.name : `Unreadable profile ${e.id}`}
              </button>
              <span className="small muted">
                {e.problem
                  ? e.problem
                  : `${e.profile!.models.length} models · ${e.profile!.deviceFit?.gflopsEffective ? `${e.profile!.deviceFit.gflopsEffective.toFixed(1)} GFLOP/s effective` : 'no device fit'}${e.profile!.heldOut ? ` · held-out error ${fmtPct(e.profile!.heldOut.medianAbsErrPct)}` : ''}`}
              </span>
              <span className="row-actions">
                {e.profile && <button type="button" className="btn small ghost" onClick={() => exportProfile(e)} aria-label={`Export ${e.profile.name}`}>Export</button>}
                <button type="button" className="btn small ghost danger" onClick={() => void deleteProfile(e)} aria-label={`Delete ${e.profile?.name ?? e.id}`}>Delete</button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {valid.length > 1 && (
        <BarChart
          title="Effective compute rate per profile"
          unit="GFLOP/s"
          testId="compare-chart"
          rows={valid.flatMap((e) => (e.profile!.deviceFit?.gflopsEffective ? [{ label: e.profile!.name, value: e.profile!.deviceFit.gflopsEffective }] : []))}
        />
      )}
      {selected?.profile && <ProfileDetail profile={selected.profile} />}
    </section>
  );
}
