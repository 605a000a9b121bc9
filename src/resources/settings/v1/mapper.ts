// settings v1 ⇄ hub. v1 shows every category and every payload as stored, so the mapping is one to one.
import { resourceUri, typeName, type ApiScope } from '../../../http/api-scope.ts';
import { defineListSpec } from '../../../query/list-spec.ts';
import { OS_TYPES_V1BETA1, SETTING_CATEGORIES, type Setting, type SettingDraft, type SettingPatch } from '../model.ts';
import { CUSTOMER_ID_PROPERTY, listProperties, PLATFORM_FAMILY_PROPERTY } from '../repository.ts';
import type { SettingsView } from '../service.ts';
import type { SettingCreateBody, SettingPatchBody, SettingWire } from '../wire.ts';

/** Every category; OS types as v1beta1, because existing clients send UBUNTU_LINUX and CUSTOM to v1 (settings.md §4.4). */
export const viewV1: SettingsView = { categories: SETTING_CATEGORIES, profile: { osTypes: OS_TYPES_V1BETA1 } };

export function toV1(s: Setting, scope: ApiScope): SettingWire {
  return {
    id: s.id,
    type: typeName(scope, 'setting'),
    name: s.name,
    description: s.description,
    category: s.category,
    settings: s.settings,
    generation: s.generation,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    resourceUri: resourceUri(scope, `settings/${s.id}`),
  };
}

export function fromV1(body: SettingCreateBody): SettingDraft {
  return { name: body.name, description: body.description ?? null, category: body.category as SettingDraft['category'], settings: body.settings };
}

export function fromV1Patch(body: SettingPatchBody): SettingPatch {
  return { name: body.name, description: body.description, category: body.category, settings: body.settings };
}

/** v1 filter names (conventions §6.4): category, customerId, description, name, platformFamily, settings/…. */
export const listSpecV1 = defineListSpec({
  idColumn: 'id',
  defaultSort: 'name',
  limit: { max: 1000, default: 1000 },
  properties: { ...listProperties(SETTING_CATEGORIES), customerId: CUSTOMER_ID_PROPERTY, platformFamily: PLATFORM_FAMILY_PROPERTY },
});
