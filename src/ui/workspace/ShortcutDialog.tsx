import { useEffect, useRef } from 'react';
import { closeShortcutHelp, SHORTCUTS, useShortcutHelp } from './shortcutHelp.ts';

export function ShortcutDialog() {
  const open = useShortcutHelp((s) => s.open);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (open && !ref.current?.open) ref.current?.showModal();
  }, [open]);
  if (!open) return null;
  return (
    <dialog ref={ref} className="dialog" onClose={closeShortcutHelp} aria-labelledby="shortcut-title">
      <h2 id="shortcut-title">Keyboard shortcuts</h2>
      <table className="shortcut-table">
        <tbody>
          {SHORTCUTS.map(([k, v]) => (
            <tr key={k}>
              <td><kbd className="kbd">{k}</kbd></td>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-actions">
        <button type="button" className="btn primary" onClick={() => ref.current?.close()} autoFocus>Close</button>
      </div>
    </dialog>
  );
}
