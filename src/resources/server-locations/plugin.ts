// Scaffold: the server-locations group is being built; it mounts nothing yet.
import type { ResourceGroup } from '../group.ts';

export const serverLocationsGroup: ResourceGroup = {
  name: 'server-locations',
  migrations: [],
  async register() {},
};
