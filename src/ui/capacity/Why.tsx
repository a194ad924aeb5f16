import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { Explanation } from '../../domain/capacity/index.ts';
import { fmtNumber } from './format.ts';

/** Any number that can explain itself: click it to see the formula and the inputs, with their sources. */
export function Why({ explain, children, label }: { explain: Explanation | undefined; children: ReactNode; label: string }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLSpanElement>(null);
  const id = useId();
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  if (!explain) return <>{children}</>;
  return (
    <span className="why" ref={ref}>
      <button type="button" className="why-trigger" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)} title={`Why? ${label}`} aria-label={`${label}: explain`}>
        {children}
      </button>
      {open && (
        <div className="why-pop" id={id} role="dialog" aria-label={`How ${label} is computed`} data-testid="why-popover">
          <div className="why-head">
            <strong>{explain.quantity}</strong> = {explain.value === null ? 'unbounded' : fmtNumber(explain.value, explain.unit)}
          </div>
          <code className="why-formula">{explain.formula}</code>
          {explain.inputs.length > 0 && (
            <table className="why-inputs">
              <tbody>
                {explain.inputs.map((i) => (
                  <tr key={i.name}>
                    <th scope="row">{i.name}</th>
                    <td>{typeof i.value === 'number' ? fmtNumber(i.value, i.unit) : i.value === null ? 'unbounded' : `${i.value}${i.unit ? ` ${i.unit}` : ''}`}</td>
                    <td className="why-source">{i.source ? `${i.source.verified ? '' : '(estimate) '}${i.source.label}` : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </span>
  );
}
