import { Link } from '../app/Link.tsx';

/** A page that cannot show what was asked for: what happened, and the way back. */
export function ProblemPage({ title, text, backHref, backLabel }: { title: string; text: string; backHref: string; backLabel: string }) {
  return (
    <div className="page">
      <div className="empty">
        <h2>{title}</h2>
        <p>{text}</p>
        <Link href={backHref} className="btn primary">{backLabel}</Link>
      </div>
    </div>
  );
}
