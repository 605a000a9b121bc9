// server-settings v1beta1 ⇄ settings hub. The legacy view shows the six server categories only, always
// platformFamily ANY, and firmware baselines as bare bundle ids: exclusions are neither shown nor written
// here, and a patch through this view keeps whatever exclusions v1 stored (style.md §1.1).
import { resourceUri, typeName, type ApiScope } from '../../../http/api-scope.ts';
import { defineListSpec } from '../../../query/list-spec.ts';
import {
  listProperties,
  OS_TYPES_SERVER_SETTINGS,
  PLATFORM_FAMILY_PROPERTY,
  SERVER_CATEGORIES,
  type Setting,
  type SettingDraft,
  type SettingPatch,
  type SettingsView,
} from '../../settings/service.ts';
import type { ServerSettingCreateV1beta1, ServerSettingPatchV1beta1, ServerSettingV1beta1 } from './schemas.ts';

export const viewServerSettings: SettingsView = { categories: SERVER_CATEGORIES, profile: { osTypes: OS_TYPES_SERVER_SETTINGS } };

const isFirmwareKey = (key: string) => /^gen1[0-2]$/i.test(key);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Firmware payloads reduced to `{id}` (serverSettingFirmware-v1beta1); everything else as it is. */
function bareFirmware<T extends Record<string, unknown>>(doc: T): T {
  return Object.fromEntries(Object.entries(doc).map(([k, v]) => [k, isFirmwareKey(k) && isObject(v) ? ('id' in v ? { id: v.id } : {}) : v])) as T;
}

export function toServerSettingV1beta1(s: Setting, scope: ApiScope): ServerSettingV1beta1 {
  return {
    id: s.id,
    type: typeName(scope, 'server-setting'),
    name: s.name,
    description: s.description,
    category: s.category,
    platformFamily: 'ANY',
    settings: s.category === 'FIRMWARE' ? bareFirmware(s.settings) : s.settings,
    generation: s.generation,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    resourceUri: resourceUri(scope, `server-settings/${s.id}`),
  };
}

/** `platformFamily` is accepted and dropped: the stored value is always ANY (server-settings.md). */
export function fromServerSettingV1beta1(body: ServerSettingCreateV1beta1): SettingDraft {
  const settings = body.category === 'FIRMWARE' && body.settings ? bareFirmware(body.settings) : body.settings;
  return { name: body.name, description: body.description ?? null, category: body.category as SettingDraft['category'], settings };
}

export function fromServerSettingPatchV1beta1(body: ServerSettingPatchV1beta1): SettingPatch {
  return { name: body.name, description: body.description, category: body.category, settings: body.settings && bareFirmware(body.settings) };
}

/** Filter names (conventions §6.4): category, description, name, platformFamily, settings/…. */
export const listSpecServerSettings = defineListSpec({
  idColumn: 'id',
  defaultSort: 'name',
  limit: { max: 1000, default: 1000 },
  properties: { ...listProperties(SERVER_CATEGORIES), platformFamily: PLATFORM_FAMILY_PROPERTY },
});
