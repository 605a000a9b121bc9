// jobs v1beta3 ⇄ hub: the shared legacy shape (../legacy.ts) plus resultCode and jobParams.
import type { ApiScope } from '../../../http/api-scope.ts';
import { defineListSpec } from '../../../query/list-spec.ts';
import { LEGACY_LIMIT, LEGACY_LIST_PROPERTIES, legacyJobMembers } from '../legacy.ts';
import type { JobPatch, StoredJob } from '../model.ts';
import type { JobUpdateBody } from '../wire.ts';
import type { JobV1beta3 } from './schemas.ts';

export function toV1beta3(job: StoredJob, scope: ApiScope): JobV1beta3 {
  return { ...legacyJobMembers(job, scope), jobParams: job.params, resultCode: job.resultCode };
}

export function fromV1beta3Patch(body: typeof JobUpdateBody.static): JobPatch {
  return { ...(body.state ? { state: body.state } : {}), ...(body.input ? { input: body.input } : {}) };
}

export const listSpecV1beta3 = defineListSpec({
  idColumn: 'id',
  defaultSort: 'createdAt desc',
  limit: LEGACY_LIMIT,
  properties: {
    ...LEGACY_LIST_PROPERTIES,
    jobParams: { json: 'params', sortable: false },
    resultCode: { column: 'result_code', type: 'enum', values: ['SUCCESS', 'FAILURE'] },
  },
});
