// The hub model of a group: a named set of devices of one type, the settings it applies, what happens when a
// device joins, and an optional auto-add tag (groups.md §1–§2). v1, v1beta3 and v1beta2 all map to and from
// this shape only; compliance and security roll-ups are derived, never stored.

export const DEVICE_TYPES = ['DIRECT_CONNECT_SERVER', 'OVE_APPLIANCE_SYNERGY', 'OVE_APPLIANCE_VM'] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

export const COMPLIANCE_STATES = ['COMPLIANT', 'NOT_COMPLIANT', 'UNKNOWN', 'NOT_APPLICABLE'] as const;
export type ComplianceState = (typeof COMPLIANCE_STATES)[number];

export const COMPLIANCE_CATEGORIES = ['FIRMWARE', 'ILO_SETTINGS'] as const;
export type ComplianceCategory = (typeof COMPLIANCE_CATEGORIES)[number];

export const SECURITY_STATES = ['RISK', 'OK', 'IGNORED', 'UNKNOWN', 'UNSUPPORTED'] as const;
export type SecurityState = (typeof SECURITY_STATES)[number];

/** What happens to a server when it joins (groups.md §2, "Server policies"). */
export interface OnDeviceAdd {
  firmwareUpdate: boolean;
  firmwarePowerOff: boolean;
  biosApplySettings: boolean;
  biosFactoryReset: boolean;
  iloApplySettings: boolean;
  storageConfiguration: boolean;
  storageVolumeDeletion: boolean;
  storageVolumeName?: string;
  storageVolumes?: { id: string; name: string | null }[];
  externalStorageConfiguration: boolean;
  osInstall: boolean;
  osCompletionTimeoutMin: number;
}

export interface ServerPolicies {
  onDeviceAdd: OnDeviceAdd;
  onDeviceApply: { firmwareDowngrade: boolean };
}

/** OneView appliance group policies: HPE does not publish their keys, so they are kept as sent. */
export interface AppliancePolicies {
  onDeviceAdd: Record<string, unknown> | null;
}

export type GroupPolicies = ServerPolicies | AppliancePolicies;

/** The one auto-add tag a group may hold, as the client spelled it; matching ignores case (§6.5). */
export interface AutoAddTag {
  name: string;
  value: string;
}

/** A stored group. */
export interface Group {
  id: string;
  workspaceId: string;
  name: string;
  description: string | null;
  /** Immutable after create. */
  deviceType: DeviceType;
  /** Ids of the referenced settings, in the order the client listed them; at most one per category. */
  settingIds: string[];
  /** ServerPolicies for DIRECT_CONNECT_SERVER, AppliancePolicies for the OneView types. */
  policies: GroupPolicies;
  autoAddTag: AutoAddTag | null;
  /** Starts at 1; +1 on every change of the group or of its membership (conventions §4). */
  generation: number;
  createdAt: string;
  updatedAt: string;
}

/** One category's compliance roll-up (groupCompliance.firmware / .iloSettings). */
export interface CategoryCompliance {
  status: ComplianceState;
  statusReason: string;
}

/** What a group shows beyond its stored fields: its members and the roll-ups derived from them. */
export interface GroupView extends Group {
  members: GroupMember[];
  compliance: { summary: ComplianceState; firmware: CategoryCompliance; iloSettings: CategoryCompliance };
  securityStatus: SecurityState;
}

/** A device in a group, with the server facts the member listings show. */
export interface GroupMember {
  groupId: string;
  deviceId: string;
  serial: string;
  productId: string;
  /** Changes every time the device moves between groups (§6.2). */
  eTag: string;
  addedAt: string;
  subscriptionState: 'REQUIRED' | 'SUBSCRIBED' | 'EXPIRED';
  subscriptionTier: string | null;
  overallSecurityStatus: SecurityState;
  connected: boolean;
}

export function isServerPolicies(p: GroupPolicies): p is ServerPolicies {
  return 'onDeviceApply' in p;
}

export function isServerGroup(g: Pick<Group, 'deviceType'>): boolean {
  return g.deviceType === 'DIRECT_CONNECT_SERVER';
}

/** A firmware deviation: one component whose installed version differs from the baseline's. */
export interface FirmwareDeviation {
  componentName: string;
  installedVersion: string;
  expectedVersion: string;
  componentFilename: string;
}

/** An iLO-settings deviation: one setting whose current value differs from the group's iLO setting. */
export interface IloSettingDeviation {
  category: string;
  settingName: string;
  currentValue: string;
  expectedValue: string;
}

/** One device's compliance against one category of the group's settings, as a compliance job computed it. */
export interface DeviceCompliance {
  id: string;
  workspaceId: string;
  groupId: string;
  deviceId: string;
  category: ComplianceCategory;
  serial: string;
  productId: string;
  /** The firmware bundle the device was compared to (FIRMWARE: the group baseline's bundle for its generation), null otherwise. */
  bundleId: string | null;
  /** FirmwareDeviation for FIRMWARE records, IloSettingDeviation for ILO_SETTINGS records. */
  deviations: (FirmwareDeviation | IloSettingDeviation)[];
  /** Percent compliant, 0..100; null when not computed. */
  score: number | null;
  complianceState: ComplianceState;
  /** Why the state is UNKNOWN; empty otherwise. */
  errorReason: string;
  /** e.g. {updateInfo: {criticality}, gracefulShutdown, installSetSizeInMB}; null when nothing to remediate. */
  remediation: Record<string, unknown> | null;
  generation: number;
  createdAt: string;
  /** When the compliance was computed. */
  updatedAt: string;
}

/** The group's external-storage compliance (groups.md §3.11), one per group. */
export interface ExternalStorageCompliance {
  groupId: string;
  hostOs: string;
  complianceState: ComplianceState;
  deviations: Record<string, unknown[]>;
  generation: number;
  createdAt: string;
  updatedAt: string;
}
