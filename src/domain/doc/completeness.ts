import type { DesignEstimate } from '../capacity/types.ts';
import type { Design } from '../design/schema.ts';
import { isUnknownMlsdFence, liveKindOf } from './liveKinds.ts';
import { statedLatencyGoal } from './latencyGoal.ts';
import { fmtMs } from './numbers.ts';
import { numberlessRequirements } from './requirementLines.ts';
import { headingKey, splitSections } from './sections.ts';
import { scanMarkdown } from './scan.ts';
import type { DocTemplate } from './template.ts';

export type FindingKind =
  | 'missing-section'
  | 'empty-section'
  | 'thin-section'
  | 'requirement-without-number'
  | 'latency-goal-missed'
  | 'latency-goal-mismatch'
  | 'latency-goal-unstated'
  | 'unclosed-block'
  | 'unclosed-comment'
  | 'unknown-block';

export interface Finding {
  kind: FindingKind;
  /** Heading of the section concerned, as the template (or the doc) writes it. */
  section?: string;
  /** 1-based line in the doc. */
  line?: number;
  message: string;
}

export interface CheckContext {
  design: Design;
  estimate: DesignEstimate;
}

/** Fewer words than this reads as a placeholder rather than a decision. */
export const THIN_WORDS = 25;

const sameMs = (a: number, b: number) => Math.abs(a - b) <= Math.max(0.01, 1e-3 * Math.max(a, b));

function structural(markdown: string): Finding[] {
  const scan = scanMarkdown(markdown);
  const out: Finding[] = [];
  for (const f of scan.fences) {
    const line = f.openLine + 1;
    if (isUnknownMlsdFence(f.info)) out.push({ kind: 'unknown-block', line, message: `Unknown live block "${f.info.split(/\s+/)[0]}": use mlsd-diagram, mlsd-capacity or mlsd-latency-budget.` });
    else if (f.closeLine === null && liveKindOf(f.info)) out.push({ kind: 'unclosed-block', line, message: 'This live block is never closed with ``` so it swallows the rest of the doc; export leaves it as it is.' });
  }
  for (const c of scan.comments) {
    if (!c.closed) out.push({ kind: 'unclosed-comment', line: c.startLine + 1, message: 'This comment is never closed with "-->", so everything after it is hidden.' });
  }
  return out;
}

function latency(markdown: string, ctx: CheckContext | undefined): Finding[] {
  if (!ctx) return [];
  const goal = statedLatencyGoal(markdown);
  const budget = ctx.design.workload.p99BudgetMs;
  const e2e = ctx.estimate.endToEnd;
  if (!goal) {
    return budget === undefined ? [] : [{ kind: 'latency-goal-unstated', message: `The design's p99 budget is ${fmtMs(budget)} but the doc states no p99 goal; write it in the requirements (e.g. "p99 < ${fmtMs(budget)}").` }];
  }
  const out: Finding[] = [];
  const at = { line: goal.line };
  if (budget === undefined) {
    out.push({ kind: 'latency-goal-mismatch', ...at, message: `The doc states "${goal.text}" but the design sets no p99 budget; set ${fmtMs(goal.ms)} on its workload so the capacity model checks it.` });
  } else if (!sameMs(goal.ms, budget)) {
    out.push({ kind: 'latency-goal-mismatch', ...at, message: `The doc states a p99 goal of ${fmtMs(goal.ms)} ("${goal.text}") but the design's p99 budget is ${fmtMs(budget)}; make them agree.` });
  }
  if (e2e.saturated || e2e.p99Ms === null) {
    out.push({ kind: 'latency-goal-missed', ...at, message: `The design is saturated at its load, so its p99 is unbounded: it cannot meet the stated ${fmtMs(goal.ms)} goal.` });
  } else if (e2e.p99Ms > goal.ms && !sameMs(e2e.p99Ms, goal.ms)) {
    out.push({ kind: 'latency-goal-missed', ...at, message: `The capacity estimate puts end-to-end p99 at ${fmtMs(e2e.p99Ms)}, over the stated goal of ${fmtMs(goal.ms)} by ${fmtMs(e2e.p99Ms - goal.ms)}.` });
  }
  return out;
}

/**
 * What a reviewer would flag before reading closely: template sections missing, empty (guidance only) or thin,
 * requirements without numbers, and — given the attached design — a p99 goal that the design's budget or its
 * capacity estimate disagrees with. Order: structure, sections in template order, requirements, latency.
 */
export function checkDoc(markdown: string, template: Pick<DocTemplate, 'sections'>, ctx?: CheckContext): Finding[] {
  const findings = structural(markdown);
  const sections = splitSections(markdown).filter((s) => s.level > 0);
  const byKey = new Map<string, (typeof sections)[number]>();
  for (const s of sections) if (!byKey.has(headingKey(s.heading))) byKey.set(headingKey(s.heading), s);
  for (const t of template.sections) {
    const s = byKey.get(headingKey(t.heading));
    if (!s) {
      findings.push({ kind: 'missing-section', section: t.heading, message: `The section "${t.heading}" from the template is missing.` });
    } else if (s.words === 0 && s.liveBlocks === 0) {
      findings.push({ kind: 'empty-section', section: s.heading, line: s.line, message: `"${s.heading}" holds only its guidance: write it, or delete it if it does not apply.` });
    } else if (s.words < THIN_WORDS) {
      const besides = s.liveBlocks > 0 ? ` besides its live block${s.liveBlocks > 1 ? 's' : ''}` : '';
      findings.push({ kind: 'thin-section', section: s.heading, line: s.line, message: `"${s.heading}" has ${s.words} word${s.words === 1 ? '' : 's'}${besides}; aim for at least ${THIN_WORDS}.` });
    }
  }
  const scan = scanMarkdown(markdown);
  for (const s of sections.filter((x) => headingKey(x.heading).includes('requirement'))) {
    for (const r of numberlessRequirements(scan, s)) {
      findings.push({ kind: 'requirement-without-number', section: s.heading, line: r.line, message: `Requirement without a number: "${r.text.slice(0, 80)}". State a target someone can check (e.g. "p99 < 150 ms", "2,000 req/s at peak").` });
    }
  }
  return [...findings, ...latency(markdown, ctx)];
}
