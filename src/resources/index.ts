// The registry: one line per resource group, in mount order. Reading it is reading the API surface.
import { activitiesGroup } from './activities/plugin.ts';
import { alertsGroup } from './alerts/plugin.ts';
import type { ResourceGroup } from './group.ts';
import { metricsConfigurationsGroup } from './metrics-configurations/plugin.ts';
import { serverLocationsGroup } from './server-locations/plugin.ts';
import { serverSettingsGroup } from './server-settings/plugin.ts';
import { serverWarrantyGroup } from './server-warranty/plugin.ts';
import { serversGroup } from './servers/plugin.ts';
import { settingsGroup } from './settings/plugin.ts';
import { telemetryGroup } from './telemetry/plugin.ts';
import { userPreferencesGroup } from './user-preferences/plugin.ts';

export const RESOURCE_GROUPS: readonly ResourceGroup[] = [
  userPreferencesGroup,
  serversGroup,
  alertsGroup,
  activitiesGroup,
  serverWarrantyGroup,
  serverLocationsGroup,
  settingsGroup,
  serverSettingsGroup,
  metricsConfigurationsGroup,
  telemetryGroup,
];
