import { GraphQLScalarType, Kind } from 'graphql';

export const DATE_TIME_YEARS = { min: 1970, max: 9999 } as const;

// RFC 3339 section 5.6 date-time: full date, "T", time with optional fraction, and an offset (Z or ±hh:mm).
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** Why `value` is not an acceptable date-time, or the instant it names. */
export function parseDateTime(value: unknown): Date | string {
  if (typeof value !== 'string') return 'must be a date-time string such as 2026-03-01T12:00:00Z';
  const match = value.length <= 40 ? RFC3339.exec(value) : null;
  if (!match) return 'must be an RFC 3339 date-time with an offset, such as 2026-03-01T12:00:00Z';
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const fraction = match[7] ?? '';
  if (year < DATE_TIME_YEARS.min || year > DATE_TIME_YEARS.max) return `must be in the years ${DATE_TIME_YEARS.min} to ${DATE_TIME_YEARS.max}`;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return 'is not a calendar date';
  // No leap seconds: JavaScript and Postgres cannot hold 23:59:60.
  if (hour > 23 || minute > 59 || second > 59) return 'is not a valid time of day';
  let offsetMinutes = 0;
  if (!match[8]) {
    const offsetHours = Number(match[10]);
    const offsetRest = Number(match[11]);
    if (offsetHours > 23 || offsetRest > 59) return 'has an invalid UTC offset';
    offsetMinutes = (match[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetRest);
  }
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toDate(value: unknown): Date {
  const parsed = parseDateTime(value);
  if (typeof parsed === 'string') throw new TypeError(`DateTimeISO ${parsed}`);
  return parsed;
}

/**
 * The contract's `DateTimeISO`, strict where graphql-scalars' is lenient: an RFC 3339 date-time with an offset, a
 * real calendar date (2026-02-30 is refused, not moved to March), years 1970 to 9999 (Postgres and JavaScript
 * agree there; beyond, one of them refuses). Answers are at UTC with milliseconds (`toISOString`).
 */
export const DateTimeISO = new GraphQLScalarType<Date, string>({
  name: 'DateTimeISO',
  description:
    'A date-time string with an offset, such as 2007-12-03T10:15:30Z or 2007-12-03T11:15:30+01:00 (RFC 3339, section 5.6): a real calendar date, years 1970 to 9999, no leap second. Answers are at UTC with milliseconds.',
  serialize(value) {
    const date = value instanceof Date ? value : typeof value === 'string' ? toDate(value) : null;
    if (!date || Number.isNaN(date.getTime())) throw new TypeError('DateTimeISO cannot represent an invalid date');
    return date.toISOString();
  },
  parseValue: toDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new TypeError('DateTimeISO must be a string such as 2026-03-01T12:00:00Z');
    return toDate(ast.value);
  },
});
