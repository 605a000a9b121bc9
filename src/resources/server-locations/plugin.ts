// The server-locations group: GreenLake locations and their server bindings, published as v1beta1.
import { mountVersion } from '../../http/api-scope.ts';
import type { ResourceGroup } from '../group.ts';
import { serverLocationMigrations } from './migrations.ts';
import { ServerLocationService } from './service.ts';
import { serverLocationsV1beta1 } from './v1beta1/routes.ts';

export const serverLocationsGroup: ResourceGroup = {
  name: 'server-locations',
  migrations: serverLocationMigrations,
  async register(app, deps) {
    const service = new ServerLocationService(deps.store);
    await mountVersion(app, { version: 'v1beta1', routes: serverLocationsV1beta1(service) });
  },
};
