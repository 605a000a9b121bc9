// jobs v1 ⇄ hub. v1 names the template by id and the target by `compute-ops-mgmt/<type>` + id; it also
// carries the legacy `data` because clients read data.state_reason_message from v1 URIs too (jobs.md §2).
import { resourceUri, typeName, type ApiScope } from '../../../http/api-scope.ts';
import { JOB_STATES } from '../../../job-engine/model.ts';
import { defineListSpec } from '../../../query/list-spec.ts';
import type { JobCreation, JobPatch, StoredJob } from '../model.ts';
import type { JobListView } from '../repository.ts';
import { parseResourceType } from '../targets.ts';
import type { JobUpdateBody } from '../wire.ts';
import type { JobCreateV1, JobV1 } from './schemas.ts';

export function toV1(job: StoredJob, scope: ApiScope): JobV1 {
  return {
    id: job.id,
    type: typeName(scope, 'job'),
    resourceUri: resourceUri(scope, `jobs/${job.id}`),
    parentJobId: job.parentJobId,
    name: job.name,
    generation: job.generation,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    deleteOnComplete: job.deleteOnComplete,
    cancelable: job.cancelable,
    jobTemplate: job.templateId,
    resource: { type: typeName(scope, job.resource.type), id: job.resource.id },
    jobParams: job.params,
    data: { ...job.params, ...job.data },
    results: job.results,
    state: job.state,
    resultCode: job.resultCode,
    status: job.status,
    statusDetails: job.statusDetails,
  };
}

export function fromV1(body: JobCreateV1): JobCreation {
  const type = parseResourceType(body.resourceType);
  return {
    templateId: body.jobTemplate.trim().toLowerCase(),
    target: type ? { type, id: body.resourceId } : undefined,
    problem: `'${body.resourceType}' is not a job resource type such as compute-ops-mgmt/server or compute-ops-mgmt/group`,
    params: body.jobParams ?? {},
    fields: { template: 'jobTemplate', resourceType: 'resourceType', resourceId: 'resourceId', params: 'jobParams' },
  };
}

export function fromV1Patch(body: typeof JobUpdateBody.static): JobPatch {
  return { ...(body.state ? { state: body.state } : {}), ...(body.input ? { input: body.input } : {}) };
}

/** `resource/type` reads as this version and prefix write it: `compute-ops-mgmt/server` (or `compute-ops/server`). */
export const listViewV1 = (scope: ApiScope): JobListView => ({ type: typeName(scope, 'job'), resourceType: [`${scope.prefix}/`, ''] });

/**
 * get_v1_jobs documents these filterable properties; the filter list spells `cancellable`, the job
 * `cancelable`, so both work. Enums (state, resultCode) match case-insensitively: clients send 'running'.
 */
export const listSpecV1 = defineListSpec({
  idColumn: 'id',
  defaultSort: 'createdAt desc',
  limit: { max: 1000, default: 1000 },
  properties: {
    id: { column: 'id', type: 'string' },
    type: { column: 'wire_type', type: 'string' },
    parentJobId: { column: 'parent_job_id', type: 'string' },
    createdAt: { column: 'created_at', type: 'timestamp' },
    updatedAt: { column: 'updated_at', type: 'timestamp' },
    deleteOnComplete: { column: 'delete_on_complete', type: 'boolean' },
    cancelable: { column: 'cancelable', type: 'boolean' },
    cancellable: { column: 'cancelable', type: 'boolean' },
    name: { column: 'name', type: 'string' },
    jobParams: { json: 'params', sortable: false },
    data: { json: 'wire_data', sortable: false },
    state: { column: 'state', type: 'enum', values: JOB_STATES },
    resultCode: { column: 'result_code', type: 'enum', values: ['SUCCESS', 'FAILURE', 'DECLINED'] },
    status: { column: 'status', type: 'string' },
    statusDetails: { json: 'status_details', sortable: false },
    generation: { column: 'generation', type: 'integer' },
    results: { json: 'results', sortable: false },
    'resource/id': { column: 'resource_id', type: 'string' },
    'resource/type': { column: 'wire_resource_type', type: 'string' },
    jobTemplate: { column: 'template_id', type: 'string' },
  },
});
