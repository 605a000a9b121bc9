// The hub model of a schedule: a REST call COM makes later, once or every interval, on behalf of the user who
// created it (schedules.md §1–3), and the record of each time it was made. In practice every call creates a
// job, so the model keeps the job the operation asks for beside the operation as the client wrote it.
import type { Duration } from './interval.ts';

export const OPERATION_METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT', 'TRACE'] as const;
export type OperationMethod = (typeof OPERATION_METHODS)[number];

/** The scheduled call, as the client wrote it (schedules.md §2, `operation`). */
export interface ScheduleOperation {
  /** `REST`, the only operation type COM has. */
  type: 'REST';
  method: OperationMethod;
  /** Root-relative path of the call, e.g. `/api/compute/v1/jobs`. */
  uri: string;
  body: unknown;
  query: Record<string, string | null>;
  headers: Record<string, string | null>;
  /** Seconds the call may take (COM: 0 < t ≤ 60, default 20). */
  timeoutInSec: number;
}

/** When the call is made: first (or only) at `startAt`, then every `interval` after it. */
export interface ScheduleTiming {
  /** Stored timestamp (UTC, microseconds). */
  startAt: string;
  /** Null for a one-time schedule. */
  interval: Duration | null;
}

/** One execution of a schedule (COM's history entry). Immutable once written. */
export interface ScheduleRun {
  id: string;
  scheduleId: string;
  /** When the call was made. */
  startedAt: string;
  durationInSec: number;
  /** The call answered 2xx. */
  succeeded: boolean;
  /** The HTTP status line's reason, e.g. `OK` or `Bad Request`. */
  summary: string;
  /** HTTP status the call answered. */
  status: number;
  headers: Record<string, string>;
  /** The answer's body: the created job as the route answered it, or the COM error body. */
  body: unknown;
  debugId: string;
  /** The job the call created, if it created one. */
  jobId: string | null;
  createdAt: string;
}

export interface Schedule {
  id: string;
  workspaceId: string;
  name: string;
  description: string | null;
  /** Machine-readable category, e.g. `GROUP_FW_UPDATE` (job-templates.md, "Schedule purpose values"). */
  purpose: string | null;
  /** A resource whose deletion deletes the schedule; kept as the client wrote it. */
  associatedResourceUri: string | null;
  timing: ScheduleTiming;
  operation: ScheduleOperation;
  /** The next planned execution; null once nothing is planned any more. */
  nextStartAt: string | null;
  lastRun: ScheduleRun | null;
  generation: number;
  createdAt: string;
  updatedAt: string;
  /** The user whose authority the calls are made with (the creator). */
  createdBy: string | null;
  /** The client's Idempotency-Key on create, and a digest of that request to recognise its retries. */
  idempotency: { key: string; digest: string } | null;
}

/** Timing as the client wrote it: checked and normalised by the rules, never stored as is. */
export interface TimingInput {
  /** RFC 3339, or `YYYY-MM-DD HH:MM:SS` read as UTC (client-compat.md). */
  startAt: string;
  /** ISO 8601 duration; null for a one-time schedule. */
  interval: string | null;
}

/** The members a client sets on create. */
export interface ScheduleSpec {
  name: string;
  description: string | null;
  purpose: string | null;
  associatedResourceUri: string | null;
  timing: TimingInput;
  operation: ScheduleOperation;
}

/** A merge patch in hub terms: absent members stay as they are. */
export interface SchedulePatch {
  name?: string;
  description?: string | null;
  purpose?: string | null;
  associatedResourceUri?: string | null;
  startAt?: string;
  /** `null` makes the schedule one-time. */
  interval?: string | null;
  /**
   * Changes to the operation, merged into it (RFC 7396); a null `query` or `headers` clears them. `method` and
   * `uri` are read-only after creation (HPE's patch schema).
   */
  operation?: {
    body?: unknown;
    query?: ScheduleOperation['query'] | null;
    headers?: ScheduleOperation['headers'] | null;
    timeoutInSec?: number;
  };
}
