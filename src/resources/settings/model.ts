// The hub model of a device setting: a named configuration document of one category that groups reference
// and jobs apply (settings.md §2–§4). `settings` v1, v1beta1 and the legacy `server-settings` all map to and
// from this shape only.

/**
 * Every category the store holds: HPE's published enum plus `ILO_SETTINGS`, which current clients use for
 * user-defined iLO settings although the reference does not list it (settings.md §4.7 compatibility note).
 */
export const SETTING_CATEGORIES = [
  'BIOS',
  'EXTERNAL_STORAGE',
  'FIRMWARE',
  'ILO',
  'OS',
  'STORAGE',
  'OVE_APPLIANCE_SETTINGS_ANY',
  'OVE_APPLIANCE_SETTINGS_SYNERGY',
  'OVE_SERVER_TEMPLATES_SYNERGY',
  'OVE_SERVER_TEMPLATES_VM',
  'OVE_SOFTWARE_VM',
  'OVE_SOFTWARE_SYNERGY',
  'ILO_SETTINGS',
] as const;
export type SettingCategory = (typeof SETTING_CATEGORIES)[number];

/** The six server categories the legacy server-settings view shows (server-settings.md). */
export const SERVER_CATEGORIES: readonly SettingCategory[] = ['FIRMWARE', 'BIOS', 'STORAGE', 'OS', 'EXTERNAL_STORAGE', 'ILO'];

/** Keys of the `settings` document: firmware baselines per server generation, one DEFAULT for the rest. */
export const SETTINGS_KEYS = ['DEFAULT', 'GEN10', 'GEN11', 'GEN12'] as const;
export type SettingsKey = (typeof SETTINGS_KEYS)[number];
export const FIRMWARE_KEYS: readonly SettingsKey[] = ['GEN10', 'GEN11', 'GEN12'];

/** A payload under one key; its schema depends on the category (settings.md §4). */
export type SettingPayload = Record<string, unknown>;
export type SettingsDocument = Partial<Record<SettingsKey, SettingPayload>>;

/** The keys a category may use (settings.md §3). */
export function keysOf(category: SettingCategory): readonly SettingsKey[] {
  return category === 'FIRMWARE' ? FIRMWARE_KEYS : ['DEFAULT'];
}

/** OS types each published version accepts on input (settings.md §4.4, server-settings.md). */
export const OS_TYPES_V1BETA1 = ['MICROSOFT_WINDOWS', 'VMWARE_ESXI', 'RHEL', 'SUSE_LINUX', 'UBUNTU_LINUX', 'CUSTOM'] as const;
export const OS_TYPES_SERVER_SETTINGS = [...OS_TYPES_V1BETA1, 'ORACLE_LINUX', 'ROCKY_LINUX', 'CENTOS_LINUX'] as const;

/** What a version lets clients write into payloads; validation itself is the hub's (rules.ts). */
export interface PayloadProfile {
  osTypes: readonly string[];
}

/** A stored setting. */
export interface Setting {
  id: string;
  workspaceId: string;
  name: string;
  description: string | null;
  category: SettingCategory;
  settings: SettingsDocument;
  /** Provided by HPE in every workspace; read-only (settings.md §3, §5.4, §5.5). */
  hpeDefined: boolean;
  /** Starts at 1 and only ever increases, once per change (conventions §4). */
  generation: number;
  createdAt: string;
  updatedAt: string;
}

/** What a create request carries once a version has mapped it. */
export interface SettingDraft {
  name: string;
  description: string | null;
  category: SettingCategory;
  /** As sent, keys not yet normalised (document.ts); absent when the client sent none. */
  settings: Record<string, unknown> | undefined;
}

/**
 * What a merge-patch request carries once a version has mapped it: only the members the client sent.
 * `settings` is itself a merge patch: a null payload removes that key (settings.md §5.4).
 */
export interface SettingPatch {
  name?: string;
  description?: string | null;
  /** A category echoed back from a GET; a different one is refused (category is immutable). */
  category?: string;
  /** As sent, keys not yet normalised (document.ts). */
  settings?: Record<string, unknown>;
}
