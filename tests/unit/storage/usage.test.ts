import { describe, expect, it } from 'vitest';
import { bytes, describeUsage } from '../../../src/domain/storage/usage.ts';

describe('storage usage wording', () => {
  it('formats sizes', () => {
    expect(bytes(0)).toBe('0 B');
    expect(bytes(999)).toBe('999 B');
    expect(bytes(3_200_000)).toBe('3.2 MB');
    expect(bytes(1_234_000_000)).toBe('1.2 GB');
    expect(bytes(250_000_000)).toBe('250 MB');
  });

  it('says how full, whether the data is kept, and warns near the quota', () => {
    expect(describeUsage(3_200_000, 1_200_000_000, true)).toEqual({ text: '3.2 MB of 1.2 GB used (0.3%); kept until you clear it.', tone: 'ok' });
    expect(describeUsage(900, 1000, false).tone).toBe('warn');
    expect(describeUsage(990, 1000, false)).toMatchObject({ tone: 'bad', text: expect.stringContaining('export backups') });
    expect(describeUsage(undefined, undefined, null).text).toMatch(/not reported/);
  });
});
