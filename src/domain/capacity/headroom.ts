import type { DesignEstimate } from './types.ts';

/** How many times the current load the design can carry before its first component saturates (null: no request path). */
export function headroom(e: Pick<DesignEstimate, 'maxThroughputRps' | 'loadRps'>): number | null {
  return e.maxThroughputRps !== null && e.loadRps > 0 ? e.maxThroughputRps / e.loadRps : null;
}
