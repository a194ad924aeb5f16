import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, keymap, lineNumbers, placeholder } from '@codemirror/view';
import { tags } from '@lezer/highlight';

export interface EditorHandle {
  /** Insert text at the cursor on its own lines, and focus the editor. */
  insertBlock(text: string): void;
  /** Put the cursor on a 1-based line and scroll it into view. */
  goToLine(line: number): void;
}

// Guidance lives in HTML comments: drawn faint so it reads as a hint, not as the doc's own text.
const highlight = HighlightStyle.define([
  { tag: tags.heading1, fontWeight: '700', fontSize: '1.25em' },
  { tag: tags.heading2, fontWeight: '700', fontSize: '1.1em' },
  { tag: [tags.heading3, tags.heading4], fontWeight: '650' },
  { tag: tags.comment, color: 'var(--fg-faint)', fontStyle: 'italic' },
  { tag: tags.emphasis, fontStyle: 'italic' },
  { tag: tags.strong, fontWeight: '700' },
  { tag: tags.link, color: 'var(--accent)' },
  { tag: tags.monospace, fontFamily: 'var(--mono)', color: 'var(--stage-storage)' },
  { tag: tags.processingInstruction, color: 'var(--fg-muted)' },
]);

const theme = EditorView.theme({
  '&': { height: '100%', backgroundColor: 'var(--bg-elev)', color: 'var(--fg)', fontSize: '14px' },
  '.cm-scroller': { fontFamily: 'var(--font)', lineHeight: '1.6' },
  '.cm-content': { padding: '16px 0', caretColor: 'var(--fg)' },
  '.cm-gutters': { backgroundColor: 'var(--bg-elev)', color: 'var(--fg-faint)', border: 'none' },
  '.cm-activeLine': { backgroundColor: 'var(--bg-hover)' },
  '&.cm-focused': { outline: 'none' },
  '.cm-selectionBackground, &.cm-focused .cm-selectionBackground': { backgroundColor: 'var(--accent-soft) !important' },
});

/** CodeMirror 6 with Markdown: the doc's source. Controlled loosely: outside changes replace the text. */
export function MarkdownEditor({ value, onChange, handle, label }: { value: string; onChange: (v: string) => void; handle?: Ref<EditorHandle>; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const change = useRef(onChange);
  change.current = onChange;

  useEffect(() => {
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          history(),
          drawSelection(),
          highlightActiveLine(),
          EditorView.lineWrapping,
          markdown(),
          syntaxHighlighting(highlight),
          theme,
          placeholder('Start writing, or pick a template…'),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          EditorView.contentAttributes.of({ 'aria-label': label }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) change.current(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = v;
    return () => v.destroy();
    // The editor is created once; later `value` changes are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  useImperativeHandle(handle, () => ({
    insertBlock(text: string) {
      const v = view.current;
      if (!v) return;
      const { from } = v.state.selection.main;
      const line = v.state.doc.lineAt(from);
      const at = line.to;
      const insert = `${line.length ? '\n' : ''}\n${text}\n`;
      v.dispatch({ changes: { from: at, insert }, selection: { anchor: at + insert.length }, scrollIntoView: true });
      v.focus();
    },
    goToLine(n: number) {
      const v = view.current;
      if (!v) return;
      const line = v.state.doc.line(Math.min(Math.max(1, n), v.state.doc.lines));
      v.dispatch({ selection: { anchor: line.from }, effects: EditorView.scrollIntoView(line.from, { y: 'start' }) });
      v.focus();
    },
  }));

  return <div className="md-editor" ref={host} />;
}
