// schedules v1beta2 wire schemas; names, types and bounds follow HPE's schedule-v1beta2, schedulePost-v1beta2,
// schedulePatch-v1beta2, scheduleRESTOperation*-v1beta2 and scheduleRESTHistory-v1beta2.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Collection } from '../../../http/schemas.ts';
import { OPERATION_METHODS } from '../model.ts';

const Nullable = <T extends TSchema>(schema: T, description: string) => Type.Union([schema, Type.Null()], { description });

const Name = Type.String({ minLength: 1, maxLength: 100, description: 'Display name; not unique, so show schedules with their start time' });
const Description = Nullable(Type.String({ maxLength: 10000 }), 'A longer description of the schedule');
const Purpose = Nullable(Type.String({ maxLength: 64 }), 'Machine-readable category, e.g. GROUP_FW_UPDATE, SERVER_POWER_ON, INVENTORY_REPORT');
const AssociatedResourceUri = Nullable(
  Type.String({ maxLength: 128 }),
  'Another resource the schedule belongs to, e.g. /compute-ops-mgmt/v1beta3/groups/{id}; deleting it deletes the schedule',
);
const StartAt = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'First (or only) execution, within a year of now: RFC 3339 (any offset), or YYYY-MM-DD HH:MM:SS read as UTC',
});
const Interval = Nullable(Type.String({ maxLength: 64 }), 'ISO 8601 duration between executions, PT15M to P1Y (e.g. PT1H, P1D, P7D, P1M); null for a one-time schedule');

const Method = Type.Unsafe<(typeof OPERATION_METHODS)[number]>({ type: 'string', enum: [...OPERATION_METHODS], description: 'HTTP method of the call; POST creates a job' });
const StringMap = (description: string, names: Record<string, unknown>) =>
  Type.Object({}, { additionalProperties: Nullable(Type.String({ maxLength: 256 }), 'Value'), maxProperties: 32, propertyNames: names, description });
const Query = StringMap('Query parameters of the call', { maxLength: 128 });
const Headers = StringMap('Request headers of the call', { minLength: 1, maxLength: 128, pattern: "^[0-9a-zA-Z!#$%&'*+.^_`|~-]+$" });
const Timeout = Type.Number({ exclusiveMinimum: 0, maximum: 60, description: 'Seconds the call may take (default 20)' });
const Body = Type.Unknown({ description: 'JSON body of the call: a job creation body (jobTemplateUri, resourceUri, data — or the v1 jobTemplate, resourceType, resourceId, jobParams)' });

export const OperationPostV1beta2 = Type.Object(
  {
    type: Type.Optional(Type.Literal('REST', { description: 'The type of operation: REST' })),
    method: Method,
    uri: Type.String({ minLength: 1, maxLength: 128, description: 'Root-relative URI of the call: /api/compute/v1/jobs, or /compute-ops-mgmt/{v1|v1beta3|v1beta2}/jobs' }),
    body: Type.Optional(Body),
    query: Type.Optional(Query),
    headers: Type.Optional(Headers),
    timeoutInSec: Type.Optional(Timeout),
  },
  { description: 'The REST call the schedule makes' },
);

export const SchedulePostV1beta2 = Type.Object(
  {
    name: Name,
    description: Type.Optional(Description),
    purpose: Type.Optional(Purpose),
    associatedResourceUri: Type.Optional(AssociatedResourceUri),
    schedule: Type.Object({ startAt: StartAt, interval: Type.Optional(Interval) }, { description: 'When to make the call' }),
    operation: OperationPostV1beta2,
  },
  { description: 'A schedule to create' },
);
export type SchedulePostV1beta2 = Static<typeof SchedulePostV1beta2>;

export const SchedulePatchV1beta2 = Type.Object(
  {
    name: Type.Optional(Name),
    description: Type.Optional(Description),
    purpose: Type.Optional(Purpose),
    associatedResourceUri: Type.Optional(AssociatedResourceUri),
    schedule: Type.Optional(Type.Object({ startAt: Type.Optional(StartAt), interval: Type.Optional(Interval) }, { description: 'A new start and/or interval' })),
    operation: Type.Optional(
      Type.Object(
        {
          body: Type.Optional(Body),
          query: Type.Optional(Nullable(Query, 'Query parameters (merged; null clears them)')),
          headers: Type.Optional(Nullable(Headers, 'Request headers (merged; null clears them)')),
          timeoutInSec: Type.Optional(Timeout),
        },
        { description: 'Changes to the call; its method and uri cannot change' },
      ),
    ),
  },
  { description: 'Changes to a schedule (JSON merge patch)' },
);
export type SchedulePatchV1beta2 = Static<typeof SchedulePatchV1beta2>;

