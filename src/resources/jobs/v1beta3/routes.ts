// jobs v1beta3 routes (deprecated by HPE, still used): the shared wiring, POST answering 200.
import type { VersionRoutes } from '../../../http/api-scope.ts';
import { fromLegacyCreate, legacyListView } from '../legacy.ts';
import { jobRoutes } from '../routes.ts';
import type { JobService } from '../service.ts';
import { JobUpdateBody, LEGACY_JOBS_DEPRECATION, LegacyJobCreateBody } from '../wire.ts';
import { fromV1beta3Patch, listSpecV1beta3, toV1beta3 } from './mapper.ts';
import { JobCollectionV1beta3, JobV1beta3 } from './schemas.ts';

export function jobsV1beta3(service: JobService): VersionRoutes {
  return jobRoutes(service, {
    version: 'v1beta3',
    item: JobV1beta3,
    collection: JobCollectionV1beta3,
    createBody: LegacyJobCreateBody,
    patchBody: JobUpdateBody,
    createdStatus: 200,
    listSpec: listSpecV1beta3,
    listView: legacyListView,
    toWire: toV1beta3,
    fromCreate: fromLegacyCreate,
    fromPatch: fromV1beta3Patch,
    deprecation: LEGACY_JOBS_DEPRECATION,
  });
}
