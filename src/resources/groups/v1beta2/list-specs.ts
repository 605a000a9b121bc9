// What v1beta2 lists filter and sort on (conventions §6.4, groups.md §4.1): the hub's properties it shows, under
// its names, plus the members only it has.
import { COMPLIANCE_PROPERTIES, complianceListSpecOf, GROUP_PROPERTIES, groupListSpecOf, MEMBER_PROPERTIES, memberListSpecOf } from '../properties.ts';
import { MEMBER_STATES_V1BETA2, PLATFORM_FAMILIES_V1BETA2 } from './schemas.ts';

const { autoAddTags, complianceStatus, policies, settingsUris, deviceType: _deviceType, securityStatus: _securityStatus, ...group } = GROUP_PROPERTIES;

export const groupListSpecV1beta2 = groupListSpecOf({
  ...group,
  autoAddServerTags: autoAddTags,
  autoFwUpdateOnAdd: { column: 'auto_fw_update', type: 'boolean' },
  groupComplianceStatus: complianceStatus,
  platformFamily: { column: 'platform_family', type: 'enum', values: PLATFORM_FAMILIES_V1BETA2 },
  serverPolicies: policies,
  // The halves under their v1beta2 names; their members keep the hub's names (osImageSettings is osInstall).
  'serverPolicies/onServerAdd': { json: 'on_device_add' },
  'serverPolicies/onSettingsApply': { json: 'on_device_apply' },
  serverSettingsUris: settingsUris,
});

const { deviceId, overallSecurityStatus: _overallSecurityStatus, ...member } = MEMBER_PROPERTIES;

export const deviceListSpecV1beta2 = memberListSpecOf({
  ...member,
  serverId: deviceId,
  state: { column: 'member_state', type: 'enum', values: MEMBER_STATES_V1BETA2 },
});

const { complianceCategory: _category, deviceId: complianceDeviceId, remediation: _remediation, score: _score, ...record } = COMPLIANCE_PROPERTIES;

export const complianceListSpecV1beta2 = complianceListSpecOf(
  // complianceStatus is v1beta2's name for the state; complianceState is accepted too.
  { ...record, complianceStatus: record.complianceState, serverId: complianceDeviceId },
  'serverId',
);
