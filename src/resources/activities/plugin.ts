// Scaffold: the activities group is being built; it mounts nothing yet.
import type { ResourceGroup } from '../group.ts';

export const activitiesGroup: ResourceGroup = {
  name: 'activities',
  migrations: [],
  async register() {},
};
