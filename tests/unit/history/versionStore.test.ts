import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { maybeSnapshot, saveNamedVersion, snapshotOnClose, versionsRepo } from '../../../src/state/versionStore.ts';
import { AUTO_INTERVAL_MS } from '../../../src/domain/history/policy.ts';
import { asDesign, chain } from './fixtures.ts';

const T = 1_700_000_000_000;
const at = (t: number) => vi.spyOn(Date, 'now').mockReturnValue(t);
const names = async (id: string) => (await versionsRepo().list('design', id)).map((v) => `${v.auto ? 'auto' : 'named'}:${(v.content as { nodes: unknown[] }).nodes.length}`);

afterEach(() => vi.restoreAllMocks());

describe('snapshots after saves (the autosave wiring)', () => {
  it('first save, small edits held until the interval or close, big edits at once', async () => {
    at(T);
    await maybeSnapshot('d1', asDesign(chain(1)));
    expect(await names('d1')).toEqual(['auto:1']);
    at(T + 1000);
    await maybeSnapshot('d1', asDesign(chain(2))); // small, too soon: held
    expect(await names('d1')).toEqual(['auto:1']);
    await snapshotOnClose('design', 'd1'); // closing takes it
    expect(await names('d1')).toEqual(['auto:2', 'auto:1']);
    await snapshotOnClose('design', 'd1'); // nothing pending any more
    expect(await names('d1')).toHaveLength(2);
    at(T + 2000);
    await maybeSnapshot('d1', asDesign(chain(6))); // 4 nodes + 4 edges added: big
    expect(await names('d1')).toEqual(['auto:6', 'auto:2', 'auto:1']);
    at(T + 3000);
    await maybeSnapshot('d1', asDesign(chain(7)));
    at(T + 2000 + AUTO_INTERVAL_MS);
    await maybeSnapshot('d1', asDesign(chain(7))); // interval passed since the latest
    expect(await names('d1')).toEqual(['auto:7', 'auto:6', 'auto:2', 'auto:1']);
  });

  it('a named version counts as the latest: the same content right after is not taken again', async () => {
    at(T);
    await saveNamedVersion('d2', asDesign(chain(3)), 'Baseline');
    await maybeSnapshot('d2', asDesign(chain(3)));
    await snapshotOnClose('design', 'd2');
    expect(await names('d2')).toEqual(['named:3']);
  });

  it('a failing snapshot never throws into the save', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(versionsRepo(), 'add').mockRejectedValue(new Error('disk full'));
    at(T);
    await expect(maybeSnapshot('d3', asDesign(chain(1)))).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalled();
  });
});
