import { useEffect, useState } from 'react';
import { describeUsage } from '../../domain/storage/usage.ts';

/**
 * Asks the browser to keep this site's data (months of designs should not vanish under storage pressure)
 * and shows how much room is used.
 */
export function StorageStatus() {
  const [info, setInfo] = useState<ReturnType<typeof describeUsage> | null>(null);
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const s = navigator.storage;
      if (!s?.estimate) return;
      let persisted: boolean | null;
      try {
        persisted = (await s.persisted?.()) || (await s.persist?.()) || false;
      } catch {
        persisted = null;
      }
      const { usage, quota } = await s.estimate();
      if (!cancelled) setInfo(describeUsage(usage, quota, persisted));
    })();
    return () => {
      cancelled = true;
    };
  }, []);
  if (!info) return null;
  return <p className={`storage-status ${info.tone}`} data-testid="storage-status">Local storage: {info.text}</p>;
}
