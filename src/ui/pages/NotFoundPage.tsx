import { Link } from '../app/Link.tsx';

export function NotFoundPage({ path }: { path: string }) {
  return (
    <div className="page">
      <div className="empty">
        <h2>Nothing at {path}</h2>
        <p>This address does not match a page of MLSD Studio.</p>
        <Link href="/" className="btn primary">Go to the Library</Link>
      </div>
    </div>
  );
}
