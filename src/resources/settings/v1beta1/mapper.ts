// settings v1beta1 ⇄ hub. The only payload v1beta1 shapes differently is ILO: its settingILO-v1beta1 is the
// older, smaller document (settings.md §4.7), squeezed here from the full one the hub stores.
import { resourceUri, typeName, type ApiScope } from '../../../http/api-scope.ts';
import { defineListSpec } from '../../../query/list-spec.ts';
import { OS_TYPES_V1BETA1, SETTING_CATEGORIES, type Setting, type SettingDraft, type SettingPatch, type SettingsDocument } from '../model.ts';
import { listProperties } from '../repository.ts';
import type { SettingsView } from '../service.ts';
import type { SettingCreateBody, SettingPatchBody, SettingWire } from '../wire.ts';

export const viewV1beta1: SettingsView = { categories: SETTING_CATEGORIES, profile: { osTypes: OS_TYPES_V1BETA1 } };

type Section = Record<string, unknown> | undefined;

/** The v1beta1 iLO document: the few members it names, read from their v1 homes. */
function iloV1beta1(doc: SettingsDocument): SettingsDocument {
  const a = (doc.DEFAULT?.Attributes ?? {}) as Record<string, Section>;
  const pick = (section: Section, keys: string[]) => Object.fromEntries(keys.flatMap((k) => (section?.[k] === undefined ? [] : [[k, section[k]]])));
  const ipmi = (a.NetworkProtocol?.IPMI as Section)?.ProtocolEnabled;
  const snmp = a.SnmpService;
  const v1 = [snmp?.SNMPv1RequestsEnabled, snmp?.SNMPv1TrapEnabled].filter((v) => typeof v === 'boolean');
  return {
    DEFAULT: {
      Attributes: {
        1: pick(a['1'], ['RequiredLoginForiLORBSU']),
        AccountService: pick(a.AccountService, ['AuthFailureLoggingThreshold', 'EnforcePasswordComplexity', 'MinPasswordLength']),
        NetworkProtocol: ipmi === undefined ? {} : { IPMI_ProtocolEnabled: ipmi },
        SecurityService: pick(a.SecurityService, ['GlobalComponentIntegrity']),
        // SNMPv1 counts as enabled while either its requests or its traps are.
        SnmpService: v1.length ? { SNMPv1Enabled: v1.some(Boolean) } : {},
      },
    },
  };
}

export function toV1beta1(s: Setting, scope: ApiScope): SettingWire {
  return {
    id: s.id,
    type: typeName(scope, 'setting'),
    name: s.name,
    description: s.description,
    category: s.category,
    settings: s.category === 'ILO' ? iloV1beta1(s.settings) : s.settings,
    generation: s.generation,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    resourceUri: resourceUri(scope, `settings/${s.id}`),
  };
}

export function fromV1beta1(body: SettingCreateBody): SettingDraft {
  return { name: body.name, description: body.description ?? null, category: body.category as SettingDraft['category'], settings: body.settings };
}

/** ILO content cannot be written through any version, so nothing v1beta1 hides can be lost by a patch. */
export function fromV1beta1Patch(body: SettingPatchBody): SettingPatch {
  return { name: body.name, description: body.description, category: body.category, settings: body.settings };
}

/** v1beta1 filter names (conventions §6.4): category, description, name, settings/…. */
export const listSpecV1beta1 = defineListSpec({
  idColumn: 'id',
  defaultSort: 'name',
  limit: { max: 1000, default: 1000 },
  properties: listProperties(SETTING_CATEGORIES),
});
