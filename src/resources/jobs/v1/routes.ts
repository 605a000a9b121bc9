// jobs v1 routes: HPE's operation ids over the shared wiring (../routes.ts); POST answers 201.
import type { VersionRoutes } from '../../../http/api-scope.ts';
import { jobRoutes } from '../routes.ts';
import type { JobService } from '../service.ts';
import { JobUpdateBody } from '../wire.ts';
import { fromV1, fromV1Patch, listSpecV1, listViewV1, toV1 } from './mapper.ts';
import { JobCollectionV1, JobCreateV1, JobV1 } from './schemas.ts';

export function jobsV1(service: JobService): VersionRoutes {
  return jobRoutes(service, {
    version: 'v1',
    item: JobV1,
    collection: JobCollectionV1,
    createBody: JobCreateV1,
    patchBody: JobUpdateBody,
    createdStatus: 201,
    listSpec: listSpecV1,
    listView: listViewV1,
    toWire: toV1,
    fromCreate: fromV1,
    fromPatch: fromV1Patch,
  });
}
