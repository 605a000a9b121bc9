// appliance-firmware-bundles v1beta1 routes: HPE's operation ids over the shared wiring (../routes.ts).
import type { VersionRoutes } from '../../../http/api-scope.ts';
import { applianceBundleRoutes } from '../routes.ts';
import type { ApplianceFirmwareBundleService } from '../service.ts';
import { toV1beta1 } from './mapper.ts';
import { ApplianceBundleListQueryV1beta1, ApplianceFirmwareBundleCollectionV1beta1, ApplianceFirmwareBundleV1beta1 } from './schemas.ts';

export function applianceFirmwareBundlesV1beta1(service: ApplianceFirmwareBundleService): VersionRoutes {
  return applianceBundleRoutes(service, {
    version: 'v1beta1',
    item: ApplianceFirmwareBundleV1beta1,
    collection: ApplianceFirmwareBundleCollectionV1beta1,
    query: ApplianceBundleListQueryV1beta1,
    toWire: toV1beta1,
  });
}
