// The server-warranty group: one read-only service over one table, published as v1beta2.
import { mountVersion } from '../../http/api-scope.ts';
import type { ResourceGroup } from '../group.ts';
import { serverWarrantyMigrations } from './migrations.ts';
import { ServerWarrantyService } from './service.ts';
import { serverWarrantyV1beta2 } from './v1beta2/routes.ts';

export const serverWarrantyGroup: ResourceGroup = {
  name: 'server-warranty',
  migrations: serverWarrantyMigrations,
  async register(app, deps) {
    const service = new ServerWarrantyService(deps.store);
    await mountVersion(app, { version: 'v1beta2', routes: serverWarrantyV1beta2(service) });
  },
};
