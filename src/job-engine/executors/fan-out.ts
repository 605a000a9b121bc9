// What group jobs that act server by server share: plan one child job per member, start them in waves (one
// at a time, all at once, or batch by batch), start the next wave when the last one has ended, and tally the
// children when none is left. Children are ordinary durable jobs on their server, so any worker runs them,
// they queue behind other jobs on the same server, and a restart loses none; the parent only plans, spawns
// and tallies, and the engine wakes it whenever a child ends.
import type { Issue } from '../../http/com-error.ts';
import { groupMembers } from '../../resources/groups/service.ts';
import type { Db, Store } from '../../store/store.ts';
import { wait, type StepOutcome } from '../executor.ts';
import { isTerminal, type StoredJob } from '../model.ts';
import { findChildren } from '../repository.ts';
import { submitJob } from '../submit.ts';

/** One server of a group job: the parameters of its child, or why it gets none. */
export interface PlannedChild {
  serverId: string;
  params: Record<string, unknown> | null;
  /** Why the server gets no child (it is then counted as failed). */
  skipped?: string;
}

export interface ChildResult {
  serverId: string;
  jobId: string | null;
  /** OK or FAILED per child; SKIPPED for servers a stop left out. */
  status: 'OK' | 'FAILED' | 'SKIPPED';
  reason: string | null;
}

export interface Tally {
  servers: ChildResult[];
  succeeded: number;
  failed: number;
  skipped: number;
  stopped: 'request' | 'failure' | undefined;
}

export interface FanOutSpec {
  /** The template of every child of this job. */
  childTemplateId(job: StoredJob): string;
  /** The children to run, in order; a StepOutcome ends the job instead (e.g. the group lacks the setting). */
  plan(db: Db, job: StoredJob): Promise<PlannedChild[] | StepOutcome>;
  /** How many children each wave starts, out of `startable`. */
  waveSize(job: StoredJob, startable: number): number;
  /** Asked between waves: a reason to start no more. */
  stopBefore?(job: StoredJob, failedSoFar: number): Tally['stopped'];
  starting(count: number): string;
  progress(done: number, total: number): string;
  conclude(db: Db, job: StoredJob, tally: Tally): Promise<StepOutcome>;
}

interface FanOutCheckpoint {
  plan?: PlannedChild[];
  /** How many startable children have been started. */
  next?: number;
  stopped?: Tally['stopped'];
}

/** Fallback between looks when no child wakes the parent (simulated). */
const LOOK_EVERY_MS = 5 * 60_000;

/**
 * The group's members a job asks for: those of `devices` that are members when it is given, else all of them
 * in id order. Strangers are issues naming `jobParams.devices` (a 400 at creation); a job created without the
 * check (on-add policies) whose device left the group meanwhile just leaves it out.
 */
export async function requestedDevices(db: Db, workspaceId: string, groupId: string, params: Record<string, unknown>): Promise<{ members: string[]; issues: Issue[] }> {
  const members = (await groupMembers(db, workspaceId, groupId)).map((m) => m.serverId);
  const asked = params['devices'];
  if (!Array.isArray(asked)) return { members, issues: [] };
  const set = new Set(members);
  const strangers = asked.filter((d) => typeof d !== 'string' || !set.has(d));
  const chosen = [...new Set(asked.filter((d): d is string => typeof d === 'string' && set.has(d)))];
  if (strangers.length) return { members: chosen, issues: [{ source: 'field', subject: 'jobParams.devices', description: `not members of the group: ${strangers.join(', ')}` }] };
  return { members: chosen, issues: [] };
}

export function fanOut(spec: FanOutSpec): (ctx: { job: StoredJob; store: Store }) => Promise<StepOutcome> {
  return async ({ job, store }) => {
    const cp = job.run.checkpoint as FanOutCheckpoint;
    if (!cp.plan) {
      const plan = await spec.plan(store, job);
      if (!Array.isArray(plan)) return plan;
      const startable = plan.filter((p) => p.params);
      const first = startable.slice(0, spec.waveSize(job, startable.length));
      const next: FanOutCheckpoint = { plan, next: first.length };
      return wait(next as Record<string, unknown>, first.length ? LOOK_EVERY_MS : 0, {
        status: spec.starting(startable.length),
        results: { servers: plan.length },
        writes: (tx, saved) => spawn(tx, saved, spec.childTemplateId(saved), first),
      });
    }

    const plan = cp.plan;
    const startable = plan.filter((p) => p.params);
    const children = await findChildren(store, job.workspaceId, job.id);
    const ended = children.filter((c) => isTerminal(c.state) || c.state === 'STALLED');
    const failed = ended.filter((c) => c.resultCode !== 'SUCCESS').length;
    const running = children.length - ended.length;
    const started = cp.next ?? 0;

    if (running === 0 && !cp.stopped && started < startable.length) {
      const stopped = spec.stopBefore?.(job, failed);
      if (!stopped) {
        const wave = startable.slice(started, started + spec.waveSize(job, startable.length));
        return wait({ ...cp, next: started + wave.length } as Record<string, unknown>, LOOK_EVERY_MS, {
          status: spec.progress(ended.length, startable.length),
          writes: (tx, saved) => spawn(tx, saved, spec.childTemplateId(saved), wave),
        });
      }
      cp.stopped = stopped;
    }
    if (running > 0) return wait(cp as Record<string, unknown>, LOOK_EVERY_MS, { status: spec.progress(ended.length, startable.length) });
    return spec.conclude(store, job, tally(plan, children, cp.stopped));
  };
}

async function spawn(tx: Db, parent: StoredJob, templateId: string, children: readonly PlannedChild[]): Promise<void> {
  for (const c of children) {
    await submitJob(tx, {
      workspaceId: parent.workspaceId,
      templateId,
      resource: { type: 'server', id: c.serverId },
      params: c.params ?? {},
      createdBy: parent.createdBy,
      parentJobId: parent.id,
    });
  }
}

function tally(plan: readonly PlannedChild[], children: readonly StoredJob[], stopped: Tally['stopped']): Tally {
  const byServer = new Map(children.map((c) => [c.resource.id, c]));
  const servers = plan.map((p): ChildResult => {
    const child = byServer.get(p.serverId);
    if (child) return { serverId: p.serverId, jobId: child.id, status: child.resultCode === 'SUCCESS' ? 'OK' : 'FAILED', reason: child.resultCode === 'SUCCESS' ? null : child.status };
    return { serverId: p.serverId, jobId: null, status: p.skipped ? 'FAILED' : 'SKIPPED', reason: p.skipped ?? 'not started (stopped)' };
  });
  const failed = servers.filter((s) => s.status === 'FAILED').length;
  const skipped = servers.filter((s) => s.status === 'SKIPPED').length;
  return { servers, succeeded: servers.length - failed - skipped, failed, skipped, stopped };
}
