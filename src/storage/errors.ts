/**
 * Plain words for a failed IndexedDB write. A full disk is the one failure people can act on, so it is named;
 * Dexie wraps the browser's error, hence the look at `inner`.
 */
export function isQuotaError(err: unknown): boolean {
  const nameOf = (e: unknown) => (e && typeof e === 'object' ? String((e as { name?: unknown }).name ?? '') : '');
  return [err, (err as { inner?: unknown } | null)?.inner].some((e) => nameOf(e) === 'QuotaExceededError') || /quota/i.test(String(err));
}

/** "<what failed>: <why>", with the way out when the browser storage is full. */
export function storageErrorMessage(what: string, err: unknown): string {
  if (isQuotaError(err)) return `${what}: the browser storage is full. What was saved before is unchanged. Export a backup, then delete old designs or device profiles to free space.`;
  return `${what}: ${err instanceof Error ? err.message : String(err)}`;
}
