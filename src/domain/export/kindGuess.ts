import { COMPONENT_KINDS, getKind, type Stage } from '../catalog/components.ts';
import type { Shape } from './mermaidShapes.ts';

/**
 * Which catalog kind a diagram box most likely is, from the words people put in boxes ("Kafka",
 * "Postgres DB", "Triton model server"). The exporter runs the same guess to decide which nodes need an
 * explicit `%% mlsd:` kind hint, so an export always imports back to the same kinds.
 */

export interface KindEvidence {
  label?: string | undefined;
  id?: string | undefined;
  /** Other descriptive words, e.g. an architecture icon name ("aws-s3"). */
  extra?: string | undefined;
  shape?: Shape | undefined;
  /** Title of the nearest enclosing subgraph (or architecture group). */
  groupTitle?: string | undefined;
}

export type KindSource = 'label' | 'id' | 'extra' | 'shape' | 'group' | 'default';

export interface KindGuess {
  kind: string;
  from: KindSource;
}

/** Plain service when nothing else fits: cheap, synchronous, never the source of load. */
export const DEFAULT_KIND = 'api-gateway';

/** Words that name too many things to outrank a more specific word in the same label ("Users DB", "Model API"). */
const WEAK = new Set(['model', 'user', 'app', 'api', 'backend', 'function', 'client', 'registry', 'router', 'ab', 'a b']);

/** A group title that names a stage makes that stage's most common kind the fallback. */
const STAGE_WORDS: readonly { stage: Stage; words: readonly string[]; kind: string }[] = [
  { stage: 'ingestion', words: ['ingestion', 'ingest', 'collection', 'pipeline', 'etl'], kind: 'stream-processor' },
  { stage: 'storage', words: ['storage', 'store', 'stores', 'data', 'persistence', 'databases'], kind: 'database' },
  { stage: 'training', words: ['training', 'train', 'offline', 'experimentation'], kind: 'training-cluster' },
  { stage: 'serving', words: ['serving', 'inference', 'online', 'prediction', 'predictions'], kind: 'model-server' },
  { stage: 'monitoring', words: ['monitoring', 'observability', 'feedback'], kind: 'metrics' },
];

interface Phrase {
  kind: string;
  words: readonly string[];
  weak: boolean;
}

/** Lowercase words with a light plural fold ("servers" → "server"), so "Model servers" still matches. */
export function words(text: string, splitCamel = false): string[] {
  const spaced = splitCamel ? text.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/([A-Za-z])(\d)/g, '$1 $2') : text;
  return spaced
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

const PHRASES: readonly Phrase[] = COMPONENT_KINDS.flatMap((k) => {
  const texts = new Set([k.kind.replace(/-/g, ' '), k.label, ...k.aliases]);
  return [...texts].map((t) => {
    const w = words(t);
    return { kind: k.kind, words: w, weak: WEAK.has(w.join(' ')) };
  });
}).filter((p) => p.words.length > 0);

interface Match {
  kind: string;
  words: number;
  chars: number;
  at: number;
  weak: boolean;
}

/** Both as written ("TorchServe" is an alias) and split ("userService", "redis1" are two words each). */
function matches(text: string): Match[] {
  const out: Match[] = [];
  for (const w of [words(text), words(text, true)]) {
    for (const p of PHRASES) {
      for (let i = 0; i + p.words.length <= w.length; i++) {
        if (p.words.every((pw, j) => w[i + j] === pw)) {
          out.push({ kind: p.kind, words: p.words.length, chars: p.words.join('').length, at: i, weak: p.weak });
          break;
        }
      }
    }
  }
  return out;
}

const STORAGE_SHAPES: ReadonlySet<Shape> = new Set(['cylinder']);

/** Best match: strong over weak, more words, a store for a cylinder, longer words, then earlier in the text. */
function best(found: Match[], shape: Shape | undefined): string | undefined {
  const preferStore = shape !== undefined && STORAGE_SHAPES.has(shape);
  const rank = (m: Match) => [m.weak ? 0 : 1, m.words, preferStore && getKind(m.kind)?.stage === 'storage' ? 1 : 0, m.chars, -m.at];
  let top: Match | undefined;
  for (const m of found) {
    if (!top) top = m;
    else {
      const a = rank(m);
      const b = rank(top);
      const i = a.findIndex((v, j) => v !== b[j]);
      if (i >= 0 && a[i]! > b[i]!) top = m;
    }
  }
  return top?.kind;
}

export function stageOfTitle(title: string | undefined): (typeof STAGE_WORDS)[number] | undefined {
  if (!title) return undefined;
  const w = new Set(words(title, true));
  return STAGE_WORDS.find((s) => s.words.some((x) => w.has(words(x)[0]!)));
}

export function guessKind(e: KindEvidence): KindGuess {
  const fromLabel = e.label ? best(matches(e.label), e.shape) : undefined;
  if (fromLabel) return { kind: fromLabel, from: 'label' };
  const fromId = e.id ? best(matches(e.id), e.shape) : undefined;
  if (fromId) return { kind: fromId, from: 'id' };
  const fromExtra = e.extra ? best(matches(e.extra), e.shape) : undefined;
  if (fromExtra) return { kind: fromExtra, from: 'extra' };
  if (e.shape === 'cylinder') return { kind: 'database', from: 'shape' };
  const stage = stageOfTitle(e.groupTitle);
  if (stage) return { kind: stage.kind, from: 'group' };
  return { kind: DEFAULT_KIND, from: 'default' };
}
