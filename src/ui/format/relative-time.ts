/** When something happened, relative to now, in short words: "just now", "5 min ago", "yesterday", "12 Mar 2026". */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Made on first use: creating an Intl formatter loads locale data, which would slow the page's start-up.
let formatters: { relative: Intl.RelativeTimeFormat; date: Intl.DateTimeFormat } | undefined;
function intl() {
  formatters ??= {
    relative: new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'short' }),
    date: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }),
  };
  return formatters;
}

export function formatRelativeTime(at: number, now: number): string {
  const ago = now - at;
  if (ago < MINUTE) return 'just now';
  if (ago < HOUR) return intl().relative.format(-Math.floor(ago / MINUTE), 'minute');
  if (ago < DAY) return intl().relative.format(-Math.floor(ago / HOUR), 'hour');
  if (ago < 7 * DAY) return intl().relative.format(-Math.floor(ago / DAY), 'day');
  return intl().date.format(at);
}
