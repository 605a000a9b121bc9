// Shared by the settings and server-settings suites: URLs, one valid payload per category, and the check
// that a response conforms to HPE's schema. HPE's `settings.DEFAULT` is a `oneOf` whose BIOS and
// multi-volume members require nothing, so every DEFAULT payload matches at least two of them and no body
// can pass it as written (settings.md §3: "the server must pick the sub-schema by category"). The check
// therefore validates the body against the declared schema without DEFAULT, and DEFAULT against the
// member its category selects. HPE's `componentsToExclude` is declared `type: object` beside a oneOf of a
// string and an array, which nothing satisfies; it is checked here against its documented meaning ("ALL" or
// a list of {name, target}) and left out of the schema check.
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { hpeSchemaErrors } from '../../../test/helpers/hpe-openapi.ts';

export const V1 = '/compute-ops-mgmt/v1/settings';
export const V1BETA1 = '/compute-ops-mgmt/v1beta1/settings';
export const LEGACY = '/compute-ops/v1beta1/server-settings';
export const json = { 'content-type': 'application/json' };
export const mergePatch = { 'content-type': 'application/merge-patch+json' };

export type Wire = Record<string, unknown> & { id: string; name: string; category: string; generation: number; settings: Record<string, Record<string, unknown>> };
export type Flavour = 'v1' | 'v1beta1' | 'server-settings';

/** A valid `settings` document for each category a client may create. */
export const SAMPLES: Record<string, Record<string, unknown>> = {
  BIOS: { DEFAULT: { enableCustomWorkloadProfile: true, redfishData: { Attributes: { WorkloadProfile: 'vRAN', EnergyEfficientTurbo: 'Enabled' } } } },
  STORAGE: { DEFAULT: { volumes: [{ raidType: 'RAID1', capacityInGiB: 240, driveCount: 2, driveTechnology: 'SATA_SSD' }, { raidType: 'RAID5', driveCount: 4, spareDriveCount: 1 }] } },
  OS: { DEFAULT: { osType: 'VMWARE_ESXI', mediaUrl: 'https://repo.example.net/iso/esxi.iso', unattendedInstallationFileUrl: 'https://repo.example.net/ks.iso' } },
  EXTERNAL_STORAGE: { DEFAULT: { externalStorageHostOs: 'VMWARE_ESXI' } },
  FIRMWARE: {
    GEN10: { id: 'a9383ef62e362a0072b2947c923ba257' },
    GEN11: { id: 'c41d9e0b7a2f4e3c8b5d6a7f8e9d0c1b', componentExclusionsEnabled: true, componentExclusions: [{ componentCategory: 'NETWORKING_ADAPTERS', componentsToExclude: 'ALL' }] },
  },
  ILO_SETTINGS: {
    DEFAULT: {
      1: { WebGuiEnabled: true, IdleConnectionTimeoutMinutes: 15 },
      AccountService: { MinPasswordLength: 12 },
      SnmpService: { SNMPAlertDestinations: [{ AlertDestination: '10.0.0.9', TrapCommunity: 'x', SNMPAlertProtocol: 'SNMPv3Trap', SecurityName: 'ops' }], SNMPv3Users: [{ SecurityName: 'ops', AuthProtocol: 'SHA256', AuthPassphrase: 'secretpass1', PrivacyProtocol: 'AES', PrivacyPassphrase: 'secretpass2' }] },
    },
  },
  OVE_APPLIANCE_SETTINGS_ANY: { DEFAULT: { allowSensitiveInfoUse: true, sourceApplianceId: 'appliance-1', timeAndLocale: { timeSource: 'MANUAL', ntpServers: [] } } },
  OVE_APPLIANCE_SETTINGS_SYNERGY: { DEFAULT: { allowSensitiveInfoUse: true, sourceApplianceId: 'appliance-2', globalSettings: { reservedVlanRange: { start: 3967, length: 128 } } } },
  OVE_SERVER_TEMPLATES_VM: { DEFAULT: { data: [{ applianceId: 'a1', templates: [{ uri: '/rest/server-profile-templates/64fbb9b9-1671-43ce-81ca-e2ee3709acda' }] }] } },
  OVE_SERVER_TEMPLATES_SYNERGY: { DEFAULT: { data: [] } },
  OVE_SOFTWARE_VM: { DEFAULT: { applianceFirmwareId: 'b0bd9a1c-0d3a-4e8b-a6d4-7f5ad17e0f40' } },
  OVE_SOFTWARE_SYNERGY: { DEFAULT: { applianceFirmwareId: 'c1ce0b2d-1e4b-4f9c-b7e5-8a6be28f1a51' } },
};

