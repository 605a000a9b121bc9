// firmware-bundles v1beta1 routes: the legacy version older clients still call, served through the shared
// wiring (../routes.ts) and mounted hidden from /openapi.json (client-compat.md: serve legacy versions from
// the same handlers).
import type { VersionRoutes } from '../../../http/api-scope.ts';
import { bundleRoutes } from '../routes.ts';
import type { FirmwareBundleService } from '../service.ts';
import { listSpecV1beta1, toV1beta1 } from './mapper.ts';
import { FirmwareBundleCollectionV1beta1, FirmwareBundleV1beta1 } from './schemas.ts';

export function firmwareBundlesV1beta1(service: FirmwareBundleService): VersionRoutes {
  return bundleRoutes(service, { version: 'v1beta1', item: FirmwareBundleV1beta1, collection: FirmwareBundleCollectionV1beta1, listSpec: listSpecV1beta1, toWire: toV1beta1 });
}
