import type { KeyboardEvent } from 'react';
import { relativeTime } from '../library/relativeTime.ts';
import type { VersionRow } from './versionRows.ts';

export const versionTitle = (row: VersionRow) => row.v.name ?? 'Auto-saved';

/** Newest first. Up/Down move the selection, like a list box. */
export function VersionList({ rows, selectedId, onSelect }: { rows: VersionRow[]; selectedId: string | null; onSelect: (id: string) => void }) {
  const now = Date.now();
  const onKey = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const at = rows.findIndex((r) => r.v.id === selectedId);
    const next = rows[Math.min(rows.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)))];
    if (!next) return;
    e.preventDefault();
    onSelect(next.v.id);
    e.currentTarget.querySelector<HTMLButtonElement>(`[data-version="${next.v.id}"]`)?.focus();
  };
  return (
    <ul className="history-list" aria-label="Versions, newest first" onKeyDown={onKey}>
      {rows.map((row) => (
        <li key={row.v.id}>
          <button type="button" className="history-item" aria-pressed={row.v.id === selectedId} data-version={row.v.id} data-testid="version-item" onClick={() => onSelect(row.v.id)}>
            <span className="history-item-top">
              <span className={row.v.auto ? 'history-item-name auto' : 'history-item-name'}>{versionTitle(row)}</span>
              {row.v.auto && row.v.name && <span className="history-badge">auto</span>}
              <time className="history-item-time" dateTime={new Date(row.v.createdAt).toISOString()} title={new Date(row.v.createdAt).toLocaleString()}>
                {relativeTime(row.v.createdAt, now)}
              </time>
            </span>
            <span className="history-item-diff">{row.summary}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
