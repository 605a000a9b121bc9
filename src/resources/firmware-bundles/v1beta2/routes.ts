// firmware-bundles v1beta2 routes: HPE's operation ids over the shared wiring (../routes.ts). Also served
// under the deprecated /compute-ops prefix, like every version.
import type { VersionRoutes } from '../../../http/api-scope.ts';
import { bundleRoutes } from '../routes.ts';
import type { FirmwareBundleService } from '../service.ts';
import { listSpecV1beta2, toV1beta2 } from './mapper.ts';
import { FirmwareBundleCollectionV1beta2, FirmwareBundleV1beta2 } from './schemas.ts';

export function firmwareBundlesV1beta2(service: FirmwareBundleService): VersionRoutes {
  return bundleRoutes(service, { version: 'v1beta2', item: FirmwareBundleV1beta2, collection: FirmwareBundleCollectionV1beta2, listSpec: listSpecV1beta2, toWire: toV1beta2 });
}
