// appliance-firmware-bundles v1 routes: HPE's operation ids over the shared wiring (../routes.ts).
import type { VersionRoutes } from '../../../http/api-scope.ts';
import { applianceBundleRoutes } from '../routes.ts';
import type { ApplianceFirmwareBundleService } from '../service.ts';
import { toV1 } from './mapper.ts';
import { ApplianceBundleListQueryV1, ApplianceFirmwareBundleCollectionV1, ApplianceFirmwareBundleV1 } from './schemas.ts';

export function applianceFirmwareBundlesV1(service: ApplianceFirmwareBundleService): VersionRoutes {
  return applianceBundleRoutes(service, { version: 'v1', item: ApplianceFirmwareBundleV1, collection: ApplianceFirmwareBundleCollectionV1, query: ApplianceBundleListQueryV1, toWire: toV1 });
}
