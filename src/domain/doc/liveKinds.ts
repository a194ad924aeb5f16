/** Live blocks are fenced code blocks whose info string names a view of the attached design. */
export const LIVE_BLOCK_KINDS = ['diagram', 'capacity', 'latency-budget'] as const;
export type LiveBlockKind = (typeof LIVE_BLOCK_KINDS)[number];

const PREFIX = 'mlsd-';

/** The live-block kind an info string names ("mlsd-capacity" → "capacity"), or null. Extra words are ignored. */
export function liveKindOf(info: string): LiveBlockKind | null {
  const word = info.trim().split(/\s+/)[0] ?? '';
  if (!word.startsWith(PREFIX)) return null;
  const kind = word.slice(PREFIX.length);
  return (LIVE_BLOCK_KINDS as readonly string[]).includes(kind) ? (kind as LiveBlockKind) : null;
}

export const isLiveFence = (info: string): boolean => liveKindOf(info) !== null;

/** "mlsd-…" with a name we do not know: probably a typo the author wants to hear about. */
export function isUnknownMlsdFence(info: string): boolean {
  const word = info.trim().split(/\s+/)[0] ?? '';
  return word.startsWith(PREFIX) && liveKindOf(info) === null;
}

export const liveFenceInfo = (kind: LiveBlockKind): string => `${PREFIX}${kind}`;
