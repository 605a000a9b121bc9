// appliance-firmware-bundles v1 and v1beta1: behaviour of the OneView release catalogue over HTTP. Bad input
// is in appliance-firmware-bundles.error.test.ts, access in appliance-firmware-bundles.security.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { APPLIANCE_CATALOGUE } from './catalogue.ts';

const V1 = '/compute-ops-mgmt/v1/appliance-firmware-bundles';
const V1BETA1 = '/compute-ops-mgmt/v1beta1/appliance-firmware-bundles';
const COLLECTION = { [V1]: 'applianceFirmwareBundleCollection-v1', [V1BETA1]: 'applianceFirmwareBundleCollection-v1beta1' };

interface Bundle {
  id: string;
  type: string;
  resourceUri: string;
  applianceVersion: string;
  applianceType: string;
  releaseDate: string;
  milestone: boolean;
  state: string;
  supportedUpgrades: string[];
  applicableAppliances: unknown[];
  [key: string]: unknown;
}
interface Page {
  offset: number;
  count: number;
  total: number;
  items: Bundle[];
}

let t: TestApp;

async function list(base: typeof V1 | typeof V1BETA1, query = ''): Promise<Page> {
  return expectHpeSchema<Page>(await t.call(t.callers.adminA, { method: 'GET', url: `${base}${query}` }), COLLECTION[base]);
}
const filtered = (filter: string, extra = '') => `?filter=${encodeURIComponent(filter)}${extra}`;
const find = (type: string, version: string) => APPLIANCE_CATALOGUE.find((b) => b.applianceType === type && b.applianceVersion === version)!;

beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

describe('appliance-firmware-bundles', () => {
  it.each([V1, V1BETA1] as const)('%s lists every release for both appliance types, newest first', async (base) => {
    const page = await list(base);
    expect(page).toMatchObject({ offset: 0, total: APPLIANCE_CATALOGUE.length, count: APPLIANCE_CATALOGUE.length });
    const dates = page.items.map((b) => b.releaseDate);
    expect(dates).toEqual([...dates].sort().reverse());
    for (const b of page.items) {
      expect(b.type).toBe('compute-ops-mgmt/appliance-firmware-bundle');
      expect(b.resourceUri).toBe(`${base}/${b.id}`);
      expect(b.applicableAppliances).toEqual([]);
    }
    expect(new Set(page.items.map((b) => b.applianceType))).toEqual(new Set(['VM', 'SYNERGY']));
  });

  it('reads one release with every published field', async () => {
    const vm = find('VM', '9.30.00');
    for (const [base, schema] of [[V1, 'applianceFirmwareBundle-v1'], [V1BETA1, 'applianceFirmwareBundle-v1beta1']] as const) {
      const b = expectHpeSchema<Bundle>(await t.call(t.callers.adminA, { method: 'GET', url: `${base}/${vm.id}` }), schema);
      expect(b).toMatchObject({
        id: vm.id,
        name: 'HPE OneView 9.30 for VMware',
        applianceVersion: '9.30.00',
        applianceType: 'VM',
        releaseDate: '2025-02-10T00:00:00+00:00',
        milestone: false,
        state: 'ACTIVE',
        rdaBundlePath: '/depot/volume/pub/OliveComputeUpdate/Ov9_30',
        ovaFileName: 'Update.bin',
        synergyReleaseInfo: '',
        supportedUpgrades: ['9.00.00', '9.10.00', '9.20.00'],
        resourceUri: `${base}/${vm.id}`,
      });
      expect(b.size).toBeGreaterThan(4_000_000_000);
    }
    const synergy = expectHpeSchema<Bundle>(await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${find('SYNERGY', '9.30.00').id}` }), 'applianceFirmwareBundle-v1');
    expect(synergy.synergyReleaseInfo).toMatch(/^https:\/\/support\.hpe\.com\//);
    expect(synergy.rdaBundlePath).toBe('/depot/volume/pub/OliveComputeUpdate/Synergy9_30');
  });

  it('makes the milestone the only way past it', async () => {
    const after = (await list(V1, filtered("applianceType eq 'VM' and applianceVersion gt '9.00.00'"))).items;
    expect(after.length).toBeGreaterThan(0);
    for (const b of after) for (const from of b.supportedUpgrades) expect(from >= '9.00.00').toBe(true);
    const milestones = (await list(V1, filtered('milestone eq true'))).items;
    expect(milestones.map((b) => `${b.applianceType} ${b.applianceVersion}`).sort()).toEqual(['SYNERGY 9.00.00', 'VM 9.00.00']);
  });

  it.each([
    [V1, "applianceType eq 'VM' and applianceVersion eq '8.70.00'", ['VM 8.70.00']],
    [V1, "applianceType eq 'synergy' and state eq 'ACTIVE'", ['SYNERGY 9.00.00', 'SYNERGY 9.10.00', 'SYNERGY 9.20.00', 'SYNERGY 9.30.00', 'SYNERGY 9.40.00']],
    [V1BETA1, "and(eq(applianceType,'VM'),eq(applianceVersion,'8.70.00'))", ['VM 8.70.00']],
    [V1BETA1, "in(applianceVersion,'9.30.00','9.40.00')", ['SYNERGY 9.30.00', 'SYNERGY 9.40.00', 'VM 9.30.00', 'VM 9.40.00']],
    [V1BETA1, "applianceType eq 'VM' and releaseDate lt 2024-01-01", ['VM 8.50.00', 'VM 8.60.00']],
  ] as const)('%s filters %s', async (base, filter, expected) => {
    const page = await list(base, filtered(filter));
    expect(page.items.map((b) => `${b.applianceType} ${b.applianceVersion}`).sort()).toEqual(expected);
    expect(page.total).toBe(expected.length);
  });

  it('sorts, pages and selects', async () => {
    const page = await list(V1, `${filtered("applianceType eq 'VM'")}&sort=applianceVersion desc&offset=1&limit=2`);
    expect(page).toMatchObject({ offset: 1, count: 2, total: 10 });
    expect(page.items.map((b) => b.applianceVersion)).toEqual(['9.30.00', '9.20.00']);
    const res = await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA1}?select=applianceVersion,state&limit=1` });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().items[0]).sort()).toEqual(['applianceVersion', 'state']);
  });

  it('accepts displayAppliances in any case; no appliance is known to be eligible', async () => {
    for (const value of ['true', 'True', 'FALSE']) {
      const page = await list(V1, `${filtered("applianceType eq 'VM' and applianceVersion eq '9.40.00'")}&displayAppliances=${value}`);
      expect(page.count).toBe(1);
      expect(page.items[0]!.applicableAppliances).toEqual([]);
    }
  });

  it('answers under the deprecated /compute-ops prefix with that prefix in type and resourceUri', async () => {
    const id = find('VM', '9.40.00').id;
    const res = await t.call(t.callers.adminA, { method: 'GET', url: `/compute-ops/v1/appliance-firmware-bundles/${id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ type: 'compute-ops/appliance-firmware-bundle', resourceUri: `/compute-ops/v1/appliance-firmware-bundles/${id}` });
  });

  it('keeps the stored catalogue identical to the catalogue module on this database', async () => {
    const page = await list(V1);
    const byId = new Map(page.items.map((b) => [b.id, b]));
    for (const b of APPLIANCE_CATALOGUE) {
      const { releaseDate, ...rest } = b;
      expect(byId.get(b.id)).toMatchObject({ ...rest, releaseDate: `${releaseDate}T00:00:00+00:00` });
    }
  });
});
