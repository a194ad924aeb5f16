import type { OutlineEntry } from '../../domain/doc/sections.ts';
import type { Finding } from '../../domain/doc/completeness.ts';

/** Headings to jump to, and what the completeness check found, each linked to its line. */
export function DocOutline({ entries, findings, onGo }: { entries: OutlineEntry[]; findings: Finding[]; onGo: (line: number) => void }) {
  return (
    <nav className="doc-side" aria-label="Outline and checks">
      <h2>Outline</h2>
      {entries.length === 0 && <p className="muted small">Headings appear here.</p>}
      <ul className="outline">
        {entries.map((e) => (
          <li key={`${e.line}:${e.text}`} style={{ paddingLeft: (e.level - 1) * 10 }}>
            <button type="button" className="linkish" onClick={() => onGo(e.line)}>{e.text || '(untitled)'}</button>
          </li>
        ))}
      </ul>
      <h2>Checks <span className="count">{findings.length}</span></h2>
      {findings.length === 0 ? (
        <p className="muted small">Every section is written, every requirement has a number, and the latency goal matches the design.</p>
      ) : (
        <ul className="findings" data-testid="doc-findings">
          {findings.map((f, i) => (
            <li key={`${f.kind}:${f.line ?? i}:${f.section ?? ''}`} className={`finding ${f.kind}`}>
              {f.line ? <button type="button" className="linkish" onClick={() => onGo(f.line!)}>{f.message}</button> : f.message}
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
