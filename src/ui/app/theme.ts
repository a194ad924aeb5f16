import { useCallback, useSyncExternalStore } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'mlsd.theme';
const EVENT = 'mlsd:theme';

function readChoice(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

const media = () => window.matchMedia('(prefers-color-scheme: dark)');

export function resolvedTheme(choice: ThemeChoice = readChoice()): 'light' | 'dark' {
  if (choice === 'system') return media().matches ? 'dark' : 'light';
  return choice;
}

/** The browser's title bar (installed app, mobile) in the colour of the app's top bar (--bg-elev in theme.css). */
const BAR_COLORS = { light: '#ffffff', dark: '#1b1d24' } as const;

function apply(): void {
  const theme = resolvedTheme();
  document.documentElement.dataset.theme = theme;
  // Both theme-color tags (one per system scheme) take the chosen theme, so a manual choice wins over the system's.
  for (const meta of document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]')) meta.content = BAR_COLORS[theme];
}

function subscribe(cb: () => void): () => void {
  const m = media();
  const onChange = () => {
    apply();
    cb();
  };
  m.addEventListener('change', onChange);
  window.addEventListener(EVENT, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    m.removeEventListener('change', onChange);
    window.removeEventListener(EVENT, onChange);
    window.removeEventListener('storage', onChange);
  };
}

export function useTheme(): { choice: ThemeChoice; theme: 'light' | 'dark'; setChoice: (c: ThemeChoice) => void } {
  const choice = useSyncExternalStore(subscribe, readChoice);
  const theme = useSyncExternalStore(subscribe, () => resolvedTheme(choice));
  const setChoice = useCallback((c: ThemeChoice) => {
    try {
      localStorage.setItem(KEY, c);
    } catch {
      // Private mode may refuse storage; the theme still applies for this page.
    }
    window.dispatchEvent(new Event(EVENT));
  }, []);
  return { choice, theme, setChoice };
}
