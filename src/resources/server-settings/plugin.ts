// Scaffold: the server-settings group is being built; it mounts nothing yet.
import type { ResourceGroup } from '../group.ts';

export const serverSettingsGroup: ResourceGroup = {
  name: 'server-settings',
  migrations: [],
  async register() {},
};
