// One execution of a due schedule, inside the transaction that claimed it: the call is made (a job is
// submitted through the engine, checked exactly as POST /jobs checks it), its answer recorded as a history
// entry and as `lastRun`, and the next start planned. All of it commits together or not at all, so a
// schedule fires once per planned time however many runners there are.
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { ComError, errorBody, type ErrorBody } from '../../http/com-error.ts';
import { resourceUri } from '../../http/api-scope.ts';
import { submitJob } from '../../job-engine/submit.ts';
import { findJobTarget, hasJobTargetLookup } from '../../job-engine/targets.ts';
import { validateSubmission } from '../../job-engine/validate-submission.ts';
import type { Db } from '../../store/store.ts';
import { formatMicros, nowTimestamp } from '../../store/time.ts';
import { parseTargetUri } from '../jobs/calls.ts';
import { recordRunActivity, recordScheduleActivity } from './activities.ts';
import type { Schedule, ScheduleRun } from './model.ts';
import { nextAfterRun } from './recurrence.ts';
import * as repo from './repository.ts';
import { readOperation } from './rules.ts';

export type FireOutcome = { kind: 'ran'; schedule: Schedule; run: ScheduleRun } | { kind: 'deleted'; schedule: Schedule };

/** What the call answered. */
interface Answer {
  status: number;
  body: object;
  debugId: string;
  location?: string;
  jobId?: string;
}

function refusal(err: ComError): Answer {
  const debugId = randomUUID();
  return { status: err.status, body: err.toBody(debugId), debugId };
}

/** Makes the scheduled call: checks it like the route would, then submits the job in `tx`. */
async function call(tx: Db, s: Schedule): Promise<Answer> {
  const read = readOperation(s.operation);
  if (!read.call || !read.request) return refusal(ComError.badRequest(read.issues));
  try {
    const valid = await validateSubmission(tx, s.workspaceId, read.request);
    const job = await submitJob(tx, { ...valid, createdBy: s.createdBy, scheduleId: s.id });
    return { status: read.call.status, body: read.call.answer(job), debugId: randomUUID(), location: resourceUri(read.call.scope, `jobs/${job.id}`), jobId: job.id };
  } catch (err) {
    if (err instanceof ComError) return refusal(err);
    throw err;
  }
}

/** The answer as a history entry: status line, the headers a client would have seen, and the body. */
function runOf(s: Schedule, answer: Answer, startedAt: number, tookMs: number): ScheduleRun {
  const text = JSON.stringify(answer.body);
  const headers: Record<string, string> = {
    Date: new Date(startedAt).toUTCString(),
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
  };
  if (answer.location) headers['Location'] = answer.location;
  return {
    id: randomUUID(),
    scheduleId: s.id,
    startedAt: formatMicros(BigInt(startedAt) * 1000n),
    durationInSec: Math.round(tookMs) / 1000,
    succeeded: answer.status >= 200 && answer.status < 300,
    summary: STATUS_CODES[answer.status] ?? String(answer.status),
    status: answer.status,
    headers,
    body: answer.body,
    debugId: answer.debugId,
    jobId: answer.jobId ?? null,
    createdAt: nowTimestamp(),
  };
}

/** Records the run, plans the next start and bumps the schedule, in `tx`. */
async function settle(tx: Db, s: Schedule, run: ScheduleRun, now: number): Promise<Schedule> {
  const next: Schedule = {
    ...s,
    lastRun: run,
    nextStartAt: nextAfterRun(s.timing, s.nextStartAt ?? s.timing.startAt, now),
    generation: s.generation + 1,
    updatedAt: nowTimestamp(),
  };
  await repo.insertRun(tx, s.workspaceId, run);
  // The caller holds the row (claimed FOR UPDATE, or the only writer on SQLite): a miss is a bug.
  if (!(await repo.saveSchedule(tx, next, s.generation))) throw new Error(`schedule ${s.id} changed while it was being run`);
  await recordRunActivity(tx, next, run);
  return next;
}

/**
 * A schedule whose associated resource is gone is deleted (schedules.md §3) rather than run. The owning group
 * deletes it with the resource when it can; this catches resources removed by anything else.
 */
async function orphaned(tx: Db, s: Schedule): Promise<boolean> {
  const target = s.associatedResourceUri === null ? undefined : parseTargetUri(s.associatedResourceUri);
  if (!target || !hasJobTargetLookup(target.type)) return false;
  return !(await findJobTarget(tx, target.type, s.workspaceId, target.id));
}

/** Runs a claimed, due schedule at `now` (ms). */
export async function fireSchedule(tx: Db, s: Schedule, now: number): Promise<FireOutcome> {
  if (await orphaned(tx, s)) {
    await repo.deleteSchedule(tx, s.workspaceId, s.id, s.generation);
    await recordScheduleActivity(tx, 'DELETED', s, { en: `Reason: its resource ${s.associatedResourceUri} no longer exists`, ja: `理由: 関連リソース ${s.associatedResourceUri} が存在しません` });
    return { kind: 'deleted', schedule: s };
  }
  const began = performance.now();
  const answer = await call(tx, s);
  const run = runOf(s, answer, now, performance.now() - began);
  return { kind: 'ran', schedule: await settle(tx, s, run, now), run };
}

/** Records a run that failed inside OpenCOM (a bug, a lost database connection), so the schedule moves on. */
export async function fireFailed(tx: Db, s: Schedule, now: number): Promise<FireOutcome> {
  const debugId = randomUUID();
  const body: ErrorBody = errorBody('INTERNAL', debugId);
  const run = runOf(s, { status: 500, body, debugId }, now, 0);
  return { kind: 'ran', schedule: await settle(tx, s, run, now), run };
}
