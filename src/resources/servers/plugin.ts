// Scaffold: the servers group is being built; only its tables exist yet.
import type { ResourceGroup } from '../group.ts';
import { serverMigrations } from './migrations.ts';

export const serversGroup: ResourceGroup = {
  name: 'servers',
  migrations: serverMigrations,
  async register() {},
};
