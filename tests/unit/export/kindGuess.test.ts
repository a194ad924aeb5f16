import { describe, expect, it } from 'vitest';
import { COMPONENT_KINDS } from '../../../src/domain/catalog/components.ts';
import { guessKind, stageOfTitle, words } from '../../../src/domain/export/kindGuess.ts';

describe('guessKind', () => {
  it('maps every catalog label and kind name back to its own kind', () => {
    for (const k of COMPONENT_KINDS) {
      expect(guessKind({ label: k.label }).kind, k.label).toBe(k.kind);
      expect(guessKind({ id: `${k.kind}-3` }).kind, k.kind).toBe(k.kind);
    }
  });

  it('prefers longer phrases, then specific words over generic ones ("model", "user", "api")', () => {
    expect(guessKind({ label: 'Offline feature store' }).kind).toBe('feature-store-offline');
    expect(guessKind({ label: 'Model registry' }).kind).toBe('model-registry');
    expect(guessKind({ label: 'Embedding model' }).kind).toBe('embedding-service');
    expect(guessKind({ label: 'Users DB' }).kind).toBe('database');
    expect(guessKind({ label: 'Inference API' }).kind).toBe('model-server');
    expect(guessKind({ label: 'Feast on Redis' }).kind).toBe('feature-store-online');
  });

  it('splits camelCase and digits in ids but still knows one-word product names', () => {
    expect(guessKind({ id: 'userService' })).toEqual({ kind: 'client', from: 'id' });
    expect(guessKind({ id: 'redis2' })).toEqual({ kind: 'cache', from: 'id' });
    expect(guessKind({ label: 'TorchServe' }).kind).toBe('model-server');
    expect(guessKind({ label: 'BigQuery' }).kind).toBe('data-warehouse');
  });

  it('falls back to a cylinder store, then the group stage, then the default, and says which', () => {
    expect(guessKind({ label: 'Orders', shape: 'cylinder' })).toEqual({ kind: 'database', from: 'shape' });
    expect(guessKind({ label: 'Orders', groupTitle: 'Online inference' })).toEqual({ kind: 'model-server', from: 'group' });
    expect(guessKind({ label: 'Orders' })).toEqual({ kind: 'api-gateway', from: 'default' });
    expect(guessKind({ label: 'Users', shape: 'cylinder' }).kind).toBe('client');
  });

  it('reads stage names from group titles', () => {
    expect(stageOfTitle('Data storage')?.stage).toBe('storage');
    expect(stageOfTitle('Observability')?.stage).toBe('monitoring');
    expect(stageOfTitle('Misc')).toBeUndefined();
    expect(words('Model servers, GPUs')).toEqual(['model', 'server', 'gpu']);
  });
});
