// Scaffold: the alerts group is being built; it mounts nothing yet.
import type { ResourceGroup } from '../group.ts';

export const alertsGroup: ResourceGroup = {
  name: 'alerts',
  migrations: [],
  async register() {},
};
