// The alerts group: one alert store, published as v1 (all alerts, server alerts, clear-alert) and v1beta2
// (server alerts, clear-alert), whose server alerts also answer, unpublished, as legacy v1beta1. Alerts are
// raised by devices through the service, never over HTTP.
import { mountVersion } from '../../http/api-scope.ts';
import type { ResourceGroup } from '../group.ts';
import { alertMigrations } from './migrations.ts';
import { AlertService } from './service.ts';
import { alertsV1 } from './v1/routes.ts';
import { alertsV1beta2 } from './v1beta2/routes.ts';

export const alertsGroup: ResourceGroup = {
  name: 'alerts',
  migrations: alertMigrations,
  async register(app, deps) {
    const service = new AlertService(deps.store);
    await mountVersion(app, { version: 'v1', routes: alertsV1(service) });
    await mountVersion(app, { version: 'v1beta2', routes: alertsV1beta2(service) });
    await mountVersion(app, { version: 'v1beta1', routes: alertsV1beta2(service, { legacy: true }) });
  },
};
