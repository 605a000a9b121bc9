// Scaffold: the settings group is being built; it mounts nothing yet.
import type { ResourceGroup } from '../group.ts';

export const settingsGroup: ResourceGroup = {
  name: 'settings',
  migrations: [],
  async register() {},
};
