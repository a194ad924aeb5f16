import { useSyncExternalStore } from 'react';

/** A tiny history-API router: real URLs, deep links work after reload, no dependency. */
const NAV_EVENT = 'mlsd:navigate';

function subscribe(cb: () => void): () => void {
  window.addEventListener('popstate', cb);
  window.addEventListener(NAV_EVENT, cb);
  return () => {
    window.removeEventListener('popstate', cb);
    window.removeEventListener(NAV_EVENT, cb);
  };
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export function useSearch(): string {
  return useSyncExternalStore(subscribe, () => window.location.search);
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === window.location.pathname + window.location.search) return;
  if (opts.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAV_EVENT));
}

export type Route =
  | { page: 'library' }
  | { page: 'design'; id: string }
  | { page: 'interview' }
  | { page: 'attempt'; id: string }
  | { page: 'benchmarks' }
  | { page: 'docs' }
  | { page: 'doc'; id: string }
  | { page: 'not-found'; path: string };

export function matchRoute(path: string): Route {
  const clean = path.replace(/\/+$/, '') || '/';
  if (clean === '/' || clean === '/library') return { page: 'library' };
  const m = /^\/design\/([^/]+)$/.exec(clean);
  if (m?.[1]) return { page: 'design', id: decodeURIComponent(m[1]) };
  if (clean === '/interview') return { page: 'interview' };
  const a = /^\/interview\/([^/]+)$/.exec(clean);
  if (a?.[1]) return { page: 'attempt', id: decodeURIComponent(a[1]) };
  if (clean === '/benchmarks') return { page: 'benchmarks' };
  if (clean === '/docs') return { page: 'docs' };
  const d = /^\/doc\/([^/]+)$/.exec(clean);
  if (d?.[1]) return { page: 'doc', id: decodeURIComponent(d[1]) };
  return { page: 'not-found', path };
}
