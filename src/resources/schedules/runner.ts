// The durable runner that fires schedules. Durability comes from the table: a schedule is due while its
// next_start_at has passed, and firing it moves next_start_at on in the same transaction that submits the job
// and writes the history, so a crash either fired it completely or not at all. Claims use FOR UPDATE SKIP
// LOCKED on PostgreSQL, so several processes share the work and never fire one planned start twice; on
// SQLite the single writer serialises them.
import type { Db, Store } from '../../store/store.ts';
import { formatMicros } from '../../store/time.ts';
import { fireFailed, fireSchedule, type FireOutcome } from './fire.ts';
import type { Schedule } from './model.ts';
import { fromRow, SCHEDULE_COLUMNS, type ScheduleRow } from './repository.ts';

export interface RunnerLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

const SILENT: RunnerLogger = { info() {}, error() {} };

export interface FireOptions {
  /** Most schedules fired by one call; the rest wait for the next. */
  limit?: number;
  log?: RunnerLogger;
}

const at = (ms: number): string => formatMicros(BigInt(Math.floor(ms)) * 1000n);

/**
 * Fires every schedule due at `now` (ms or Date), one transaction per schedule; returns what happened to
 * each. Tests drive time with `now`; the runner passes the wall clock.
 */
export async function fireDueSchedules(store: Store, now: number | Date = Date.now(), options: FireOptions = {}): Promise<FireOutcome[]> {
  const nowMs = typeof now === 'number' ? now : now.getTime();
  const log = options.log ?? SILENT;
  const limit = options.limit ?? 100;
  const lock = store.dialect === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
  // Schedules that failed in this pass even to record their failure are left for the next pass.
  const skipped: string[] = [];
  const outcomes: FireOutcome[] = [];
  const due = async (tx: Db, only?: { workspaceId: string; id: string }): Promise<Schedule | undefined> => {
    const exclude = skipped.length ? `AND id NOT IN (${skipped.map(() => '?').join(', ')})` : '';
    const one = only ? 'AND workspace_id = ? AND id = ?' : '';
    const row = await tx.get<ScheduleRow>(
      `SELECT ${SCHEDULE_COLUMNS} FROM schedules WHERE next_start_at IS NOT NULL AND next_start_at <= ? ${exclude} ${one}
       ORDER BY next_start_at, workspace_id, id LIMIT 1 ${lock}`,
      [at(nowMs), ...skipped, ...(only ? [only.workspaceId, only.id] : [])],
    );
    return row && fromRow(row);
  };
  while (outcomes.length < limit) {
    const claimed: { schedule?: Schedule } = {};
    try {
      const outcome = await store.transaction(async (tx) => {
        claimed.schedule = await due(tx);
        return claimed.schedule && fireSchedule(tx, claimed.schedule, nowMs);
      });
      if (!outcome) break;
      outcomes.push(outcome);
      log.info({ scheduleId: outcome.schedule.id, workspaceId: outcome.schedule.workspaceId, outcome: outcome.kind }, 'schedule fired');
    } catch (err) {
      const failed = claimed.schedule;
      if (!failed) throw err; // the claim itself failed: there is nothing to move on
      log.error({ err, scheduleId: failed.id }, 'schedule run failed; recording the failure');
      try {
        // Still due and not taken by another runner meanwhile: record the failure so the schedule moves on.
        const outcome = await store.transaction(async (tx) => {
          const again = await due(tx, failed);
          return again && fireFailed(tx, again, nowMs);
        });
        if (outcome) outcomes.push(outcome);
        else skipped.push(failed.id);
      } catch (again) {
        log.error({ err: again, scheduleId: failed.id }, 'could not record the failed schedule run');
        skipped.push(failed.id);
      }
    }
  }
  return outcomes;
}

export interface RunnerOptions {
  store: Store;
  log?: RunnerLogger;
  /** Real milliseconds between looks at the queue when nothing is due sooner. */
  pollMs?: number;
  /** The clock (ms); the wall clock unless a test says otherwise. */
  now?: () => number;
}

/** Fires due schedules in the background until stopped. */
export class ScheduleRunner {
  private readonly pollMs: number;
  private readonly now: () => number;
  private readonly log: RunnerLogger;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(private readonly options: RunnerOptions) {
    this.pollMs = options.pollMs ?? 1000;
    this.now = options.now ?? Date.now;
    this.log = options.log ?? SILENT;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.later(0);
  }

  /** Stops looking and waits for a pass in progress to commit. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private later(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.pass().finally(() => (this.running = undefined));
    }, ms);
    this.timer.unref();
  }

  private async pass(): Promise<void> {
    const limit = 100;
    let fired = 0;
    try {
      fired = (await fireDueSchedules(this.options.store, this.now(), { limit, log: this.log })).length;
    } catch (err) {
      this.log.error({ err }, 'schedule runner pass failed');
    }
    if (fired === limit) return this.later(0);
    const wait = await this.untilNextDue();
    // Something is due yet nothing could be fired (the database is failing): back off rather than spin.
    this.later(wait === 0 && fired === 0 ? this.pollMs : wait);
  }

  /** Real milliseconds until the earliest planned start, bounded by the poll interval. */
  private async untilNextDue(): Promise<number> {
    try {
      const row = await this.options.store.get<{ next: string | null }>('SELECT MIN(next_start_at) AS next FROM schedules');
      if (!row?.next) return this.pollMs;
      return Math.max(0, Math.min(this.pollMs, Date.parse(row.next) - this.now()));
    } catch {
      return this.pollMs;
    }
  }
}
