// Job operations behind every jobs version: list and read a workspace's jobs, create one from a template
// (validated and submitted through the engine's validateSubmission and submitJob), and end or stop one by
// hand (PATCH). Each write is one transaction; running jobs is the engine's business, not this group's.
import { ComError } from '../../http/com-error.ts';
import { checkIfMatch } from '../../http/if-match.ts';
import type { CallContext } from '../../http/request-context.ts';
import { runJobEndedByUserHooks } from '../../job-engine/end-hooks.ts';
import { jobActivity } from '../../job-engine/engine.ts';
import { findJob } from '../../job-engine/repository.ts';
import { changeJob, endDescendants } from '../../job-engine/settle.ts';
import { jobSignals, submitJob } from '../../job-engine/submit.ts';
import { validateSubmission } from '../../job-engine/validate-submission.ts';
import type { ListPage, ListRequest } from '../../query/list-query.ts';
import type { ListSpec } from '../../query/list-spec.ts';
import type { Store } from '../../store/store.ts';
import { nowTimestamp } from '../../store/time.ts';
import { recordActivity } from '../activities/service.ts';
import type { JobCreation, JobPatch, StoredJob } from './model.ts';
import { listJobs, type JobListView } from './repository.ts';
import { parentEnding, patchedJob } from './rules.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const notFound = (id: string) => new ComError('NOT_FOUND', `Job ${id} was not found`);

export class JobService {
  constructor(private readonly store: Store) {}

  list(ctx: CallContext, view: JobListView, request: ListRequest, spec: ListSpec): Promise<ListPage<StoredJob>> {
    return listJobs(this.store, ctx.workspaceId, view, request, spec);
  }

  /** A job of the caller's workspace; another workspace's job is as missing as one that never existed. */
  async get(ctx: CallContext, id: string): Promise<StoredJob> {
    const job = UUID.test(id) ? await findJob(this.store, ctx.workspaceId, id.toLowerCase()) : undefined;
    if (!job) throw notFound(id);
    return job;
  }

  /**
   * Creates a job once the engine's checks pass (template runs here and takes the target's type and the
   * parameters, the target exists in the workspace, the executor agrees: all 400s), in one transaction.
   */
  async create(ctx: CallContext, creation: JobCreation): Promise<StoredJob> {
    return this.store.transaction(async (tx) => {
      const valid = await validateSubmission(tx, ctx.workspaceId, creation);
      return submitJob(tx, { ...valid, createdBy: ctx.principal.userId });
    });
  }

  /**
   * Ends a job by hand or sends it input (jobs.md §4.4), guarded by If-Match and by the generation read, so a
   * step the engine saves meanwhile is neither lost nor overwritten. The engine is told after commit.
   */
  async patch(ctx: CallContext, id: string, patch: JobPatch, ifMatch?: string | string[]): Promise<StoredJob> {
    if (!UUID.test(id)) throw notFound(id);
    const jobId = id.toLowerCase();
    const endedChildren: string[] = [];
    const result = await this.store.transaction(async (tx) => {
      endedChildren.length = 0; // a retried transaction starts over
      const change = await changeJob(tx, ctx.workspaceId, jobId, (current) => {
        checkIfMatch(ifMatch, current.generation);
        return patchedJob(current, patch, nowTimestamp());
      });
      if (!change) throw notFound(id);
      if (change.changed) {
        const { job } = change;
        const who = ctx.principal.email;
        if (patch.state) {
          await runJobEndedByUserHooks(tx, job, who);
          await recordActivity(tx, ctx.workspaceId, jobActivity(job, 'JOB_ENDED_BY_USER', `Job ${job.name} ended by user`, `Job ${job.name} was set to ${job.state} by ${who}`));
          for (const child of await endDescendants(tx, job, parentEnding(job))) {
            await runJobEndedByUserHooks(tx, child, who);
            endedChildren.push(child.id);
          }
        } else if (patch.input?.stopOnRequest) {
          await recordActivity(
            tx,
            ctx.workspaceId,
            jobActivity(job, 'JOB_STOP_REQUESTED', `Stop requested for job ${job.name}`, `${who} asked job ${job.name} to stop: servers not yet started are skipped`),
          );
        }
      }
      return change;
    });
    if (result.changed) jobSignals.emit('changed', ctx.workspaceId, jobId);
    for (const child of endedChildren) jobSignals.emit('changed', ctx.workspaceId, child);
    return result.job;
  }
}
