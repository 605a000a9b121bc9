// jobs v1beta2 ⇄ hub: the shared legacy shape, nothing more; only ERROR ends a job through this version.
import type { ApiScope } from '../../../http/api-scope.ts';
import { defineListSpec } from '../../../query/list-spec.ts';
import { LEGACY_LIMIT, LEGACY_LIST_PROPERTIES, legacyJobMembers } from '../legacy.ts';
import type { JobPatch, StoredJob } from '../model.ts';
import type { JobUpdateBodyV1beta2 } from '../wire.ts';
import type { JobV1beta2 } from './schemas.ts';

export function toV1beta2(job: StoredJob, scope: ApiScope): JobV1beta2 {
  return legacyJobMembers(job, scope);
}

export function fromV1beta2Patch(body: typeof JobUpdateBodyV1beta2.static): JobPatch {
  return { ...(body.state ? { state: body.state } : {}), ...(body.input ? { input: body.input } : {}) };
}

export const listSpecV1beta2 = defineListSpec({ idColumn: 'id', defaultSort: 'createdAt desc', limit: LEGACY_LIMIT, properties: LEGACY_LIST_PROPERTIES });
