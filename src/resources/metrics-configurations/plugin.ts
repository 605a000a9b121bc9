// The metrics-configurations group: one service over one table, published as v1.
import { mountVersion } from '../../http/api-scope.ts';
import type { ResourceGroup } from '../group.ts';
import { metricsConfigurationMigrations } from './migrations.ts';
import { MetricsConfigurationService } from './service.ts';
import { metricsConfigurationsV1 } from './v1/routes.ts';

export const metricsConfigurationsGroup: ResourceGroup = {
  name: 'metrics-configurations',
  migrations: metricsConfigurationMigrations,
  async register(app, deps) {
    await mountVersion(app, { version: 'v1', routes: metricsConfigurationsV1(new MetricsConfigurationService(deps.store)) });
  },
};
