import { describe, expect, it } from 'vitest';
import { countWords, headingKey, outline, splitSections } from '../../../src/domain/doc/sections.ts';

const doc = [
  '# Title', //                                         1
  '', //                                                2
  '## Data', //                                         3
  '<!-- guide: these words', //                        4
  'do not count at all -->', //                        5
  'Events arrive from Kafka.', //                      6
  '', //                                                7
  '```bash', //                                         8
  '# a shell comment, not a heading', //               9
  '## nor this', //                                     10
  '```', //                                             11
  '', //                                                12
  '~~~~', //                                            13
  '```', //                                             14
  '# still code: a shorter fence of another char does not close it', // 15
  '~~~~', //                                            16
  '', //                                                17
  '### Labels', //                                      18
  'Labels arrive after 30 days.', //                    19
  '', //                                                20
  '```mlsd-capacity', //                                21
  'live blocks hold no words', //                      22
  '```', //                                             23
  '', //                                                24
  '<!-- a plain comment with # Heading inside -->', // 25
  '## Serving ##', //                                   26
  '    ## indented four spaces: code, not a heading', // 27
  '#hashtag is not a heading', //                       28
].join('\n');

describe('splitSections', () => {
  it('splits at level 1–2 headings outside code and comments, keeping ### inside', () => {
    const s = splitSections(doc);
    expect(s.map((x) => [x.heading, x.level, x.line, x.endLine])).toEqual([
      ['Title', 1, 1, 2],
      ['Data', 2, 3, 25],
      ['Serving', 2, 26, 28],
    ]);
  });

  it('counts words a reader sees: prose and ordinary code, not guides, comments, live blocks or headings', () => {
    const data = splitSections(doc).find((x) => x.heading === 'Data')!;
    const expected = countWords('Events arrive from Kafka.')
      + countWords('# a shell comment, not a heading') + countWords('## nor this')
      + countWords('```') + countWords('# still code: a shorter fence of another char does not close it')
      + countWords('Labels arrive after 30 days.');
    expect(data.words).toBe(expected);
    expect(data.liveBlocks).toBe(1);
  });

  it('splits at deeper levels on request', () => {
    expect(splitSections(doc, 3).map((x) => x.heading)).toEqual(['Title', 'Data', 'Labels', 'Serving']);
  });

  it('keeps text before the first heading as a level-0 section only when there is some', () => {
    expect(splitSections('intro words here\n\n## A\nbody')[0]).toMatchObject({ heading: '', level: 0, line: 1, endLine: 2, words: 3 });
    expect(splitSections('\n\n## A\nbody').map((x) => x.heading)).toEqual(['A']);
    expect(splitSections('')).toEqual([]);
  });

  it('treats a fence that never closes as code to the end, as renderers do', () => {
    expect(splitSections('## A\n```\n## B\n').map((x) => x.heading)).toEqual(['A']);
  });

  it('treats a comment that never closes as hidden to the end', () => {
    expect(splitSections('## A\n<!-- open\n## B\n')).toMatchObject([{ heading: 'A', words: 0 }]);
  });

  it('counts text after a closing "-->" on the same line (a renderer shows it)', () => {
    expect(splitSections('## A\n<!-- guide: x --> two words\n')[0]!.words).toBe(2);
  });

  it('handles CRLF line endings', () => {
    const s = splitSections(doc.replace(/\n/g, '\r\n'));
    expect(s.map((x) => [x.heading, x.line])).toEqual([['Title', 1], ['Data', 3], ['Serving', 26]]);
  });
});

describe('outline', () => {
  it('lists every heading outside code and comments with its level and 1-based line', () => {
    expect(outline(doc)).toEqual([
      { level: 1, text: 'Title', line: 1 },
      { level: 2, text: 'Data', line: 3 },
      { level: 3, text: 'Labels', line: 18 },
      { level: 2, text: 'Serving', line: 26 },
    ]);
  });
});

describe('word counting and heading keys', () => {
  it('counts words, numbers and decimals once each, ignoring Markdown punctuation', () => {
    expect(countWords('**p99** < 0.2 s — at 3,000 req/s; see [docs](x).')).toBe(9);
    expect(countWords('| a | b |\n|---|---|')).toBe(2);
    expect(countWords('')).toBe(0);
  });

  it('ignores case, numbering, punctuation and & vs "and"', () => {
    expect(headingKey('3. Data & Features')).toBe('data and features');
    expect(headingKey('5.2 Data and features')).toBe('data and features');
    expect(headingKey('Non-goals')).toBe('non goals');
    expect(headingKey('2) Cost!')).toBe('cost');
    expect(headingKey('99.9% uptime')).toBe('99 9 uptime');
  });
});
