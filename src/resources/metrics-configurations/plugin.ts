// Scaffold: the metrics-configurations group is being built; it mounts nothing yet.
import type { ResourceGroup } from '../group.ts';

export const metricsConfigurationsGroup: ResourceGroup = {
  name: 'metrics-configurations',
  migrations: [],
  async register() {},
};
