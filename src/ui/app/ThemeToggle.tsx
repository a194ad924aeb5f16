import { useTheme, type ThemeChoice } from './theme.ts';

const NEXT: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };
const ICON: Record<ThemeChoice, string> = { system: '◐', light: '☀', dark: '☾' };

export function ThemeToggle() {
  const { choice, setChoice } = useTheme();
  const label = `Theme: ${choice}. Switch to ${NEXT[choice]}`;
  return (
    <button type="button" className="btn ghost icon" onClick={() => setChoice(NEXT[choice])} aria-label={label} title={label} data-testid="theme-toggle">
      <span aria-hidden="true">{ICON[choice]}</span>
    </button>
  );
}
