import { Link } from '../app/Link.tsx';

export function PlaceholderPage({ title, text }: { title: string; text: string }) {
  return (
    <div className="page">
      <div className="page-head">
        <h1>{title}</h1>
      </div>
      <div className="empty">
        <h2>Coming in a later version</h2>
        <p>{text}</p>
        <Link href="/" className="btn primary">Go to the Library</Link>
      </div>
    </div>
  );
}
