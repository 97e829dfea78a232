import { useEffect, useState } from 'react';

/** The current time, updated every `intervalMs` (for "5 min ago" labels that stay true while the page is open). */
export function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
