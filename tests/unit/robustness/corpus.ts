import { readdirSync, readFileSync } from 'node:fs';
import { readBackupText } from '../../../src/domain/backup/format.ts';
import { readProfile } from '../../../src/domain/calibration/profile.ts';
import { importDesignFile } from '../../../src/domain/design/importFile.ts';
import { readDocText } from '../../../src/domain/doc/format.ts';
import { mermaidToDesign } from '../../../src/domain/export/mermaidImport.ts';
import { readPackText } from '../../../src/domain/pack/format.ts';

export const BAD = 'tests/fixtures/bad';
export const KINDS = ['design', 'pack', 'backup', 'profile', 'doc', 'mermaid'] as const;
export type Kind = (typeof KINDS)[number];
export type Outcome = 'not-json' | 'wrong-format' | 'too-new' | 'invalid' | 'refused' | 'accepted';

export interface Case {
  /** Path under tests/fixtures/bad, e.g. "design/truncated.mlsd.json". */
  file: string;
  kind: Kind;
  what: string;
  outcome: Outcome;
  /** A fragment of the message; null for accepted files. */
  fragment: string | null;
}

/** The README's table is the single list of cases and their expected outcomes. */
export function readCases(): Case[] {
  const rows = readFileSync(`${BAD}/README.md`, 'utf8').split('\n').filter((l) => l.startsWith('| `'));
  return rows.map((line) => {
    const m = /^\| `([^`]+)` \| (.+) \| `([a-z-]+)` \| (?:`(.+)`|—) \|$/.exec(line);
    if (!m) throw new Error(`README row does not parse: ${line}`);
    const file = m[1]!;
    return { file, kind: file.split('/')[0] as Kind, what: m[2]!, outcome: m[3] as Outcome, fragment: m[4] ?? null };
  });
}

/** Every committed fixture (README excluded), as kind/name. */
export function fixtureFiles(): string[] {
  return KINDS.flatMap((k) => readdirSync(`${BAD}/${k}`).map((f) => `${k}/${f}`)).sort();
}

/** Bytes as the browser's File.text() would decode them (invalid UTF-8 becomes U+FFFD). */
export const fixtureBytes = (file: string): Buffer => readFileSync(`${BAD}/${file}`);
export const fixtureText = (file: string): string => new TextDecoder().decode(fixtureBytes(file));

export type Read = { ok: true; value: unknown } | { ok: false; reason: Outcome; message: string };

/** The domain reader each kind of file goes through, with the same arguments the app passes. */
export function readAs(kind: Kind, text: string): Read {
  switch (kind) {
    case 'design':
      return norm(importDesignFile(text, new TextEncoder().encode(text).length));
    case 'pack':
      return norm(readPackText(text));
    case 'backup':
      return norm(readBackupText(text));
    case 'profile':
      return norm(readProfile(text));
    case 'doc':
      return norm(readDocText(text));
    case 'mermaid': {
      const r = mermaidToDesign(text);
      return r.ok ? { ok: true, value: r.design } : { ok: false, reason: 'refused', message: `Line ${r.line}: ${r.message}` };
    }
  }
}

function norm(r: { ok: true; value: unknown } | { ok: false; reason: Exclude<Outcome, 'refused' | 'accepted'>; message: string }): Read {
  return r.ok ? { ok: true, value: r.value } : { ok: false, reason: r.reason, message: r.message };
}

