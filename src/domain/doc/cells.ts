/**
 * Markdown table cells from untrusted text (labels come from shared design files). A "|" would split the cell,
 * a newline would end the row, and raw HTML would reach the preview; all are neutralised here.
 */
export function escapeCell(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\|`*_~[\]])/g, '\\$1')
    .trim();
}

/** A GFM table; cells are written as given, so escape untrusted text with escapeCell first. */
export function markdownTable(head: string[], align: ('left' | 'right')[], rows: string[][]): string {
  const sep = align.map((a) => (a === 'right' ? '---:' : '---'));
  return [head, sep, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}
