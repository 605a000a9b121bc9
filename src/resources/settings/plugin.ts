// The settings group: one service over the device_settings table, published as v1 and v1beta1. The legacy
// server-settings group serves the same rows through this group's service.
import { mountVersion } from '../../http/api-scope.ts';
import type { ResourceGroup } from '../group.ts';
import { groupSettingReferences } from '../groups/settings-links.ts';
import { settingsMigrations } from './migrations.ts';
import { SettingsService } from './service.ts';
import { settingsV1 } from './v1/routes.ts';
import { settingsV1beta1 } from './v1beta1/routes.ts';

export const settingsGroup: ResourceGroup = {
  name: 'settings',
  migrations: settingsMigrations,
  async register(app, deps) {
    const service = new SettingsService(deps.store, groupSettingReferences);
    await mountVersion(app, { version: 'v1', routes: settingsV1(service) });
    await mountVersion(app, { version: 'v1beta1', routes: settingsV1beta1(service) });
  },
};
