// The telemetry group: one metrics store serving four COM path roots, all v1beta1 — energy-over-time,
// energy-by-entity, utilization-over-time and utilization-by-entity.
import { mountVersion } from '../../http/api-scope.ts';
import type { ResourceGroup } from '../group.ts';
import { telemetryMigrations } from './migrations.ts';
import { TelemetryService } from './service.ts';
import { telemetryV1beta1 } from './v1beta1/routes.ts';

export const telemetryGroup: ResourceGroup = {
  name: 'telemetry',
  migrations: telemetryMigrations,
  async register(app, deps) {
    const service = new TelemetryService(deps.store);
    await mountVersion(app, { version: 'v1beta1', routes: telemetryV1beta1(service) });
  },
};
