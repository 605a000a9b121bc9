// The job engine: claims due jobs from the store, runs one executor step each, and saves the outcome.
// Durability comes from the table, not from memory: a step runs under a lease; the outcome, the checkpoint
// and the step's own writes commit in one transaction; a worker that dies leaves an expired lease that any
// worker (this process after a restart, or another process on PostgreSQL) takes over. Claims use
// FOR UPDATE SKIP LOCKED on PostgreSQL so several processes never run the same step twice at once.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../devices/clock.ts';
import type { DeviceDriver } from '../devices/driver.ts';
import { recordActivity } from '../resources/activities/service.ts';
import type { Db, Store } from '../store/store.ts';
import { formatMicros, nowTimestamp } from '../store/time.ts';
import type { StepOutcome } from './executor.ts';
import { executorFor } from './executors/index.ts';
import { isTerminal, type ReasonMessage, type StoredJob } from './model.ts';
import { deleteJob, fromRow, JOB_SELECT, saveJob, type JobRow } from './repository.ts';
import { jobSignals } from './submit.ts';

export interface EngineLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface EngineOptions {
  store: Store;
  driver: DeviceDriver;
  clock: Clock;
  log: EngineLogger;
  /** Steps this process runs at once. */
  concurrency?: number;
  /** Real milliseconds between polls when nothing nudges the engine. */
  pollMs?: number;
  /** Real milliseconds a claimed step may take before another worker may take the job over. */
  leaseMs?: number;
  /** Takeovers after which a job is declared STALLED instead of being run again. */
  maxRecoveries?: number;
  workerId?: string;
}

const timestampIn = (realMs: number): string => formatMicros(BigInt(Math.round(Date.now() + realMs)) * 1000n);

/** Why a job stalls after its workers kept dying (data.state_reason_message). */
const STALLED_REASON: ReasonMessage = { message_id: 'JOB-STALLED', message_args: ['The job was interrupted repeatedly and stopped making progress'] };

export class JobEngine {
  readonly workerId: string;
  private readonly concurrency: number;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly maxRecoveries: number;
  private inFlight = 0;
  private timer: NodeJS.Timeout | undefined;
  private polling = false;
  private pollAgain = false;
  private stopped = true;
  private readonly running = new Set<Promise<void>>();
  private readonly nudge = () => this.soon();
  /** Steps run by this engine, for tests and benchmarks. */
  stepsRun = 0;

  constructor(private readonly options: EngineOptions) {
    this.workerId = options.workerId ?? `worker-${randomUUID()}`;
    this.concurrency = options.concurrency ?? 32;
    this.pollMs = options.pollMs ?? 250;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.maxRecoveries = options.maxRecoveries ?? 3;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    jobSignals.on('submitted', this.nudge);
    jobSignals.on('changed', this.nudge);
    this.soon();
  }

