// Validation of the analytics query parameters (telemetry.md §1): dates and their 180-day window, the bucket
// they imply, the deprecated projection-days, and aggregation tag names. Pure; problems become one 400
// whose issues name the query parameters at fault.
import { ComError, type Issue } from '../../http/com-error.ts';
import { DAY, HOUR, type AggregateBy, type TimeWindow } from './model.ts';

const DAY_MS = DAY * 1000;
/** Energy dates may lie up to 180 days either side of today (telemetry.md §1.1); utilization uses the same window. */
export const WINDOW_DAYS = 180;
/** A 5-minute series spans at most 31 days, so no response carries more than about 9,000 intervals. */
export const FIVE_MINUTE_MAX_DAYS = 31;
export const MAX_AGGREGATION_TAGS = 3;

export interface Instant {
  ms: number;
  /** `YYYY-MM-DD`: the whole UTC day. */
  dateOnly: boolean;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
// The zone may be Z, an offset, or absent (UTC); a '+' decoded form-style from a query string arrives as a space.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+\- ])(\d{2}):?(\d{2}))?$/;

function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number | undefined {
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  const sameDay = back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d;
  return sameDay && h < 24 && mi < 60 && s < 60 ? ms : undefined;
}

/** `YYYY-MM-DD` or an RFC 3339-like date-time; undefined when it is neither or names no real instant. */
export function parseInstant(text: string): Instant | undefined {
  const t = text.trim();
  const d = DATE_ONLY.exec(t);
  if (d) {
    const ms = utc(Number(d[1]), Number(d[2]), Number(d[3]));
    return ms === undefined ? undefined : { ms, dateOnly: true };
  }
  const m = DATE_TIME.exec(t);
  if (!m) return undefined;
  const base = utc(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  if (base === undefined) return undefined;
  const fraction = Math.floor(Number(`0.${m[7] ?? '0'}`) * 1000);
  const sign = m[9] === '-' ? -1 : 1;
  const offsetMinutes = m[9] ? sign * (Number(m[10]) * 60 + Number(m[11])) : 0;
  if (Math.abs(offsetMinutes) > 18 * 60) return undefined;
  return { ms: base + fraction - offsetMinutes * 60_000, dateOnly: false };
}

export const floorTo = (ms: number, seconds: number): number => Math.floor(ms / (seconds * 1000)) * seconds * 1000;
export const ceilTo = (ms: number, seconds: number): number => Math.ceil(ms / (seconds * 1000)) * seconds * 1000;

export interface WindowInput {
  start: string;
  end?: string | undefined;
  /** Deprecated energy parameter: end = today + n days when end-date is absent. */
  projectionDays?: string | undefined;
}

const issue = (subject: string, description: string): Issue => ({ source: 'query.parameter', subject, description });

export function invalidQuery(issues: Issue[]): ComError {
  return ComError.badRequest(issues, issues.map((i) => `${i.subject}: ${i.description}`).join('; '), 'INVALID_QUERY');
}

/**
 * The aligned window of a request. `bucketSeconds` 'auto' (utilization, which has no sample-size) means
 * daily buckets for date-only inputs and hourly ones as soon as either date carries a time.
 * A date-only end-date includes its whole day; a timestamp end-date is exclusive.
 */
export function resolveWindow(input: WindowInput, bucketSeconds: number | 'auto', nowMs: number): TimeWindow {
  const issues: Issue[] = [];
  const start = parseInstant(input.start);
  if (!start) issues.push(issue('start-date', 'must be a date (YYYY-MM-DD) or a UTC timestamp (YYYY-MM-DDThh:mm:ssZ)'));
  let end: Instant | undefined;
  const today = floorTo(nowMs, DAY);
  if (input.end !== undefined) {
    end = parseInstant(input.end);
    if (!end) issues.push(issue('end-date', 'must be a date (YYYY-MM-DD) or a UTC timestamp (YYYY-MM-DDThh:mm:ssZ)'));
  } else if (input.projectionDays !== undefined && input.projectionDays !== '') {
    const days = /^\d{1,3}$/.test(input.projectionDays) ? Number(input.projectionDays) : NaN;
    if (!(days <= WINDOW_DAYS)) issues.push(issue('projection-days', `must be an integer from 0 to ${WINDOW_DAYS}`));
    else end = { ms: today + days * DAY_MS, dateOnly: true };
  } else {
    end = { ms: today, dateOnly: true };
  }
  const lowest = today - WINDOW_DAYS * DAY_MS;
  const highest = today + (WINDOW_DAYS + 1) * DAY_MS;
  const outside = (i: Instant) => i.ms < lowest || i.ms >= highest;
  if (start && outside(start)) issues.push(issue('start-date', `must lie within ${WINDOW_DAYS} days of today`));
  if (end && input.end !== undefined && outside(end)) issues.push(issue('end-date', `must lie within ${WINDOW_DAYS} days of today`));
  if (start && end && start.ms > (end.dateOnly ? end.ms + DAY_MS - 1 : end.ms)) issues.push(issue('start-date', 'must not be after end-date'));
  if (issues.length || !start || !end) throw invalidQuery(issues);

  const bucket = bucketSeconds === 'auto' ? (start.dateOnly && end.dateOnly ? DAY : HOUR) : bucketSeconds;
  const startMs = floorTo(start.ms, bucket);
  const endMs = Math.max(startMs, ceilTo(end.dateOnly ? end.ms + DAY_MS : end.ms, bucket));
  if (bucket < HOUR && endMs - startMs > FIVE_MINUTE_MAX_DAYS * DAY_MS) {
    throw invalidQuery([issue('end-date', `a 5_MINS series spans at most ${FIVE_MINUTE_MAX_DAYS} days`)]);
  }
  return { bucketSeconds: bucket, startMs, endMs, nowMs };
}

/** `aggregation-tag-names`: 1 to 3 comma-separated tag keys, only (and always) with SERVER_TAG_VALUES. */
export function aggregationTagNames(text: string | undefined, aggregateBy: AggregateBy): string[] {
  const given = text !== undefined && text.trim() !== '';
  if (aggregateBy !== 'SERVER_TAG_VALUES') {
    if (given) throw invalidQuery([issue('aggregation-tag-names', 'is only allowed with aggregate-by=SERVER_TAG_VALUES')]);
    return [];
  }
  if (!given) throw invalidQuery([issue('aggregation-tag-names', 'is required with aggregate-by=SERVER_TAG_VALUES')]);
  const names = text.split(',').map((n) => n.trim());
  if (names.some((n) => n === '')) throw invalidQuery([issue('aggregation-tag-names', 'must not contain an empty tag name')]);
  const unique = [...new Set(names)];
  if (unique.length > MAX_AGGREGATION_TAGS) throw invalidQuery([issue('aggregation-tag-names', `names at most ${MAX_AGGREGATION_TAGS} tags`)]);
  return unique;
}

/** Start of the first bucket that has not fully elapsed: buckets before it must have data to be COMPLETE. */
export function completeBoundary(w: TimeWindow): number {
  return Math.max(w.startMs, Math.min(w.endMs, floorTo(w.nowMs, w.bucketSeconds)));
}

/** Start of the first projected bucket: the first boundary at or after now, within the window. */
export function projectedStart(w: TimeWindow): number {
  return Math.min(w.endMs, Math.max(w.startMs, ceilTo(w.nowMs, w.bucketSeconds)));
}

/** Buckets that must have data for an entity to be COMPLETE. */
export function expectedBuckets(w: TimeWindow): number {
  return Math.round((completeBoundary(w) - w.startMs) / (w.bucketSeconds * 1000));
}
