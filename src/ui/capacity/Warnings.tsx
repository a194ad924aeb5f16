import { useState } from 'react';

const SHOWN = 2;

/** Engine warnings, capped so a large design never pushes the canvas off screen. */
export function Warnings({ items }: { items: readonly string[] }) {
  const [all, setAll] = useState(false);
  if (items.length === 0) return null;
  const shown = all ? items : items.slice(0, SHOWN);
  return (
    <div className={`metric warnings-box${all ? ' expanded' : ''}`} data-testid="warnings">
      <ul className="warnings">{shown.map((w) => <li key={w}>{w}</li>)}</ul>
      {items.length > SHOWN && (
        <button type="button" className="linkish small" onClick={() => setAll((a) => !a)}>
          {all ? 'Show fewer' : `Show all ${items.length} warnings`}
        </button>
      )}
    </div>
  );
}
