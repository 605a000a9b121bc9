// schedules v1beta2 ⇄ hub. Self links and types follow the request's prefix; the operation's defaults
// (type REST, body null, no query or headers, 20 s timeout) belong to this version, as HPE's schema gives them.
import { resourceUri, typeName, type ApiScope } from '../../../http/api-scope.ts';
import { defineListSpec } from '../../../query/list-spec.ts';
import { formatDuration, nominalSeconds } from '../interval.ts';
import type { Schedule, SchedulePatch, ScheduleRun, ScheduleSpec } from '../model.ts';
import type { RunListView, ScheduleListView } from '../repository.ts';
import type { ScheduleHistoryV1beta2, SchedulePatchV1beta2, SchedulePostV1beta2, ScheduleV1beta2 } from './schemas.ts';

const DEFAULT_TIMEOUT_SECONDS = 20;

const schedulesPath = (scope: ApiScope) => resourceUri(scope, 'schedules/');

export function historyToV1beta2(run: ScheduleRun, scope: ApiScope): ScheduleHistoryV1beta2 {
  const scheduleUri = resourceUri(scope, `schedules/${run.scheduleId}`);
  return {
    id: run.id,
    type: typeName(scope, 'schedule/history'),
    generation: 1,
    createdAt: run.createdAt,
    updatedAt: run.createdAt,
    resourceUri: `${scheduleUri}/history/${run.id}`,
    scheduleId: run.scheduleId,
    scheduleUri,
    operationType: 'REST',
    debugId: run.debugId,
    startedAt: run.startedAt,
    durationInSec: run.durationInSec,
    succeeded: run.succeeded,
    summary: run.summary,
    status: run.status,
    headers: run.headers,
    body: run.body,
  };
}

export function toV1beta2(s: Schedule, scope: ApiScope): ScheduleV1beta2 {
  const self = resourceUri(scope, `schedules/${s.id}`);
  const interval = s.timing.interval;
  return {
    id: s.id,
    type: typeName(scope, 'schedule'),
    name: s.name,
    description: s.description,
    purpose: s.purpose,
    associatedResourceUri: s.associatedResourceUri,
    schedule: {
      startAt: s.timing.startAt,
      interval: interval && formatDuration(interval),
      intervalInSec: interval && nominalSeconds(interval),
    },
    operation: s.operation,
    generation: s.generation,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    resourceUri: self,
    historyUri: `${self}/history`,
    nextStartAt: s.nextStartAt,
    lastRun: s.lastRun && historyToV1beta2(s.lastRun, scope),
  };
}

export function fromV1beta2(body: SchedulePostV1beta2): ScheduleSpec {
  const op = body.operation;
  return {
    name: body.name,
    description: body.description ?? null,
    purpose: body.purpose ?? null,
    associatedResourceUri: body.associatedResourceUri?.trim() ?? null,
    timing: { startAt: body.schedule.startAt, interval: body.schedule.interval ?? null },
    operation: {
      type: 'REST',
      method: op.method,
      uri: op.uri.trim(),
      body: op.body ?? null,
      query: op.query ?? {},
      headers: op.headers ?? {},
      timeoutInSec: op.timeoutInSec ?? DEFAULT_TIMEOUT_SECONDS,
    },
  };
}

/** Merge patch: members sent change, absent ones stay; a null query or headers clears them. */
export function fromV1beta2Patch(body: SchedulePatchV1beta2): SchedulePatch {
  const op = body.operation;
  return {
    ...(body.name !== undefined ? { name: body.name } : {}),
    ...(body.description !== undefined ? { description: body.description } : {}),
    ...(body.purpose !== undefined ? { purpose: body.purpose } : {}),
    ...(body.associatedResourceUri !== undefined ? { associatedResourceUri: body.associatedResourceUri?.trim() ?? null } : {}),
    ...(body.schedule?.startAt !== undefined ? { startAt: body.schedule.startAt } : {}),
    ...(body.schedule?.interval !== undefined ? { interval: body.schedule.interval } : {}),
    ...(op
      ? {
          operation: {
            ...(op.body !== undefined ? { body: op.body } : {}),
            ...(op.query !== undefined ? { query: op.query } : {}),
            ...(op.headers !== undefined ? { headers: op.headers } : {}),
            ...(op.timeoutInSec !== undefined ? { timeoutInSec: op.timeoutInSec } : {}),
          },
        }
      : {}),
  };
}

export const scheduleListView = (scope: ApiScope): ScheduleListView => ({ type: typeName(scope, 'schedule'), collectionUri: schedulesPath(scope) });
export const historyListView = (scope: ApiScope): RunListView => ({ type: typeName(scope, 'schedule/history'), collectionUri: schedulesPath(scope) });

/**
 * get_v1beta2_schedules documents these filterable properties; name, purpose and associatedResourceUri are
 * added because clients look schedules up by them. `operation` and `lastRun` are JSON, filterable below.
 */
export const listSpecV1beta2 = defineListSpec({
  idColumn: 'id',
  defaultSort: 'createdAt asc',
  limit: { max: 1000, default: 1000 },
  properties: {
    id: { column: 'id', type: 'string' },
    type: { column: 'wire_type', type: 'string' },
    name: { column: 'name', type: 'string' },
    description: { column: 'description', type: 'string' },
    purpose: { column: 'purpose', type: 'string' },
    associatedResourceUri: { column: 'associated_resource_uri', type: 'string' },
    createdAt: { column: 'created_at', type: 'timestamp' },
    updatedAt: { column: 'updated_at', type: 'timestamp' },
    generation: { column: 'generation', type: 'integer' },
    resourceUri: { column: 'wire_resource_uri', type: 'string' },
    historyUri: { column: 'wire_history_uri', type: 'string' },
    nextStartAt: { column: 'next_start_at', type: 'timestamp' },
    'schedule/startAt': { column: 'start_at', type: 'timestamp' },
    'schedule/interval': { column: 'interval_text', type: 'string' },
    'schedule/intervalInSec': { column: 'interval_seconds', type: 'integer' },
    operation: { json: 'operation', sortable: false },
    lastRun: { json: 'last_run', sortable: false },
  },
});

/** The history list: the entry's own members (HPE's page copies the schedule list's; these are what an entry has). */
export const historyListSpecV1beta2 = defineListSpec({
  idColumn: 'id',
  defaultSort: 'startedAt desc',
  limit: { max: 1000, default: 1000 },
  properties: {
    id: { column: 'id', type: 'string' },
    type: { column: 'wire_type', type: 'string' },
    generation: { column: 'wire_generation', type: 'integer' },
    createdAt: { column: 'created_at', type: 'timestamp' },
    updatedAt: { column: 'wire_updated_at', type: 'timestamp' },
    resourceUri: { column: 'wire_resource_uri', type: 'string' },
    scheduleId: { column: 'schedule_id', type: 'string' },
    scheduleUri: { column: 'wire_schedule_uri', type: 'string' },
    operationType: { column: 'wire_operation_type', type: 'string' },
    debugId: { column: 'debug_id', type: 'string' },
    startedAt: { column: 'started_at', type: 'timestamp' },
    durationInSec: { column: 'duration_in_sec', type: 'number' },
    succeeded: { column: 'succeeded', type: 'boolean' },
    summary: { column: 'summary', type: 'string' },
    status: { column: 'status', type: 'integer' },
    headers: { json: 'headers', sortable: false },
    body: { json: 'body', sortable: false },
  },
});