  /** Stops claiming and waits for the steps in flight to be saved. */
  async stop(): Promise<void> {
    this.stopped = true;
    jobSignals.off('submitted', this.nudge);
    jobSignals.off('changed', this.nudge);
    if (this.timer) clearTimeout(this.timer);
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  private soon(delayMs = 0): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.poll(), delayMs);
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    if (this.stopped) return;
    if (this.polling) {
      this.pollAgain = true;
      return;
    }
    this.polling = true;
    let claimed = 0;
    try {
      const room = this.concurrency - this.inFlight;
      if (room > 0) {
        const jobs = await this.claim(room);
        claimed = jobs.length;
        for (const job of jobs) this.launch(job);
      }
    } catch (err) {
      this.options.log.error({ err }, 'job engine poll failed');
    } finally {
      this.polling = false;
    }
    const again = this.pollAgain || (claimed > 0 && this.inFlight < this.concurrency);
    this.pollAgain = false;
    this.soon(again ? 0 : await this.untilNextDue());
  }

  /** Real milliseconds until the earliest waiting job is due, bounded by the poll interval. */
  private async untilNextDue(): Promise<number> {
    if (this.stopped) return this.pollMs;
    try {
      const row = await this.options.store.get<{ next: string | null }>(
        `SELECT MIN(run_after) AS next FROM jobs WHERE state IN ('PENDING', 'RUNNING') AND lease_owner IS NULL`,
      );
      if (!row?.next) return this.pollMs;
      return Math.max(0, Math.min(this.pollMs, Date.parse(row.next) - Date.now()));
    } catch {
      return this.pollMs;
    }
  }

  private launch(job: StoredJob): void {
    this.inFlight++;
    const run = this.runStep(job)
      .catch((err: unknown) => this.options.log.error({ err, jobId: job.id }, 'job step failed'))
      .finally(() => {
        this.inFlight--;
        this.running.delete(run);
        this.soon();
      });
    this.running.add(run);
  }

  /**
   * Takes up to `limit` due jobs: queued or running, not leased (or leased by a worker that let the lease
   * run out), and — for a job not yet started — no other job running on the same target and none queued
   * before it there, so jobs on one target run one at a time in the order they were created.
   */
  async claim(limit: number): Promise<StoredJob[]> {
    const { store } = this.options;
    const now = nowTimestamp();
    const lockClause = store.dialect === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
    const rows = await store.transaction((tx) =>
      tx.all<JobRow>(
        `UPDATE jobs SET lease_owner = ?, lease_until = ?,
           recoveries = recoveries + CASE WHEN lease_owner IS NULL THEN 0 ELSE 1 END
         WHERE (workspace_id, id) IN (
           SELECT j.workspace_id, j.id FROM jobs j
           WHERE j.state IN ('PENDING', 'RUNNING') AND j.run_after <= ? AND (j.lease_until IS NULL OR j.lease_until < ?)
             AND NOT (j.state = 'PENDING' AND EXISTS (
               SELECT 1 FROM jobs r WHERE r.workspace_id = j.workspace_id AND r.resource_type = j.resource_type
                 AND r.resource_id = j.resource_id AND r.id <> j.id
                 AND (r.state = 'RUNNING' OR (r.state = 'PENDING' AND (r.created_at < j.created_at OR (r.created_at = j.created_at AND r.id < j.id))))))
           ORDER BY j.run_after
           LIMIT ${Math.max(1, Math.floor(limit))}
           ${lockClause}
         )
         RETURNING ${JOB_SELECT}`,
        [this.workerId, timestampIn(this.leaseMs), now, now],
      ),
    );
    const jobs = rows.map(fromRow);
    // One line per claimed step lets an operator (and the multi-process test) see who ran what.
    for (const j of jobs) this.options.log.debug({ worker: this.workerId, jobId: j.id, step: j.run.runAfter, recoveries: j.run.recoveries }, 'job step claimed');
    return jobs;
  }

  /** Runs one step of a claimed job and saves what it produced. */
  async runStep(claimed: StoredJob): Promise<void> {
    this.stepsRun++;
    if (claimed.run.recoveries > this.maxRecoveries) {
      await this.finish(claimed, { kind: 'end', state: 'COMPLETE', resultCode: 'FAILURE', status: 'Stalled', reason: STALLED_REASON }, 'STALLED');
      return;
    }
    const executor = executorFor(claimed.name);
    let outcome: StepOutcome;
    if (!executor) {
      outcome = { kind: 'end', state: 'ERROR', resultCode: 'FAILURE', status: `No executor for ${claimed.name}`, reason: { message_id: 'JOB-UNSUPPORTED', message_args: [claimed.name] } };
    } else {
      try {
        outcome = await executor.step({ job: claimed, driver: this.options.driver, clock: this.options.clock, store: this.options.store });
      } catch (err) {
        this.options.log.error({ err, jobId: claimed.id, job: claimed.name }, 'job step threw');
        outcome = {
          kind: 'end',
          state: 'ERROR',
          resultCode: 'FAILURE',
          status: 'JobErrorException : internal error',
          reason: { message_id: 'JOB-INTERNAL', message_args: [err instanceof Error ? err.message : String(err)] },
        };
      }
    }
    await this.finish(claimed, outcome);
  }

  /**
   * Saves a step's outcome with its writes in one transaction. If the job was changed meanwhile (a PATCH
   * ended it, or asked it to stop), the stored version wins: an ended job stays ended, and other changes
   * are kept while the outcome is applied on top of them.
   */
  private async finish(claimed: StoredJob, outcome: StepOutcome, endState?: 'STALLED'): Promise<void> {
    const { store, clock } = this.options;
    let wakeParent: { workspaceId: string; id: string } | undefined;
    await store.transaction(async (tx) => {
      const current = await this.reread(tx, claimed);
      if (!current) return;
      // Taken over — by another worker, or by this one re-claiming after the lease ran out (the lease end
      // differs then): the newer claim decides, so no outcome is applied twice.
      if (current.run.leaseOwner !== this.workerId || current.run.leaseUntil !== claimed.run.leaseUntil) return;
      if (isTerminal(current.state) || current.state === 'STALLED') {
        await releaseLease(tx, current);
        return;
      }
      const now = nowTimestamp();
      const next: StoredJob = structuredClone(current);
      next.run.leaseOwner = null;
      next.run.leaseUntil = null;
      let visible = false;
      if (next.state === 'PENDING') {
        next.state = 'RUNNING';
        next.startedAt = now;
        visible = true;
      }
      if (outcome.results) {
        next.results = outcome.results;
        visible = true;
      }
      if (outcome.statusDetails) {
        next.statusDetails = outcome.statusDetails;
        visible = true;
      }
      if (outcome.kind === 'continue') {
        next.run.checkpoint = outcome.checkpoint;
        next.run.runAfter = timestampIn(clock.realDuration(outcome.waitMs));
        if (outcome.status !== undefined && outcome.status !== next.status) {
          next.status = outcome.status;
          visible = true;
        }
      } else {
        next.state = endState ?? outcome.state;
        next.resultCode = endState ? null : outcome.resultCode;
        next.status = outcome.status;
        next.endedAt = endState ? null : now;
        if (outcome.reason) next.data = { ...next.data, state_reason_message: outcome.reason };
        visible = true;
        if (next.parentJobId) wakeParent = { workspaceId: next.workspaceId, id: next.parentJobId };
      }
      if (visible) {
        next.generation = current.generation + 1;
        next.updatedAt = now;
      }
      if (!(await saveJob(tx, next, current.generation))) throw new Error(`job ${current.id} changed while its step was saved`);
      await outcome.writes?.(tx, next);
      if (!executorFor(next.name)?.ownActivities) await recordProgress(tx, current, next);
      if (next.state === 'COMPLETE' && next.deleteOnComplete) await deleteJob(tx, next.workspaceId, next.id);
      if (wakeParent) await tx.run(`UPDATE jobs SET run_after = ? WHERE workspace_id = ? AND id = ? AND state = 'RUNNING'`, [now, wakeParent.workspaceId, wakeParent.id]);
    });
    if (wakeParent) this.soon();
  }

  private async reread(tx: Db, job: StoredJob): Promise<StoredJob | undefined> {
    const lock = tx.dialect === 'postgres' ? ' FOR UPDATE' : '';
    const row = await tx.get<JobRow>(`SELECT ${JOB_SELECT} FROM jobs WHERE workspace_id = ? AND id = ?${lock}`, [job.workspaceId, job.id]);
    return row ? fromRow(row) : undefined;
  }

  /** Runs steps until no job is due within `horizonMs`, for tests and benchmarks that drive the engine. */
  async runUntilIdle(options: { timeoutMs?: number } = {}): Promise<void> {
    const deadline = Date.now() + (options.timeoutMs ?? 30_000);
    for (;;) {
      const jobs = await this.claim(this.concurrency);
      if (jobs.length) {
        await Promise.all(jobs.map((j) => this.runStep(j)));
        // Let timers and I/O run between batches, as the background loop does.
        await new Promise((r) => setImmediate(r));
        continue;
      }
      const active = await this.options.store.get<{ n: number | string; next: string | null }>(
        `SELECT COUNT(*) AS n, MIN(run_after) AS next FROM jobs WHERE state IN ('PENDING', 'RUNNING')`,
      );
      if (!active || Number(active.n) === 0) return;
      if (Date.now() > deadline) throw new Error(`jobs still active after ${options.timeoutMs ?? 30_000} ms`);
      const waitMs = active.next ? Math.max(1, Math.min(50, Date.parse(active.next) - Date.now())) : 5;
      await new Promise((r) => setTimeout(r, waitMs));
    }
  }
}

