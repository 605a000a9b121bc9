// Timestamp and date literals, normalised to the stored forms: timestamps are fixed-width RFC 3339 UTC text
// `YYYY-MM-DDTHH:MM:SS.ffffffZ`, dates `YYYY-MM-DD`, so comparisons against stored text are plain text compares.

/** RFC 3339 date-time; seconds and the zone are optional (no zone = UTC), any number of fraction digits. */
export const TIMESTAMP_PATTERN =
  '(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?([Zz]|[+-]\\d{2}:\\d{2})?';
export const DATE_PATTERN = '(\\d{4})-(\\d{2})-(\\d{2})';

const TIMESTAMP_RE = new RegExp(`^${TIMESTAMP_PATTERN}$`);
const DATE_RE = new RegExp(`^${DATE_PATTERN}$`);

/**
 * A literal moved onto a stored scale. Stored values have a fixed precision (microseconds, whole days, whole
 * numbers); `exact` is false when that lost something, i.e. the true literal lies strictly above `value`.
 */
export interface Scaled<T> {
  value: T;
  exact: boolean;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= MONTH_DAYS[m - 1]! + (m === 2 && leap ? 1 : 0);
}

/** Parses a `YYYY-MM-DD` date; null when malformed or not a calendar date. */
export function parseDate(text: string): string | null {
  const m = DATE_RE.exec(text);
  if (!m) return null;
  return validDate(Number(m[1]), Number(m[2]), Number(m[3])) ? text : null;
}

/** Parses an RFC 3339 timestamp into the stored UTC form, truncated to microseconds; null when invalid. */
export function parseTimestamp(text: string): Scaled<string> | null {
  const m = TIMESTAMP_RE.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const s = Number(m[6] ?? '0');
  if (!validDate(y!, mo!, d!) || h! > 23 || mi! > 59 || s > 59) return null;
  const zone = (m[8] ?? 'Z').toUpperCase();
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 23 || om > 59) return null;
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  // setUTCFullYear, unlike Date.UTC, does not map years 0..99 to 1900..1999.
  const at = new Date(0);
  at.setUTCFullYear(y!, mo! - 1, d!);
  at.setUTCHours(h!, mi! - offsetMinutes, s, 0);
  const year = at.getUTCFullYear();
  if (year < 0 || year > 9999) return null;
  const digits = m[7] ?? '';
  const micros = (digits + '000000').slice(0, 6);
  const value =
    `${pad(year, 4)}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}` +
    `T${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}.${micros}Z`;
  return { value, exact: /^0*$/.test(digits.slice(6)) };
}

/** A timestamp or a bare date (midnight UTC) on the stored timestamp scale; null when neither. */
export function toStoredTimestamp(text: string): Scaled<string> | null {
  const date = parseDate(text);
  if (date !== null) return { value: `${date}T00:00:00.000000Z`, exact: true };
  return parseTimestamp(text);
}

/** A timestamp or a bare date on the stored date scale: the UTC day, inexact unless exactly midnight. */
export function toStoredDate(text: string): Scaled<string> | null {
  const date = parseDate(text);
  if (date !== null) return { value: date, exact: true };
  const ts = parseTimestamp(text);
  if (!ts) return null;
  return { value: ts.value.slice(0, 10), exact: ts.exact && ts.value.slice(10) === 'T00:00:00.000000Z' };
}
