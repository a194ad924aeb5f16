import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyDesign, addNode } from '../../../src/domain/design/ops.ts';
import { isQuotaError, storageErrorMessage } from '../../../src/storage/errors.ts';
import { flushSave } from '../../../src/state/autosave.ts';
import { designsRepo, TAB_ID } from '../../../src/state/services.ts';
import { applyEdit, openDesign, useWorkspace } from '../../../src/state/workspaceStore.ts';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('storage errors in plain words', () => {
  it('recognises a full disk however it arrives: the browser error, Dexie wrapping it, or only its text', () => {
    expect(isQuotaError(quota())).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', quota()))).toBe(true);
    expect(isQuotaError(new Error('QuotaExceededError: storage quota reached'))).toBe(true);
    expect(isQuotaError(new Error('Transaction aborted'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });

  it('says the storage is full, that saved data is unchanged, and what to do; other errors keep their text', () => {
    const full = storageErrorMessage('Nothing was imported', quota());
    expect(full).toMatch(/^Nothing was imported: the browser storage is full\. What was saved before is unchanged\./);
    expect(full).toMatch(/Export a backup/);
    expect(storageErrorMessage('Could not save', new Error('disk on fire'))).toBe('Could not save: disk on fire');
  });
});

describe('autosave when the storage is full', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps the last good design in the database and the edit in memory, marked unsaved, then saves it on the next try', async () => {
    const first = emptyDesign('Quota test');
    const id = await designsRepo().create(first, TAB_ID);
    const stored = async () => {
      const r = (await designsRepo().load(id))!.result;
      if (!r.ok) throw new Error(r.message);
      return r.value.nodes.map((n) => n.id);
    };
    openDesign(id, first, 1, null);
    applyEdit((d) => addNode(d, 'api-gateway', { x: 0, y: 0 }, 'API').design);
    const save = vi.spyOn(designsRepo(), 'save').mockRejectedValueOnce(quota());

    await flushSave();
    const s = useWorkspace.getState();
    expect(s.saveStatus).toBe('error');
    expect(s.dirty).toBe(true);
    expect(s.saveError).toMatch(/browser storage is full/);
    expect(s.history!.present.nodes.map((n) => n.id)).toEqual(['api-gateway-1']);
    expect(await stored()).toEqual([]);

    save.mockRestore();
    await flushSave();
    expect(useWorkspace.getState().saveStatus).toBe('saved');
    expect(await stored()).toEqual(['api-gateway-1']);
  });
});
