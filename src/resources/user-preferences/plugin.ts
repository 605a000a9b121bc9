// The user-preferences group: one service over one table, published as v1 and v1beta1.
import { mountVersion } from '../../http/api-scope.ts';
import type { ResourceGroup } from '../group.ts';
import { userPreferenceMigrations } from './migrations.ts';
import { UserPreferenceService } from './service.ts';
import { userPreferencesV1 } from './v1/routes.ts';
import { userPreferencesV1beta1 } from './v1beta1/routes.ts';

export const userPreferencesGroup: ResourceGroup = {
  name: 'user-preferences',
  migrations: userPreferenceMigrations,
  async register(app, deps) {
    const service = new UserPreferenceService(deps.store, deps.identity);
    await mountVersion(app, { version: 'v1', routes: userPreferencesV1(service) });
    await mountVersion(app, { version: 'v1beta1', routes: userPreferencesV1beta1(service) });
  },
};
