// The registry: one line per resource group, in mount order. Reading it is reading the API surface.
import { activitiesGroup } from './activities/plugin.ts';
import { alertsGroup } from './alerts/plugin.ts';
import { applianceFirmwareBundlesGroup } from './appliance-firmware-bundles/plugin.ts';
import { approvalPoliciesGroup } from './approval-policies/plugin.ts';
import { approvalRequestsGroup } from './approval-requests/plugin.ts';
import { asyncOperationsGroup } from './async-operations/plugin.ts';
import { firmwareBundlesGroup } from './firmware-bundles/plugin.ts';
import type { ResourceGroup } from './group.ts';
import { groupsGroup } from './groups/plugin.ts';
import { jobTemplatesGroup } from './job-templates/plugin.ts';
import { jobsGroup } from './jobs/plugin.ts';
import { metricsConfigurationsGroup } from './metrics-configurations/plugin.ts';
import { schedulesGroup } from './schedules/plugin.ts';
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
  jobsGroup,
  jobTemplatesGroup,
  schedulesGroup,
  alertsGroup,
  activitiesGroup,
  serverWarrantyGroup,
  serverLocationsGroup,
  settingsGroup,
  serverSettingsGroup,
  groupsGroup,
  metricsConfigurationsGroup,
  telemetryGroup,
  asyncOperationsGroup,
  firmwareBundlesGroup,
  applianceFirmwareBundlesGroup,
  approvalPoliciesGroup,
  approvalRequestsGroup,
];
