'use client';

import { useEffect, useState } from 'react';

const FALLBACK = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const FALLBACK_DAY = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

/** Server and first client render agree (UTC); after hydration the reader's locale and time zone take over. */
function useLocalFormat(iso: string, options: Intl.DateTimeFormatOptions): string {
  const [text, setText] = useState(() => (options.timeStyle ? `${FALLBACK.format(new Date(iso))} UTC` : FALLBACK_DAY.format(new Date(iso))));
  useEffect(() => {
    setText(new Intl.DateTimeFormat(undefined, options).format(new Date(iso)));
  }, [iso]);
  return text;
}

/** A date and time in the reader's zone; `dayOnly` for "3 Dec 2026". */
export function LocalDate({ iso, dayOnly = false }: { iso: string; dayOnly?: boolean }) {
  const text = useLocalFormat(iso, dayOnly ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' });
  return <time dateTime={iso}>{text}</time>;
}

function remaining(ms: number): string {
  if (ms <= 0) return 'Deadline passed';
  const s = Math.floor(ms / 1000);
  const days = Math.floor(s / 86400);
  const hours = Math.floor((s % 86400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  if (days > 0) return `${days}d ${hours}h ${minutes}m left`;
  return `${hours}h ${String(minutes).padStart(2, '0')}m ${String(seconds).padStart(2, '0')}s left`;
}

/** A live countdown to the deadline; the exact time is announced once, not every second. */
export function Countdown({ iso }: { iso: string }) {
  const target = new Date(iso).getTime();
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <span className="countdown">
      <LocalDate iso={iso} />
      <span className="countdown-left" aria-hidden={now === null ? undefined : 'true'}>
        {now === null ? '' : ` · ${remaining(target - now)}`}
      </span>
    </span>
  );
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * What a card says of a deadline, from the deadline and the time now: "12 days left", "1 day left", "Closes today"
 * (less than a day to go), "Closed" (passed). Whole days are counted down, so "1 day left" means one to two days.
 */
export function timeLeft(deadlineIso: string, now: number): string {
  const ms = new Date(deadlineIso).getTime() - now;
  if (!(ms > 0)) return 'Closed';
  const days = Math.floor(ms / DAY_MS);
  if (days === 0) return 'Closes today';
  return `${days} ${days === 1 ? 'day' : 'days'} left`;
}

/**
 * The time left before a deadline (timeLeft). Server and first client render agree (the server's `now`); after
 * hydration it is recomputed with the reader's clock. The exact deadline is the element's machine-readable date.
 */
export function TimeLeft({ iso, now }: { iso: string; now: number }) {
  const [at, setAt] = useState(now);
  useEffect(() => setAt(Date.now()), []);
  return <time dateTime={iso} className="time-left">{timeLeft(iso, at)}</time>;
}
