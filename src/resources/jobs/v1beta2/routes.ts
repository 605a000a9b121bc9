// jobs v1beta2 routes (deprecated by HPE, still used): the shared wiring, POST answering 200.
import type { VersionRoutes } from '../../../http/api-scope.ts';
import { fromLegacyCreate, legacyListView } from '../legacy.ts';
import { jobRoutes } from '../routes.ts';
import type { JobService } from '../service.ts';
import { JobUpdateBodyV1beta2, LEGACY_JOBS_DEPRECATION, LegacyJobCreateBody } from '../wire.ts';
import { fromV1beta2Patch, listSpecV1beta2, toV1beta2 } from './mapper.ts';
import { JobCollectionV1beta2, JobV1beta2 } from './schemas.ts';

export function jobsV1beta2(service: JobService): VersionRoutes {
  return jobRoutes(service, {
    version: 'v1beta2',
    item: JobV1beta2,
    collection: JobCollectionV1beta2,
    createBody: LegacyJobCreateBody,
    patchBody: JobUpdateBodyV1beta2,
    createdStatus: 200,
    listSpec: listSpecV1beta2,
    listView: legacyListView,
    toWire: toV1beta2,
    fromCreate: fromLegacyCreate,
    fromPatch: fromV1beta2Patch,
    deprecation: LEGACY_JOBS_DEPRECATION,
  });
}