async function releaseLease(tx: Db, job: StoredJob): Promise<void> {
  await tx.run('UPDATE jobs SET lease_owner = NULL, lease_until = NULL WHERE workspace_id = ? AND id = ?', [job.workspaceId, job.id]);
}

/** The generic activities of a job: when it starts, and how it ends (a stall is an end to the user). */
async function recordProgress(tx: Db, before: StoredJob, after: StoredJob): Promise<void> {
  const key =
    before.state === 'PENDING' && after.state === 'RUNNING'
      ? 'JOB_STARTED'
      : after.state === 'COMPLETE' && after.resultCode === 'SUCCESS'
        ? 'JOB_COMPLETED'
        : after.state !== before.state && (after.state === 'COMPLETE' || after.state === 'ERROR' || after.state === 'STALLED')
          ? 'JOB_FAILED'
          : undefined;
  if (!key) return;
  const reason = (after.data['state_reason_message'] as ReasonMessage | undefined)?.message_args[0] ?? after.status;
  await recordActivity(tx, after.workspaceId, {
    key,
    args: { jobName: after.name, target: `${after.resource.type} ${after.resource.id}`, status: after.status, reason },
    source: { type: 'Job', id: after.id, name: after.name, resourceUri: `v1/jobs/${after.id}` },
    associatedServerId: after.resource.type === 'server' ? after.resource.id : null,
    groupId: after.resource.type === 'group' ? after.resource.id : null,
  });
}

/** An activity about a job itself with explicit text, sourced at the job so clients find it by the job's URI. */
export function jobActivity(job: StoredJob, key: string, title: string, message: string) {
  return {
    key,
    text: { en: { title, message, recommendedAction: null } },
    source: { type: 'Job', id: job.id, name: job.name, resourceUri: `v1/jobs/${job.id}` },
    associatedServerId: job.resource.type === 'server' ? job.resource.id : null,
  };
}
