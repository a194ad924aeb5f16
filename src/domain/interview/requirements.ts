import type { Requirement } from '../scenario/schema.ts';

export interface RequirementMatch {
  requirement: Requirement;
  score: number;
}

const STOP = new Set('a an the is are was what how many much do does did we you our your of to in on for and or be it this that there per with by at from as can will should would'.split(' '));
const words = (t: string) => t.toLowerCase().replace(/[^a-z0-9.%\s-]/g, ' ').split(/\s+/).filter((w) => w.length > 1 && !STOP.has(w));

/**
 * Match a typed question to the scenario's facts: keyword hits count most (phrases match as
 * substrings), plus a little for words shared with the fact's own question. Returns the best match
 * above a threshold, with runners-up, so "what's the peak qps?" finds the scale fact.
 */
export function matchRequirement(text: string, requirements: readonly Requirement[]): { best: RequirementMatch | null; others: RequirementMatch[] } {
  const norm = ` ${text.toLowerCase().replace(/[^a-z0-9.%\s-]/g, ' ').replace(/\s+/g, ' ')} `;
  const asked = new Set(words(text));
  if (asked.size === 0) return { best: null, others: [] };
  const scored = requirements.map((requirement) => {
    let score = 0;
    for (const k of requirement.keywords) if (!STOP.has(k.toLowerCase()) && (norm.includes(` ${k.toLowerCase()} `) || (k.length > 4 && norm.includes(k.toLowerCase())))) score += 1;
    const shared = words(requirement.question).filter((w) => asked.has(w)).length;
    score += shared * 0.4;
    return { requirement, score };
  });
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0] && scored[0].score >= 1 ? scored[0] : null;
  return { best, others: scored.slice(best ? 1 : 0, 4).filter((m) => m.score >= 0.8) };
}
