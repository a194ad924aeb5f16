/** How full the browser's storage for this site is, in words people read ("3.2 MB of 1.2 GB used"). */
export function describeUsage(usage: number | undefined, quota: number | undefined, persisted: boolean | null): { text: string; tone: 'ok' | 'warn' | 'bad' } {
  if (usage === undefined || quota === undefined || quota <= 0) return { text: 'Storage use is not reported by this browser.', tone: 'ok' };
  const share = usage / quota;
  const keep = persisted === true ? 'kept until you clear it' : persisted === false ? 'the browser may clear it under storage pressure: export backups' : '';
  const text = `${bytes(usage)} of ${bytes(quota)} used (${share < 0.001 ? '<0.1' : (share * 100).toFixed(1)}%)${keep ? `; ${keep}` : ''}.`;
  return { text, tone: share > 0.95 ? 'bad' : share > 0.8 ? 'warn' : 'ok' };
}

export function bytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v >= 100 || i === 0 ? Math.round(v) : v.toFixed(1)} ${units[i]}`;
}
