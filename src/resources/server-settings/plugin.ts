// The legacy server-settings group: the settings store seen through the 2022 API, published only under the
// old /compute-ops prefix (conventions §1). It owns no table; the settings group's service does the work.
import { mountVersion } from '../../http/api-scope.ts';
import { SettingsService } from '../settings/service.ts';
import type { ResourceGroup } from '../group.ts';
import { groupSettingReferences } from '../groups/settings-links.ts';
import { serverSettingsV1beta1 } from './v1beta1/routes.ts';

export const serverSettingsGroup: ResourceGroup = {
  name: 'server-settings',
  migrations: [],
  async register(app, deps) {
    const service = new SettingsService(deps.store, groupSettingReferences);
    await mountVersion(app, { version: 'v1beta1', routes: serverSettingsV1beta1(service), published: 'compute-ops' });
  },
};
