import { useTheme } from './theme.ts';

/** Switches between the light and dark themes; the button names the theme it switches to. */
export function ThemeToggle() {
  const [theme, setTheme] = useTheme();
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      onClick={() => setTheme(next)}
      className="rounded-md border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
    >
      <span aria-hidden="true">{next === 'dark' ? '☾ ' : '☀ '}</span>
      {next === 'dark' ? 'Dark theme' : 'Light theme'}
    </button>
  );
}
