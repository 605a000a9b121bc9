// Group policies in the hub: defaults, and RFC 7396 merge patches of them (groups.md §2, §3.4). Versions hand
// over patches already renamed to hub names; the request schemas have checked the member types.
import type { AppliancePolicies, DeviceType, GroupPolicies, OnDeviceAdd, ServerPolicies } from './model.ts';

/** HPE's documented defaults (groupServerPolicies-v1): everything off, OS install timeout 240 minutes. */
export function defaultServerPolicies(): ServerPolicies {
  return {
    onDeviceAdd: {
      firmwareUpdate: false,
      firmwarePowerOff: false,
      biosApplySettings: false,
      biosFactoryReset: false,
      iloApplySettings: false,
      storageConfiguration: false,
      storageVolumeDeletion: false,
      externalStorageConfiguration: false,
      osInstall: false,
      osCompletionTimeoutMin: 240,
    },
    onDeviceApply: { firmwareDowngrade: false },
  };
}

export function defaultPolicies(deviceType: DeviceType): GroupPolicies {
  return deviceType === 'DIRECT_CONNECT_SERVER' ? defaultServerPolicies() : { onDeviceAdd: null };
}

/**
 * A merge patch of policies in hub names: absent members stay, `null` resets to the defaults (the policies
 * object itself, or one of its halves).
 */
export type PoliciesPatch = null | {
  onDeviceAdd?: Record<string, unknown> | null;
  onDeviceApply?: Record<string, unknown> | null;
};

const BOOLEAN_KEYS = [
  'firmwareUpdate',
  'firmwarePowerOff',
  'biosApplySettings',
  'biosFactoryReset',
  'iloApplySettings',
  'storageConfiguration',
  'storageVolumeDeletion',
  'externalStorageConfiguration',
  'osInstall',
] as const satisfies readonly (keyof OnDeviceAdd)[];

function mergeOnDeviceAdd(current: OnDeviceAdd, patch: Record<string, unknown>): OnDeviceAdd {
  const next: OnDeviceAdd = { ...current };
  for (const key of BOOLEAN_KEYS) {
    if (patch[key] === null) next[key] = false;
    else if (typeof patch[key] === 'boolean') next[key] = patch[key];
  }
  if (patch.osCompletionTimeoutMin === null) next.osCompletionTimeoutMin = 240;
  else if (typeof patch.osCompletionTimeoutMin === 'number') next.osCompletionTimeoutMin = patch.osCompletionTimeoutMin;
  if (patch.storageVolumeName === null) delete next.storageVolumeName;
  else if (typeof patch.storageVolumeName === 'string') next.storageVolumeName = patch.storageVolumeName;
  if (patch.storageVolumes === null) delete next.storageVolumes;
  else if (Array.isArray(patch.storageVolumes)) {
    next.storageVolumes = (patch.storageVolumes as { id: string; name?: string | null }[]).map((v) => ({ id: v.id.toLowerCase(), name: v.name ?? null }));
  }
  return next;
}

function mergeServer(current: ServerPolicies, patch: Exclude<PoliciesPatch, null>): ServerPolicies {
  const defaults = defaultServerPolicies();
  let onDeviceAdd = current.onDeviceAdd;
  if (patch.onDeviceAdd === null) onDeviceAdd = defaults.onDeviceAdd;
  else if (patch.onDeviceAdd) onDeviceAdd = mergeOnDeviceAdd(onDeviceAdd, patch.onDeviceAdd);
  let onDeviceApply = current.onDeviceApply;
  if (patch.onDeviceApply === null) onDeviceApply = defaults.onDeviceApply;
  else if (typeof patch.onDeviceApply?.firmwareDowngrade === 'boolean') onDeviceApply = { firmwareDowngrade: patch.onDeviceApply.firmwareDowngrade };
  return { onDeviceAdd, onDeviceApply };
}

/** OneView appliance policies are opaque: an object merges key by key, null clears (RFC 7396). */
function mergeAppliance(current: AppliancePolicies, patch: Exclude<PoliciesPatch, null>): AppliancePolicies {
  if (patch.onDeviceAdd === undefined) return current;
  if (patch.onDeviceAdd === null) return { onDeviceAdd: null };
  const merged: Record<string, unknown> = { ...(current.onDeviceAdd ?? {}) };
  for (const [key, value] of Object.entries(patch.onDeviceAdd)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return { onDeviceAdd: merged };
}

/** The policies after a merge patch; `undefined` (not sent) keeps them. */
export function mergePolicies(deviceType: DeviceType, current: GroupPolicies, patch: PoliciesPatch | undefined): GroupPolicies {
  if (patch === undefined) return current;
  if (patch === null) return defaultPolicies(deviceType);
  return deviceType === 'DIRECT_CONNECT_SERVER' ? mergeServer(current as ServerPolicies, patch) : mergeAppliance(current as AppliancePolicies, patch);
}
