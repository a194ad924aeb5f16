/** Design docs: templates, the stored format, sections and outline, live blocks and export, completeness checks. */
export { parseTemplate, MAX_TEMPLATE_CHARS } from './template.ts';
export type { DocTemplate, TemplateSection, TemplateResult } from './template.ts';
export { DOC_FORMAT, DOC_VERSION, MAX_DOC_CHARS, docSchema, docSpec, readDoc, readDocText, docToFileText } from './format.ts';
export type { DesignDoc } from './format.ts';
export { newDoc, newDocMarkdown } from './newDoc.ts';
export type { NewDocInput } from './newDoc.ts';
export { splitSections, outline, countWords, headingKey } from './sections.ts';
export type { DocSection, OutlineEntry } from './sections.ts';
export { findLiveBlocks, renderLiveBlock, freezeDoc, LIVE_BLOCK_KINDS, liveFenceInfo } from './blocks.ts';
export { stripGuides, guideRanges } from './guides.ts';
export type { GuideRange } from './guides.ts';
export type { LiveBlock, LiveBlockKind, BlockContext } from './blocks.ts';
export { checkDoc, THIN_WORDS } from './completeness.ts';
export type { Finding, FindingKind, CheckContext } from './completeness.ts';
export { findLatencyGoals, statedLatencyGoal } from './latencyGoal.ts';
export type { LatencyGoal } from './latencyGoal.ts';
export { escapeCell } from './cells.ts';