const OVE_MEMBERS: Record<string, string> = {
  OVE_APPLIANCE_SETTINGS_ANY: 'oveApplianceSettingsAny-v1beta1',
  OVE_APPLIANCE_SETTINGS_SYNERGY: 'oveApplianceSettingsSynergy-v1beta1',
  OVE_SERVER_TEMPLATES_VM: 'oveServerTemplates-v1beta1',
  OVE_SERVER_TEMPLATES_SYNERGY: 'oveServerTemplates-v1beta1',
};

/** HPE's schema for a category's DEFAULT payload in one flavour; undefined where HPE publishes none. */
function defaultMember(flavour: Flavour, category: string, payload: Record<string, unknown>): string | undefined {
  const prefix = flavour === 'server-settings' ? 'serverSetting' : 'setting';
  const suffix = flavour === 'v1' ? 'v1' : 'v1beta1';
  const base: Record<string, string> = {
    BIOS: 'BIOS',
    STORAGE: 'volumes' in payload ? 'MultiVolumeStorage' : 'SingleVolumeStorage',
    OS: 'OS',
    EXTERNAL_STORAGE: 'ExternalStorage',
    ILO: 'ILO',
  };
  if (base[category]) return `${prefix}${base[category]}-${suffix}`;
  if (OVE_MEMBERS[category]) return OVE_MEMBERS[category];
  if (category === 'OVE_SOFTWARE_VM') return `oveApplianceSoftwareVm-${suffix}`;
  if (category === 'OVE_SOFTWARE_SYNERGY') return `oveApplianceSoftwareSynergy-${suffix}`;
  return undefined;
}

const itemSchema = (f: Flavour) => (f === 'server-settings' ? 'serverSettingsResponse-v1beta1' : `settingsResponse-${f}`);
const collectionSchema = (f: Flavour) => (f === 'server-settings' ? 'serverSettingsCollection-v1beta1' : `settingsCollection-${f}`);

type Exclusion = { componentsToExclude?: unknown };

/** The firmware payloads without `componentsToExclude`, after checking it (see the file comment). */
function withoutExclusionTargets(settings: Record<string, Record<string, unknown>>): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [key, payload] of Object.entries(settings)) {
    const exclusions = payload.componentExclusions as Exclusion[] | undefined;
    if (!/^GEN1\d$/.test(key) || !Array.isArray(exclusions)) {
      out[key] = payload;
      continue;
    }
    for (const e of exclusions) {
      const target = e.componentsToExclude;
      if (Array.isArray(target)) for (const c of target) expect(c).toEqual({ name: expect.any(String), target: expect.any(String) });
      else if (target !== undefined) expect(target).toBe('ALL');
    }
    out[key] = { ...payload, componentExclusions: exclusions.map(({ componentsToExclude: _, ...e }) => e) };
  }
  return out;
}

/** Asserts one setting conforms to HPE's schema for the flavour (see the file comment for DEFAULT). */
export function checkSetting(item: Wire, flavour: Flavour): void {
  const { DEFAULT, ...rest } = withoutExclusionTargets(item.settings);
  // ILO_SETTINGS is the client-compat category HPE's enum lacks (settings.md §4.7); everything else about it is checked.
  const category = item.category === 'ILO_SETTINGS' ? 'ILO' : item.category;
  expect(hpeSchemaErrors(itemSchema(flavour), { ...item, category, settings: rest }), `${item.name}: ${JSON.stringify(item)}`).toEqual([]);
  const member = item.category === 'ILO_SETTINGS' ? undefined : defaultMember(flavour, item.category, DEFAULT ?? {});
  if (DEFAULT !== undefined && member) expect(hpeSchemaErrors(member, DEFAULT), `${item.name} DEFAULT as ${member}`).toEqual([]);
}

export function expectSetting(res: LightMyRequestResponse, flavour: Flavour, status = 200): Wire {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json() as Wire;
  checkSetting(body, flavour);
  return body;
}

export function expectSettingCollection(res: LightMyRequestResponse, flavour: Flavour): { offset: number; count: number; total: number; items: Wire[] } {
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { offset: number; count: number; total: number; items: Wire[] };
  expect(hpeSchemaErrors(collectionSchema(flavour), { ...body, items: [] })).toEqual([]);
  for (const item of body.items) checkSetting(item, flavour);
  expect(body.count).toBe(body.items.length);
  return body;
}

export const filterUrl = (base: string, filter: string) => `${base}?filter=${encodeURIComponent(filter)}`;
