// Job lists as each version sees them. A job's stored columns are the hub; the wire spells some facts
// differently (`resource/type` is `compute-ops-mgmt/server` in v1 and `servers` in the legacy views, `data`
// is the creation parameters merged with system data), so lists read from a view of the jobs table that
// computes those spellings in SQL: filters and sorts on them then run in the database like any other.
import { fromRow, JOB_SELECT, type JobRow } from '../../job-engine/repository.ts';
import type { StoredJob } from '../../job-engine/model.ts';
import { listPage, type ListPage, type ListRequest } from '../../query/list-query.ts';
import type { ListSpec } from '../../query/list-spec.ts';
import type { Db, Dialect } from '../../store/store.ts';

/** How a version spells the computed members, e.g. `{type: 'compute-ops-mgmt/job', resourceType: ['compute-ops-mgmt/', '']}`. */
export interface JobListView {
  /** The job's own `type`. */
  type: string;
  /** Text put before and after the stored target type (`server`) to give the wire `resource/type`. */
  resourceType: readonly [string, string];
}

/** v1beta `data` (and v1 `data`): parameters, with system data such as state_reason_message on top. */
function mergedData(dialect: Dialect): string {
  return dialect === 'postgres' ? '(j.params || j.data)' : 'json_patch(j.params, j.data)';
}

/**
 * The wire columns the list specs name: `wire_type`, `wire_resource_type`, `wire_data`, beside every stored
 * column. The planner flattens it, so the (workspace_id, created_at) index still serves the default order.
 */
function wireView(dialect: Dialect, view: JobListView): { sql: string; params: unknown[] } {
  return {
    sql: `(SELECT j.*, CAST(? AS TEXT) AS wire_type, CAST(? AS TEXT) || j.resource_type || CAST(? AS TEXT) AS wire_resource_type,
            ${mergedData(dialect)} AS wire_data FROM jobs j) AS jobs_wire`,
    params: [view.type, view.resourceType[0], view.resourceType[1]],
  };
}

export async function listJobs(db: Db, workspaceId: string, view: JobListView, request: ListRequest, spec: ListSpec): Promise<ListPage<StoredJob>> {
  return listPage<JobRow, StoredJob>(
    db,
    { from: wireView(db.dialect, view), columns: JOB_SELECT, scope: { sql: 'workspace_id = ?', params: [workspaceId] }, spec },
    request,
    fromRow,
  );
}
