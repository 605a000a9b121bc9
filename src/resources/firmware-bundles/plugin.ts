// The firmware-bundles group: HPE's server firmware bundle catalogue, published as v1 (with bundle-details)
// and v1beta2, with the legacy v1beta1 shape served unpublished from the same service.
import { mountVersion } from '../../http/api-scope.ts';
import type { ResourceGroup } from '../group.ts';
import { firmwareBundleMigrations } from './migrations.ts';
import { FirmwareBundleService } from './service.ts';
import { firmwareBundlesV1 } from './v1/routes.ts';
import { firmwareBundlesV1beta1 } from './v1beta1/routes.ts';
import { firmwareBundlesV1beta2 } from './v1beta2/routes.ts';

export const firmwareBundlesGroup: ResourceGroup = {
  name: 'firmware-bundles',
  migrations: firmwareBundleMigrations,
  async register(app, deps) {
    const service = new FirmwareBundleService(deps.store);
    await mountVersion(app, { version: 'v1', routes: firmwareBundlesV1(service) });
    await mountVersion(app, { version: 'v1beta2', routes: firmwareBundlesV1beta2(service) });
    await mountVersion(app, { version: 'v1beta1', routes: firmwareBundlesV1beta1(service), hidden: true });
  },
};
