// What the job engine reads about a group: its settings (the firmware baseline per server generation, and
// which setting it holds in each category) and its members. Run on the caller's Db (a transaction or the store).
import type { Db } from '../../store/store.ts';
import { findSetting } from '../settings/service.ts';
import { settingLinks } from './repository.ts';

export interface GroupSettingsSummary {
  /** From the group's FIRMWARE setting: `GEN10`/`GEN11`/`GEN12` → firmware bundle id; {} without one. */
  firmwareBundleIds: Record<string, string>;
  /** Stored setting category (`FIRMWARE`, `BIOS`, `ILO` or `ILO_SETTINGS`, `STORAGE`, `OS`, `EXTERNAL_STORAGE`, `OVE_*`) → setting id. */
  settingIds: Record<string, string>;
}

export async function groupSettings(db: Db, workspaceId: string, groupId: string): Promise<GroupSettingsSummary> {
  const links = await settingLinks(db, workspaceId, groupId);
  const settingIds = Object.fromEntries(links.map((l) => [l.category, l.id]));
  const firmwareBundleIds: Record<string, string> = {};
  if (settingIds.FIRMWARE) {
    const setting = await findSetting(db, workspaceId, settingIds.FIRMWARE);
    for (const [key, payload] of Object.entries(setting?.settings ?? {})) {
      if (/^GEN\d+$/.test(key) && typeof payload?.id === 'string') firmwareBundleIds[key] = payload.id;
    }
  }
  return { firmwareBundleIds, settingIds };
}

/** The group's members in id order; empty for an unknown group. */
export async function groupMembers(db: Db, workspaceId: string, groupId: string): Promise<{ serverId: string; serial: string; productId: string }[]> {
  return db.all<{ serverId: string; serial: string; productId: string }>(
    `SELECT gd.device_id AS "serverId", s.serial_number AS serial, s.product_id AS "productId"
     FROM group_devices gd JOIN servers s ON s.workspace_id = gd.workspace_id AND s.id = gd.device_id
     WHERE gd.workspace_id = ? AND gd.group_id = ? ORDER BY gd.device_id`,
    [workspaceId, groupId],
  );
}
