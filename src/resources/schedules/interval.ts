// ISO 8601 durations as schedules use them (`P[nY][nM][nW][nD][T[nH][nM][nS]]`, schedules.md §3): parsing,
// the canonical spelling, the nominal length the bounds and `intervalInSec` use, and calendar arithmetic.
// No duration library is a dependency of the project, and this subset is small enough to own and property-test.

/** A duration by component; every component is a non-negative integer. */
export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const DAY = 86_400;

// Integers only: COM's examples (PT15M, P7D, P1M…) never use fractions, and whole units keep arithmetic exact.
const DURATION = /^P(?:(\d{1,9})Y)?(?:(\d{1,9})M)?(?:(\d{1,9})W)?(?:(\d{1,9})D)?(?:T(?:(\d{1,9})H)?(?:(\d{1,9})M)?(?:(\d{1,9})S)?)?$/;

/** The duration `text` spells (upper or lower case), or undefined when it is not one. */
export function parseDuration(text: string): Duration | undefined {
  const upper = text.trim().toUpperCase();
  const m = DURATION.exec(upper);
  if (!m) return undefined;
  // `P` alone and a `T` with nothing after it name no duration.
  if (upper === 'P' || upper.endsWith('T')) return undefined;
  const n = (i: number) => (m[i] === undefined ? 0 : Number(m[i]));
  return { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
}

/** The canonical spelling: upper case, zero components left out, `PT0S` for nothing at all. */
export function formatDuration(d: Duration): string {
  const date = `${d.years ? `${d.years}Y` : ''}${d.months ? `${d.months}M` : ''}${d.weeks ? `${d.weeks}W` : ''}${d.days ? `${d.days}D` : ''}`;
  const time = `${d.hours ? `${d.hours}H` : ''}${d.minutes ? `${d.minutes}M` : ''}${d.seconds ? `${d.seconds}S` : ''}`;
  if (!date && !time) return 'PT0S';
  return `P${date}${time ? `T${time}` : ''}`;
}

/** Length in seconds with a month of 30 days and a year of 365, as COM's clients count it. */
export function nominalSeconds(d: Duration): number {
  return (d.years * 365 + d.months * 30 + d.weeks * 7 + d.days) * DAY + d.hours * 3600 + d.minutes * 60 + d.seconds;
}

/** The bounds HPE documents as `PT15M < interval < P1Y`; clients accept both ends, and so do we. */
export const MIN_INTERVAL_SECONDS = 15 * 60;
export const MAX_INTERVAL_SECONDS = 365 * DAY;

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/**
 * `start` moved on by `times` whole durations, in UTC: the calendar part first (the day of month is kept,
 * or clamped to the month's last day), then the fixed part. Counting from one anchor rather than adding
 * step after step keeps a monthly schedule on the 31st from drifting to the 28th after February.
 */
export function addDuration(startMs: number, d: Duration, times: number): number {
  const months = (d.years * 12 + d.months) * times;
  let ms = startMs;
  if (months) {
    const s = new Date(startMs);
    const target = s.getUTCMonth() + months;
    const year = s.getUTCFullYear() + Math.floor(target / 12);
    const month = ((target % 12) + 12) % 12;
    const day = Math.min(s.getUTCDate(), daysInMonth(year, month));
    ms = Date.UTC(year, month, day, s.getUTCHours(), s.getUTCMinutes(), s.getUTCSeconds(), s.getUTCMilliseconds());
  }
  const fixedSeconds = ((d.weeks * 7 + d.days) * DAY + d.hours * 3600 + d.minutes * 60 + d.seconds) * times;
  return ms + fixedSeconds * 1000;
}

/**
 * The first occurrence `start + k·d` (k ≥ 1) strictly after `afterMs`. Occurrences missed while nothing ran
 * are skipped, so a schedule that was down for a while fires once, not once per missed interval.
 */
export function nextOccurrence(startMs: number, d: Duration, afterMs: number): number {
  const nominalMs = nominalSeconds(d) * 1000;
  if (nominalMs <= 0) throw new Error('a zero duration has no next occurrence');
  // The nominal length is within a few percent of any real step, so the estimate is a step or two off at most.
  let k = Math.max(1, Math.floor((afterMs - startMs) / nominalMs));
  while (addDuration(startMs, d, k) <= afterMs) k++;
  while (k > 1 && addDuration(startMs, d, k - 1) > afterMs) k--;
  return addDuration(startMs, d, k);
}
