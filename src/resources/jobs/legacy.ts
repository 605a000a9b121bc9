// What v1beta3 and v1beta2 share (jobs.md §2, "v1beta3 shape"): the template and the target named by URI,
// `data` for parameters plus system data, the target's collection word as `resource.type`, and the same
// create body. Each version's mapper adds or leaves out its own members around these.
import { resourceUri, typeName, type ApiScope } from '../../http/api-scope.ts';
import { JOB_STATES } from '../../job-engine/model.ts';
import type { PropertyDef } from '../../query/list-spec.ts';
import type { JobCreation, StoredJob } from './model.ts';
import type { JobListView } from './repository.ts';
import { COLLECTION_OF, parseTargetUri, parseTemplateRef, targetUri, templateUri } from './targets.ts';
import type { LegacyJobCreateBody } from './wire.ts';

/** The members both legacy views publish. */
export function legacyJobMembers(job: StoredJob, scope: ApiScope) {
  const target = targetUri(scope, job.resource);
  return {
    id: job.id,
    type: typeName(scope, 'job'),
    resourceUri: resourceUri(scope, `jobs/${job.id}`),
    parentJobId: job.parentJobId,
    name: job.name,
    displayName: job.name,
    generation: job.generation,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    deleteOnComplete: job.deleteOnComplete,
    jobTemplateUri: templateUri(scope, job.templateId),
    associatedResourceUri: target,
    resource: { resourceUri: target, type: COLLECTION_OF[job.resource.type] },
    data: { ...job.params, ...job.data },
    results: job.results,
    state: job.state,
    status: job.status,
    statusDetails: job.statusDetails,
  };
}

export function fromLegacyCreate(body: typeof LegacyJobCreateBody.static): JobCreation {
  return {
    templateId: parseTemplateRef(body.jobTemplateUri),
    target: parseTargetUri(body.resourceUri),
    problem: `'${body.resourceUri}' is not the URI of a server, group, OneView appliance, setting, external service or filter`,
    params: body.data ?? {},
    fields: { template: 'jobTemplateUri', resourceType: 'resourceUri', resourceId: 'resourceUri', params: 'data' },
  };
}

/** `resource/type` reads as the legacy views write it: `servers`, `groups`, … */
export const legacyListView = (scope: ApiScope): JobListView => ({ type: typeName(scope, 'job'), resourceType: ['', 's'] });

/** The reference documents offset and limit only; clients append filters, so the members both views show filter too. */
export const LEGACY_LIST_PROPERTIES: Readonly<Record<string, PropertyDef>> = {
  id: { column: 'id', type: 'string' },
  type: { column: 'wire_type', type: 'string' },
  parentJobId: { column: 'parent_job_id', type: 'string' },
  createdAt: { column: 'created_at', type: 'timestamp' },
  updatedAt: { column: 'updated_at', type: 'timestamp' },
  deleteOnComplete: { column: 'delete_on_complete', type: 'boolean' },
  name: { column: 'name', type: 'string' },
  displayName: { column: 'name', type: 'string' },
  data: { json: 'wire_data', sortable: false },
  state: { column: 'state', type: 'enum', values: JOB_STATES },
  status: { column: 'status', type: 'string' },
  statusDetails: { json: 'status_details', sortable: false },
  generation: { column: 'generation', type: 'integer' },
  results: { json: 'results', sortable: false },
  'resource/type': { column: 'wire_resource_type', type: 'string' },
};

export const LEGACY_LIMIT = { max: 1000, default: 1000 };
