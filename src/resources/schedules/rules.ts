// Validation of schedules (schedules.md §2–3): timing within COM's bounds, an operation OpenCOM can perform,
// and what an associated resource URI names. Pure; issues carry the wire subjects clients see.
import type { Issue } from '../../http/com-error.ts';
import { ajvIssues, type AjvIssue } from '../../http/error-handler.ts';
import type { SubmissionRequest } from '../../job-engine/validate-submission.ts';
import { formatMicros, toStoredTimestamp } from '../../store/time.ts';
import { MAX_INTERVAL_SECONDS, MIN_INTERVAL_SECONDS, nominalSeconds, parseDuration } from './interval.ts';
import { JOB_CALL_URIS, jobCallFor, type JobCall } from '../jobs/calls.ts';
import type { ScheduleOperation, ScheduleTiming, TimingInput } from './model.ts';

const field = (subject: string, description: string): Issue => ({ source: 'field', subject, description });

/** HPE documents that the start "must be within a year of the current time". */
const START_WINDOW_MS = 365 * 86_400_000;

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?$/i;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A start time as clients write it: RFC 3339 with any offset and up to 7 fraction digits, or
 * `YYYY-MM-DD HH:MM:SS` without a zone, read as UTC (client-compat.md). Undefined for anything else,
 * impossible dates (February 30th) included, which Date would silently roll over.
 */
export function parseStartAt(text: string): string | undefined {
  const m = TIMESTAMP.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) return undefined;
  try {
    return toStoredTimestamp(text);
  } catch {
    return undefined;
  }
}

/** The start time, checked against `now` (ms), and the interval; `startAt` is checked only when `checkStart`. */
export function checkTiming(input: TimingInput, now: number, checkStart = true): { timing?: ScheduleTiming; issues: Issue[] } {
  const issues: Issue[] = [];
  const startAt = parseStartAt(input.startAt);
  if (!startAt) issues.push(field('schedule.startAt', `'${input.startAt}' is not a date-time such as 2025-04-05T02:00:00+00:00`));
  else if (checkStart && Math.abs(Date.parse(startAt) - now) > START_WINDOW_MS) {
    issues.push(field('schedule.startAt', `must be within one year of now (${formatMicros(BigInt(now) * 1000n)})`));
  }
  let interval = null;
  if (input.interval !== null) {
    interval = parseDuration(input.interval) ?? null;
    if (!interval) issues.push(field('schedule.interval', `'${input.interval}' is not an ISO 8601 duration such as PT15M, P1D or P1M`));
    else {
      const seconds = nominalSeconds(interval);
      if (seconds < MIN_INTERVAL_SECONDS || seconds > MAX_INTERVAL_SECONDS) {
        issues.push(field('schedule.interval', 'must be at least PT15M and at most P1Y (a month counts 30 days, a year 365)'));
      }
    }
  }
  return issues.length || !startAt ? { issues } : { timing: { startAt, interval }, issues };
}

/** The job-creation call an operation makes, read as its route would read it; issues name `operation.*` members. */
export function readOperation(op: ScheduleOperation): { call?: JobCall; request?: SubmissionRequest; issues: Issue[] } {
  const call = jobCallFor(op.method, op.uri);
  if (!call) {
    const description = `only a POST that creates a job can be scheduled: POST to ${JOB_CALL_URIS.join(', ')}`;
    return { issues: [field(op.method === 'POST' ? 'operation.uri' : 'operation.method', description)] };
  }
  // The route validates a copy: the stored body stays exactly as the client wrote it.
  const body = structuredClone(op.body);
  if (!call.validate(body)) return { issues: ajvIssues((call.validate.errors ?? []) as AjvIssue[], 'field', 'operation.body') };
  const read = call.read(body);
  const under = (member: string) => `operation.body.${member}`;
  const fields = { template: under(read.fields.template), resourceType: under(read.fields.resourceType), resourceId: under(read.fields.resourceId), params: under(read.fields.params) };
  return { call, request: { ...read, fields }, issues: [] };
}

// Either COM prefix or the v1beta1-era /api/compute, any version, a collection and one id (schedules.md §2 examples).
const RESOURCE_URI = /^\/(?:compute-ops-mgmt|compute-ops|api\/compute)\/v\d+(?:(?:alpha|beta)\d+)?\/([a-z][a-z-]*)\/([^/?#\s]+)\/?$/i;

/** What an associated resource URI names, whatever prefix and version it was written with. */
export function associationOf(uri: string): { collection: string; id: string } | undefined {
  const m = RESOURCE_URI.exec(uri.trim());
  if (!m) return undefined;
  try {
    return { collection: m[1]!.toLowerCase(), id: decodeURIComponent(m[2]!).toLowerCase() };
  } catch {
    return undefined;
  }
}

export function associationIssues(uri: string | null): Issue[] {
  if (uri === null || associationOf(uri)) return [];
  return [field('associatedResourceUri', `'${uri}' is not the URI of a Compute Ops Management resource, e.g. /compute-ops-mgmt/v1/groups/{id}`)];
}

/** A name must show something: COM requires at least one character, and blanks only show nothing. */
export function nameIssues(name: string): Issue[] {
  return name.trim() === '' ? [field('name', 'must not be blank')] : [];
}
