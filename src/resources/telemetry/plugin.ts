// Scaffold: the telemetry group is being built; it mounts nothing yet.
import type { ResourceGroup } from '../group.ts';

export const telemetryGroup: ResourceGroup = {
  name: 'telemetry',
  migrations: [],
  async register() {},
};
