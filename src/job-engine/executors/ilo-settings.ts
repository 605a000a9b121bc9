// A group's iLO setting as the device layer takes it, and how far an iLO is from it. The setting is either
// an ILO_SETTINGS one (sections by Redfish resource, what clients create) or the HPE-defined ILO one (the
// same sections inside `Attributes`, with one alert destination and one SNMP user beside them): both become
// sections, which is what DeviceDriver.applyIloSettings and readIloSettings speak (settings.md §4.7).
import type { IloSettingDeviation } from '../../resources/groups/compliance-store.ts';
import type { GroupSettingsSummary } from '../../resources/groups/service.ts';
import { findSetting } from '../../resources/settings/service.ts';
import type { Db } from '../../store/store.ts';

export type IloSections = Record<string, Record<string, unknown>>;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The id of the group's iLO setting: ILO and ILO_SETTINGS share one slot on a group. */
export function iloSettingId(settings: GroupSettingsSummary): string | undefined {
  return settings.settingIds['ILO_SETTINGS'] ?? settings.settingIds['ILO'];
}

/** The sections the setting asks for; undefined when it is not an iLO setting (or no longer exists). */
export async function iloSections(db: Db, workspaceId: string, settingId: string): Promise<IloSections | undefined> {
  const setting = await findSetting(db, workspaceId, settingId);
  if (!setting || (setting.category !== 'ILO' && setting.category !== 'ILO_SETTINGS')) return undefined;
  const payload = setting.settings.DEFAULT ?? {};
  if (setting.category === 'ILO_SETTINGS') return sectionsOf(payload);
  const { SNMPAlertDestinations, SNMPUsers, ...rest } = isObject(payload['Attributes']) ? payload['Attributes'] : {};
  const sections = sectionsOf(rest);
  if (SNMPAlertDestinations !== undefined || SNMPUsers !== undefined) {
    sections['SnmpService'] = {
      ...sections['SnmpService'],
      ...(SNMPAlertDestinations !== undefined ? { SNMPAlertDestinations: [SNMPAlertDestinations] } : {}),
      ...(SNMPUsers !== undefined ? { SNMPv3Users: [SNMPUsers] } : {}),
    };
  }
  return sections;
}

function sectionsOf(payload: Record<string, unknown>): IloSections {
  return Object.fromEntries(Object.entries(payload).filter((e): e is [string, Record<string, unknown>] => isObject(e[1])));
}

/** Passphrases are written but never read back, so they cannot be compared. */
const WRITE_ONLY = /Passphrase$|Password$/;

function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !WRITE_ONLY.test(k))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, comparable(v)]),
  );
}

/** Values as COM shows them in deviations (`"True"`/`"False"` for booleans, as HPE's example does). */
function shown(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'object') return JSON.stringify(comparable(value));
  return String(value);
}

/**
 * Every setting the sections ask for whose current value differs (by category, then name), and how many were
 * compared. An object value (e.g. `HTTP: {Port, ProtocolEnabled}`) is compared member by member (`HTTP.Port`);
 * a list as a whole.
 */
export function iloDeviations(expected: IloSections, current: Record<string, unknown>): { deviations: IloSettingDeviation[]; compared: number } {
  const deviations: IloSettingDeviation[] = [];
  let compared = 0;
  const visit = (category: string, name: string, want: unknown, have: unknown) => {
    if (isObject(want)) {
      for (const [k, v] of Object.entries(want)) if (!WRITE_ONLY.test(k)) visit(category, name ? `${name}.${k}` : k, v, isObject(have) ? have[k] : undefined);
      return;
    }
    compared++;
    if (JSON.stringify(comparable(want)) !== JSON.stringify(comparable(have))) {
      deviations.push({ category, settingName: name, currentValue: shown(have), expectedValue: shown(want) });
    }
  };
  for (const [category, section] of Object.entries(expected)) visit(category, '', section, current[category]);
  // Stored documents keep no key order on PostgreSQL (jsonb), so the list is ordered by name.
  const key = (d: IloSettingDeviation) => `${d.category}\u0000${d.settingName}`;
  deviations.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return { deviations, compared };
}
