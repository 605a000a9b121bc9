// The appliance-firmware-bundles group: HPE's OneView release catalogue for OneView appliances, published as
// v1 and v1beta1.
import { mountVersion } from '../../http/api-scope.ts';
import type { ResourceGroup } from '../group.ts';
import { applianceFirmwareBundleMigrations } from './migrations.ts';
import { ApplianceFirmwareBundleService } from './service.ts';
import { applianceFirmwareBundlesV1 } from './v1/routes.ts';
import { applianceFirmwareBundlesV1beta1 } from './v1beta1/routes.ts';

export const applianceFirmwareBundlesGroup: ResourceGroup = {
  name: 'appliance-firmware-bundles',
  migrations: applianceFirmwareBundleMigrations,
  async register(app, deps) {
    const service = new ApplianceFirmwareBundleService(deps.store);
    await mountVersion(app, { version: 'v1', routes: applianceFirmwareBundlesV1(service) });
    await mountVersion(app, { version: 'v1beta1', routes: applianceFirmwareBundlesV1beta1(service) });
  },
};