const Timestamp = (description: string) => Type.String({ format: 'date-time', description });

export const ScheduleHistoryV1beta2 = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: 'Identifier of this execution' }),
    type: Type.String({ description: 'compute-ops-mgmt/schedule/history' }),
    generation: Type.Integer({ description: 'Always 1: history entries never change' }),
    createdAt: Timestamp('When the entry was written'),
    updatedAt: Timestamp('Same as createdAt'),
    resourceUri: Type.String({ description: 'URI of this history entry' }),
    scheduleId: Type.String({ format: 'uuid', description: 'The schedule that ran' }),
    scheduleUri: Type.String({ description: 'URI of the schedule that ran' }),
    operationType: Type.String({ description: 'REST' }),
    debugId: Type.String({ description: 'Identifier of the execution for troubleshooting (the debugId of an error answer)' }),
    startedAt: Timestamp('When the call was made'),
    durationInSec: Type.Number({ description: 'How long the call took' }),
    succeeded: Type.Boolean({ description: 'The call answered 2xx' }),
    summary: Type.String({ description: 'The HTTP status text, e.g. OK or Bad Request' }),
    status: Nullable(Type.Integer(), 'HTTP status of the answer'),
    headers: Type.Record(Type.String(), Type.String(), { description: 'Headers of the answer; Location names the created job' }),
    body: Type.Unknown({ description: 'Body of the answer: the created job as its route shows it, or the error' }),
  },
  { description: 'One execution of a schedule' },
);
export type ScheduleHistoryV1beta2 = Static<typeof ScheduleHistoryV1beta2>;

export const ScheduleV1beta2 = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: 'Primary identifier of the schedule' }),
    type: Type.String({ description: 'compute-ops-mgmt/schedule' }),
    name: Name,
    description: Description,
    purpose: Purpose,
    associatedResourceUri: AssociatedResourceUri,
    schedule: Type.Object(
      {
        startAt: Timestamp('First (or only) execution, in UTC'),
        interval: Nullable(Type.String(), 'ISO 8601 duration between executions; null for a one-time schedule'),
        intervalInSec: Nullable(Type.Integer(), 'The interval in seconds (a month counts 30 days, a year 365); filterable'),
      },
      { description: 'When the call is made' },
    ),
    operation: Type.Object(
      {
        type: Type.String({ description: 'REST' }),
        method: Type.String({ description: 'HTTP method of the call' }),
        uri: Type.String({ description: 'URI of the call' }),
        body: Type.Unknown({ description: 'JSON body of the call' }),
        query: Type.Record(Type.String(), Nullable(Type.String(), 'Value'), { description: 'Query parameters of the call' }),
        headers: Type.Record(Type.String(), Nullable(Type.String(), 'Value'), { description: 'Request headers of the call' }),
        timeoutInSec: Type.Number({ description: 'Seconds the call may take' }),
      },
      { description: 'The REST call the schedule makes' },
    ),
    generation: Type.Integer({ minimum: 1, description: 'Monotonically increasing update counter; +1 on every change and every execution' }),
    createdAt: Timestamp('When the schedule was created'),
    updatedAt: Timestamp('When the schedule last changed'),
    resourceUri: Type.String({ description: 'URI of the schedule itself' }),
    historyUri: Type.String({ description: 'URI of the collection of its executions' }),
    nextStartAt: Nullable(Timestamp('Next planned execution'), 'Next planned execution; null when nothing is planned any more'),
    lastRun: Nullable(ScheduleHistoryV1beta2, 'The most recent execution; null before the first'),
  },
  { description: 'A scheduled operation' },
);
export type ScheduleV1beta2 = Static<typeof ScheduleV1beta2>;

export const ScheduleCollectionV1beta2 = Collection(ScheduleV1beta2, 'Schedules');
export const ScheduleHistoryCollectionV1beta2 = Collection(ScheduleHistoryV1beta2, 'Executions of a schedule, newest first');

export const IdParams = Type.Object({ id: Type.String({ description: 'Schedule id (uuid)' }) });
export const HistoryParams = Type.Object({
  id: Type.String({ description: 'Schedule id (uuid)' }),
  // HPE names it history-id; a hyphen would end a path parameter's name in the router.
  historyId: Type.String({ description: 'History entry id (uuid)' }),
});
export const SelectQuery = Type.Object({ select: Type.Optional(Type.String({ description: 'Comma-separated properties to return' })) });
export const CreateHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ description: 'Client-generated key (e.g. a UUID): a retry with the same key returns the schedule created first' })),
});
