import { Link } from './Link.tsx';
import type { Route } from './router.ts';
import { ThemeToggle } from './ThemeToggle.tsx';

const LINKS: { href: string; label: string; match: Route['page'][] }[] = [
  { href: '/', label: 'Library', match: ['library'] },
  { href: '/interview', label: 'Interview', match: ['interview', 'attempt'] },
  { href: '/benchmarks', label: 'Benchmarks', match: ['benchmarks'] },
  { href: '/docs', label: 'Docs', match: ['docs', 'doc'] },
];

export function TopBar({ route }: { route: Route }) {
  return (
    <header className="topbar">
      <a className="sr-only" href="#main">Skip to content</a>
      <Link href="/" className="brand" aria-label="MLSD Studio home">
        <img src="/icon.svg" alt="" />
        <span>MLSD Studio</span>
      </Link>
      <nav className="nav" aria-label="Main">
        {LINKS.map((l) => (
          <Link key={l.href} href={l.href} aria-current={l.match.includes(route.page) ? 'page' : undefined}>
            {l.label}
          </Link>
        ))}
        {route.page === 'design' && <span className="nav-current" aria-current="page">Workspace</span>}
      </nav>
      <div className="topbar-spacer" />
      <ThemeToggle />
    </header>
  );
}
