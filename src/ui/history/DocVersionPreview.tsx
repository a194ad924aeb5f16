import type { DesignDoc } from '../../domain/doc/format.ts';
import { DocPreview } from '../docs/DocPreview.tsx';
import { useDocDesign } from '../docs/useDocDesign.ts';

/**
 * The version's text rendered as the doc editor renders it (sanitised, read-only). Loaded on demand so the
 * design workspace does not carry the Markdown renderer. Live blocks show the attached design as it is now.
 */
export default function DocVersionPreview({ doc }: { doc: DesignDoc }) {
  const attached = useDocDesign(doc.designId);
  return (
    <div className="history-doc" data-testid="version-preview-doc">
      <DocPreview markdown={doc.markdown} ctx={attached.status === 'ready' ? attached.ctx : null} />
    </div>
  );
}
