// The settings a group references (groups.md §5): which URI forms name a setting, which categories fit which
// device type, one setting per category, and the settings group's SettingReferences seam (a setting in use by
// a group cannot be deleted unless forced, which detaches it).
import type { Issue } from '../../http/com-error.ts';
import type { Db } from '../../store/store.ts';
import { nowTimestamp } from '../../store/time.ts';
import { findSetting, type Setting, type SettingReferences } from '../settings/service.ts';
import { recordGroupChange } from './activities.ts';
import type { DeviceType } from './model.ts';
import * as repo from './repository.ts';

/**
 * Setting URIs clients send: settings v1/v1beta1, server-settings v1beta1 and its `/api/compute/v1` form,
 * under either prefix, or a bare id.
 */
const SETTING_URI =
  /^(?:\/(?:compute-ops-mgmt|compute-ops)\/v1(?:beta[123])?\/(?:settings|server-settings)\/|\/api\/compute\/v1\/server-settings\/)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i;

/** Categories a group of each device type may reference (settings.md §3). */
const CATEGORIES_BY_TYPE: Record<DeviceType, readonly string[]> = {
  DIRECT_CONNECT_SERVER: ['BIOS', 'EXTERNAL_STORAGE', 'FIRMWARE', 'ILO', 'ILO_SETTINGS', 'OS', 'STORAGE'],
  OVE_APPLIANCE_VM: ['OVE_APPLIANCE_SETTINGS_ANY', 'OVE_SERVER_TEMPLATES_VM', 'OVE_SOFTWARE_VM'],
  OVE_APPLIANCE_SYNERGY: ['OVE_APPLIANCE_SETTINGS_ANY', 'OVE_APPLIANCE_SETTINGS_SYNERGY', 'OVE_SERVER_TEMPLATES_SYNERGY', 'OVE_SOFTWARE_SYNERGY'],
};

/** ILO (HPE-defined) and ILO_SETTINGS (user-defined) are both "the group's iLO setting". */
const slotOf = (category: string) => (category === 'ILO_SETTINGS' ? 'ILO' : category);

export interface SettingLink {
  id: string;
  category: string;
}

/**
 * Resolves the URIs a client sent to settings of the workspace, checking each exists, fits the device type and
 * is the only one of its category. Returns the links in the client's order (duplicates once) or the issues.
 */
export async function resolveSettingUris(db: Db, workspaceId: string, deviceType: DeviceType, uris: readonly string[], member: string): Promise<{ links: SettingLink[]; issues: Issue[] }> {
  const issues: Issue[] = [];
  const links: SettingLink[] = [];
  const slots = new Map<string, number>();
  for (const [i, uri] of uris.entries()) {
    const subject = `${member}.${i}`;
    const id = SETTING_URI.exec(uri.trim())?.[1]?.toLowerCase();
    if (!id) {
      issues.push({ source: 'field', subject, description: `'${uri}' is not a setting URI such as /compute-ops-mgmt/v1/settings/{id}` });
      continue;
    }
    if (links.some((l) => l.id === id)) continue;
    const setting: Setting | undefined = await findSetting(db, workspaceId, id);
    if (!setting) {
      issues.push({ source: 'field', subject, description: `setting ${id} was not found` });
      continue;
    }
    if (!CATEGORIES_BY_TYPE[deviceType].includes(setting.category)) {
      issues.push({ source: 'field', subject, description: `a ${setting.category} setting cannot be used by a ${deviceType} group` });
      continue;
    }
    const slot = slotOf(setting.category);
    if (slots.has(slot)) {
      issues.push({ source: 'field', subject, description: `the group already has a ${setting.category} setting (${member}.${slots.get(slot)}); a group holds one setting per category` });
      continue;
    }
    slots.set(slot, i);
    links.push({ id, category: setting.category });
  }
  return { links, issues };
}

/** The seam the settings group calls on DELETE: a setting referenced by a group is in use (settings.md §5.5). */
export const groupSettingReferences: SettingReferences = {
  async isInUse(db, workspaceId, settingId) {
    return (await repo.groupsUsingSetting(db, workspaceId, settingId)).length > 0;
  },
  /** Removes the setting from every group that references it; each such group changes (generation + 1). */
  async detach(db, workspaceId, settingId) {
    for (const groupId of await repo.groupsUsingSetting(db, workspaceId, settingId)) {
      const group = await repo.findGroup(db, workspaceId, groupId);
      if (!group) continue;
      const links = (await repo.settingLinks(db, workspaceId, groupId)).filter((l) => l.id !== settingId);
      const next = { ...group, settingIds: links.map((l) => l.id), generation: group.generation + 1, updatedAt: nowTimestamp() };
      await repo.saveSettingLinks(db, workspaceId, groupId, links);
      if (!(await repo.updateGroup(db, next, group.generation))) throw new Error(`group ${groupId} changed while a setting was detached from it`);
      await recordGroupChange(db, 'UPDATED', next, `Setting ${settingId} was removed from the group`);
    }
  },
};
