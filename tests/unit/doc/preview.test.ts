import { describe, expect, it } from 'vitest';
import { previewMarkdown } from '../../../src/domain/doc/preview.ts';

const md = `# T

## Empty
<!-- guide: Say what <b>matters</b>.
Second line. -->

## Written
<!-- guide: Hidden once written. -->
We chose Kafka.
`;

describe('previewMarkdown', () => {
  it('shows guidance only in sections with nothing written, escaped, on one HTML line', () => {
    const out = previewMarkdown(md, null);
    expect(out).toContain('<div class="doc-guide">Say what &lt;b&gt;matters&lt;/b&gt;.<br>Second line.</div>');
    expect(out).not.toContain('Hidden once written');
    expect(out).toContain('We chose Kafka.');
  });

  it('freezes live blocks like the export does', () => {
    const out = previewMarkdown('## Arch\n\n```mlsd-diagram\n```\n', null);
    expect(out).toContain('No design is attached');
    expect(out).not.toContain('mlsd-diagram');
  });
});
