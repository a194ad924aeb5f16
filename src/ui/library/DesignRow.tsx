import type { DesignSummary } from '../../storage/designsRepo.ts';
import { Link } from '../app/Link.tsx';
import { relativeTime } from './relativeTime.ts';

interface Props {
  item: DesignSummary;
  onRename: () => void;
  onDuplicate: () => void;
  onDelete: () => void;
}

export function DesignRow({ item, onRename, onDuplicate, onDelete }: Props) {
  const href = `/design/${encodeURIComponent(item.id)}`;
  return (
    <li className="design-row" data-testid="design-row">
      <div className="design-row-main">
        <Link href={href} className="design-row-name">{item.name}</Link>
        <div className="design-row-meta">
          {item.nodeCount} component{item.nodeCount === 1 ? '' : 's'} · {item.edgeCount} connection{item.edgeCount === 1 ? '' : 's'} · edited{' '}
          <time dateTime={new Date(item.updatedAt).toISOString()} title={new Date(item.updatedAt).toLocaleString()}>{relativeTime(item.updatedAt)}</time>
        </div>
        {item.problem && <div className="design-row-problem" role="note">Cannot open: {item.problem}</div>}
      </div>
      <div className="design-row-actions">
        <button type="button" className="btn small ghost" onClick={onRename} aria-label={`Rename ${item.name}`}>Rename</button>
        <button type="button" className="btn small ghost" onClick={onDuplicate} aria-label={`Duplicate ${item.name}`}>Duplicate</button>
        <button type="button" className="btn small ghost danger" onClick={onDelete} aria-label={`Delete ${item.name}`}>Delete</button>
      </div>
    </li>
  );
}
