// What a job template's executor is to the engine. An executor advances its job one short step at a time:
// each step does a little device work, and returns what to remember (the checkpoint) and when to come back.
// The engine saves the outcome and the step's store writes in one transaction, so a crash between steps
// loses nothing, and a crash inside a step only repeats that step.
import type { Clock } from '../devices/clock.ts';
import type { DeviceDriver } from '../devices/driver.ts';
import type { Issue } from '../http/com-error.ts';
import type { Db, Store } from '../store/store.ts';
import type { ReasonMessage, ResultCode, StoredJob } from './model.ts';

export interface StepContext {
  /** The job as stored when the step began (its checkpoint is `job.run.checkpoint`). */
  job: StoredJob;
  driver: DeviceDriver;
  clock: Clock;
  /** For reads; writes go in `writes` so they commit with the step. */
  store: Store;
}

/** Writes that commit together with the job's new state. */
export type StepWrites = (tx: Db, job: StoredJob) => Promise<void>;

export type StepOutcome =
  | {
      kind: 'continue';
      checkpoint: Record<string, unknown>;
      /** Simulated milliseconds until the next step; the clock turns them into real time. */
      waitMs: number;
      status?: string;
      results?: Record<string, unknown>;
      statusDetails?: Record<string, unknown>;
      writes?: StepWrites;
    }
  | {
      kind: 'end';
      state: 'COMPLETE' | 'ERROR';
      resultCode: ResultCode;
      status: string;
      results?: Record<string, unknown>;
      statusDetails?: Record<string, unknown>;
      reason?: ReasonMessage;
      writes?: StepWrites;
    };

export interface Executor {
  /** The executor records its own activities (firmware updates use HPE's FW_UPDATE keys), so the engine's generic job activities are left out. */
  ownActivities?: boolean;
  /**
   * Checks a new job against the store beyond its parameter schema (the target's state, group members,
   * baselines). Issues become a 400 at creation.
   */
  validate?(db: Db, job: { workspaceId: string; resource: StoredJob['resource']; params: Record<string, unknown> }): Promise<Issue[]>;
  step(ctx: StepContext): Promise<StepOutcome>;
}

export const end = (state: 'COMPLETE' | 'ERROR', resultCode: ResultCode, status: string, extra: Partial<Extract<StepOutcome, { kind: 'end' }>> = {}): StepOutcome => ({
  kind: 'end',
  state,
  resultCode,
  status,
  ...extra,
});

export const wait = (checkpoint: Record<string, unknown>, waitMs: number, extra: Partial<Extract<StepOutcome, { kind: 'continue' }>> = {}): StepOutcome => ({
  kind: 'continue',
  checkpoint,
  waitMs,
  ...extra,
});
