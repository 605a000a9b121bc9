// Scaffold: the server-warranty group is being built; it mounts nothing yet.
import type { ResourceGroup } from '../group.ts';

export const serverWarrantyGroup: ResourceGroup = {
  name: 'server-warranty',
  migrations: [],
  async register() {},
};
