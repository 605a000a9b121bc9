// firmware-bundles v1, v1beta2 (and the legacy v1beta1 shape): behaviour of the catalogue over HTTP. Bad
// input is in firmware-bundles.error.test.ts, access in firmware-bundles.security.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { ALL_MIGRATIONS } from '../../application.ts';
import { findBundle } from './baseline.ts';
import { FIRMWARE_CATALOGUE } from './catalogue/catalogue.ts';

const V1 = '/compute-ops-mgmt/v1/firmware-bundles';
const V1BETA2 = '/compute-ops-mgmt/v1beta2/firmware-bundles';
const V1BETA1 = '/compute-ops-mgmt/v1beta1/firmware-bundles';

interface Bundle {
  id: string;
  type: string;
  resourceUri: string;
  releaseVersion: string;
  releaseDate: string;
  bundleGeneration: string;
  bundleType: string;
  isActive: boolean;
  baseBundleUri?: string | null;
  hotfixBaseUri?: string | null;
  displayName?: string;
  [key: string]: unknown;
}
interface Page<T = Bundle> {
  offset: number;
  count: number;
  total: number;
  items: T[];
}

let t: TestApp;

async function list(query = '', base = V1, schema = 'firmwareBundleCollection-v1'): Promise<Page> {
  return expectHpeSchema<Page>(await t.call(t.callers.adminA, { method: 'GET', url: `${base}${query}` }), schema);
}
const filtered = (filter: string, extra = '') => `?filter=${encodeURIComponent(filter)}${extra}`;
const byVersion = (generation: number, releaseVersion: string) =>
  FIRMWARE_CATALOGUE.find((b) => b.bundleGeneration === `BUNDLE_GEN_${generation}` && b.releaseVersion === releaseVersion)!;

beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

describe('firmware-bundles v1', () => {
  it('lists the whole catalogue by default, newest first, in the HPE collection shape', async () => {
    const page = await list();
    expect(page.total).toBe(FIRMWARE_CATALOGUE.length);
    expect(page.count).toBe(page.total);
    expect(page.offset).toBe(0);
    const dates = page.items.map((b) => b.releaseDate);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(page.items[0]!.releaseDate).toBe('2026-03-30T00:00:00+00:00');
    for (const b of page.items) {
      expect(b.type).toBe('compute-ops-mgmt/firmware-bundle');
      expect(b.resourceUri).toBe(`${V1}/${b.id}`);
      expect(b.id).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it('reads one bundle with every published field', async () => {
    const spp = byVersion(10, '2023.09.00.00');
    const b = expectHpeSchema<Bundle>(await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${spp.id}` }), 'firmwareBundle-v1');
    expect(b).toMatchObject({
      id: spp.id,
      generation: 2,
      name: 'Gen10 Service Pack for ProLiant',
      description: 'Gen10/Gen10 Plus Service Pack for ProLiant (SPP) is a comprehensive systems software and firmware update solution',
      releaseDate: '2023-09-12T00:00:00+00:00',
      releaseVersion: '2023.09.00.00',
      displayName: 'SPP 2023.09.00.00 (12 Sep 2023)',
      summary: 'Gen10/Gen10 Plus SPP 2023.09.00.00 release supersedes Gen10/Gen10 Plus SPP 2023.03.00.00 and includes support for Red Hat Enterprise Linux 8.8, Red Hat Enterprise Linux 9.2, SUSE Linux Enterprise Server 15 SP5.',
      bundleType: 'BASE',
      platformFamily: 'PROLIANT',
      baseBundleUri: null,
      isActive: false,
      bundleNameFormat: 'BUNDLE_4OCTET',
      bundleGeneration: 'BUNDLE_GEN_10',
      advisories: 'https://support.hpe.com/docs/display/public/a00sppdocen_US/spp/index.aspx?version=gen10.2023.09.00.00',
    });
    expect(b.supportedOsList).toContain('VMware ESXi 8.0');
    expect(b.vmwareAddonInfo).toEqual(expect.arrayContaining([expect.objectContaining({ esxiRelease: '8.0' })]));
  });

  it('links a patch to its SPP, and 3-octet SPPs to the Technical Library', async () => {
    const patch = byVersion(11, '2025.07.00.03');
    const b = expectHpeSchema<Bundle>(await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${patch.id}` }), 'firmwareBundle-v1');
    expect(b).toMatchObject({ bundleType: 'PATCH', isActive: true, displayName: 'Patch 2025.07.00.03 + SPP 2025.07.00.00 (01 Jul 2025)' });
    const base = expectHpeSchema<Bundle>(await t.call(t.callers.adminA, { method: 'GET', url: b.baseBundleUri! }), 'firmwareBundle-v1');
    expect(base).toMatchObject({ releaseVersion: '2025.07.00.00', bundleType: 'BASE', bundleGeneration: 'BUNDLE_GEN_11' });
    const old = (await list(filtered("releaseVersion eq '2022.03.0'"))).items;
    expect(old).toHaveLength(1);
    expect(old[0]).toMatchObject({ bundleNameFormat: 'BUNDLE_3OCTET', isActive: false });
    expect(old[0]!.supportUrl).toBe('https://techlibrary.hpe.com/us/en/enterprise/servers/products/service_pack/spp/index.aspx?version=gen10.2022.03.0');
  });

  it('accepts the upper-case and dashed UUID spellings of an id', async () => {
    const id = byVersion(12, '2025.11.00.00').id;
    const dashed = `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`.toUpperCase();
    const b = expectHpeSchema<Bundle>(await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${dashed}` }), 'firmwareBundle-v1');
    expect(b.id).toBe(id);
  });

  it.each([
    ["releaseVersion eq '2025.07.00.00'", (b: Bundle) => b.releaseVersion === '2025.07.00.00', 3],
    ["releaseVersion eq '2025.07.00.00' and bundleGeneration eq 'BUNDLE_GEN_11'", (b: Bundle) => b.releaseVersion === '2025.07.00.00' && b.bundleGeneration === 'BUNDLE_GEN_11', 1],
    ["bundleGeneration eq 'bundle_gen_12'", (b: Bundle) => b.bundleGeneration === 'BUNDLE_GEN_12', 5],
    ["contains(bundleGeneration,'11')", (b: Bundle) => b.bundleGeneration === 'BUNDLE_GEN_11', 10],
    ['isActive eq true', (b: Bundle) => b.isActive, 10],
    ["isActive eq 'false' and bundleType eq 'HOTFIX'", (b: Bundle) => !b.isActive && b.bundleType === 'HOTFIX', 1],
    ["bundleType in ('PATCH','HOTFIX')", (b: Bundle) => b.bundleType !== 'BASE', 2],
    ['releaseDate ge 2026-01-01', (b: Bundle) => b.releaseDate >= '2026', 2],
    ["contains(displayName,'Patch')", (b: Bundle) => b.bundleType === 'PATCH', 1],
    ["not isActive eq true and bundleGeneration eq 'BUNDLE_GEN_12'", (b: Bundle) => !b.isActive && b.bundleGeneration === 'BUNDLE_GEN_12', 2],
  ])('filters %s in SQL', async (filter, matches, expected) => {
    const all = (await list()).items;
    const page = await list(filtered(filter));
    expect(page.total).toBe(expected);
    expect(page.items.map((b) => b.id).sort()).toEqual(all.filter(matches).map((b) => b.id).sort());
  });

  it('finds the latest active SPP of a generation the way clients do', async () => {
    const page = await list(filtered("bundleGeneration eq 'BUNDLE_GEN_10' and isActive eq true and bundleType eq 'BASE'", '&sort=releaseVersion desc&limit=1'));
    expect(page).toMatchObject({ count: 1, total: 3 });
    expect(page.items[0]!.releaseVersion).toBe('2025.11.00.00');
  });

  it('pages, sorts and selects', async () => {
    const all = (await list('?sort=releaseVersion asc,bundleGeneration desc')).items;
    expect(all.map((b) => b.releaseVersion)).toEqual([...all.map((b) => b.releaseVersion)].sort());
    const page = await list('?sort=releaseVersion asc,bundleGeneration desc&offset=5&limit=4');
    expect(page).toMatchObject({ offset: 5, count: 4, total: all.length });
    expect(page.items.map((b) => b.id)).toEqual(all.slice(5, 9).map((b) => b.id));
    const res = await t.call(t.callers.adminA, { method: 'GET', url: `${V1}?select=id,releaseVersion&limit=2` });
    expect(res.statusCode).toBe(200);
    for (const item of res.json().items) expect(Object.keys(item).sort()).toEqual(['id', 'releaseVersion']);
  });
});

describe('firmware-bundles-details v1', () => {
  interface Detail {
    id: string;
    type: string;
    bundleId: string;
    category: string;
    categoryDetails: { Devices: { Target: string; DeviceName: string; Version: string }[] }[];
  }

  it('lists the components of a bundle by category, with the names servers report', async () => {
    const spp = byVersion(11, '2025.07.00.00');
    const page = expectHpeSchema<Page<Detail>>(await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${spp.id}/bundle-details` }), 'firmwareBundleDetailsCollection-v1');
    expect(page.items.map((d) => d.category)).toEqual([
      'ILO',
      'SYSTEM_ROM',
      'SYSTEM_BOARD',
      'STORAGE_CONTROLLERS',
      'STORAGE_DRIVES',
      'STORAGE_FIBRE_CHANNEL',
      'NETWORKING_ADAPTERS',
      'POWER_SUPPLIES',
    ]);
    expect(page.total).toBe(8);
    for (const d of page.items) {
      expect(d).toMatchObject({ type: 'compute-ops-mgmt/firmware-bundle/bundle-detail', bundleId: spp.id });
      expect(d.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    const devices = page.items.flatMap((d) => d.categoryDetails.flatMap((c) => c.Devices));
    expect(devices).toHaveLength(spp.components.length);
    expect(devices).toContainEqual({ Target: expect.any(String), DeviceName: 'iLO 6', Version: '1.70 Jun 12 2025' });
    expect(devices.filter((d) => d.DeviceName === 'System ROM').map((d) => d.Version.split(' ')[0]).sort()).toEqual(['A55', 'I62', 'U54', 'U63', 'U65']);
    // The same device keeps its target from bundle to bundle, so exclusions by target survive a new baseline.
    const older = expectHpeSchema<Page<Detail>>(await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${byVersion(11, '2024.04.00.00').id}/bundle-details` }), 'firmwareBundleDetailsCollection-v1');
    const nic = (p: Page<Detail>) => p.items.flatMap((d) => d.categoryDetails[0]!.Devices).find((d) => d.DeviceName === 'HPE Ethernet 10/25Gb 2-port 640SFP28 Adapter')!;
    expect(nic(older).Target).toBe(nic(page).Target);
    expect(nic(older).Version).not.toBe(nic(page).Version);
  });

  it('lists a patch with its fixes applied over the SPP', async () => {
    const patch = byVersion(11, '2025.07.00.03');
    const page = expectHpeSchema<Page<Detail>>(await t.call(t.callers.adminA, { method: 'GET', url: `${V1}/${patch.id}/bundle-details` }), 'firmwareBundleDetailsCollection-v1');
    const roms = page.items.find((d) => d.category === 'SYSTEM_ROM')!.categoryDetails[0]!.Devices.map((d) => d.Version);
    expect(roms).toEqual(['U54 v2.62 (07/24/2025)', 'U63 v2.62 (07/24/2025)', 'U65 v2.62 (07/24/2025)', 'I62 v2.62 (07/24/2025)', 'A55 v1.90 (06/05/2025)']);
  });
});

describe('firmware-bundles v1beta2 and legacy shapes', () => {
  it('serves the same catalogue under v1beta2, with hotfixBaseUri and without the v1-only fields', async () => {
    const page = await list('', V1BETA2, 'firmwareBundleCollection-v1beta2');
    expect(page.items.map((b) => b.id)).toEqual((await list()).items.map((b) => b.id));
    for (const b of page.items) {
      expect(b.resourceUri).toBe(`${V1BETA2}/${b.id}`);
      expect(b).not.toHaveProperty('displayName');
      expect(b).not.toHaveProperty('description');
      expect(b).not.toHaveProperty('platformFamily');
      expect(b).not.toHaveProperty('baseBundleUri');
    }
    const hotfix = byVersion(10, '2024.09.00.01');
    const b = expectHpeSchema<Bundle>(await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA2}/${hotfix.id}` }), 'firmwareBundle-v1beta2');
    expect(b).toMatchObject({ bundleType: 'HOTFIX', hotfixBaseUri: `${V1BETA2}/${byVersion(10, '2024.09.00.00').id}` });
  });

  it('v1beta2 filters on what it shows', async () => {
    const page = await list(filtered("bundleGeneration eq 'BUNDLE_GEN_11' and isActive eq true"), V1BETA2, 'firmwareBundleCollection-v1beta2');
    expect(page.items.map((b) => b.releaseVersion).sort()).toEqual(['2025.07.00.00', '2025.07.00.03', '2025.11.00.00', '2026.03.00.00']);
  });

  it('answers under the deprecated /compute-ops prefix with that prefix in type and resourceUri', async () => {
    const id = byVersion(11, '2026.03.00.00').id;
    const res = await t.call(t.callers.adminA, { method: 'GET', url: `/compute-ops/v1beta2/firmware-bundles/${id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ type: 'compute-ops/firmware-bundle', resourceUri: `/compute-ops/v1beta2/firmware-bundles/${id}` });
  });

  it('serves the unpublished v1beta1 shape, where type is the bundle type', async () => {
    const res = await t.call(t.callers.adminA, { method: 'GET', url: `${V1BETA1}${filtered("type eq 'PATCH'")}` });
    expect(res.statusCode).toBe(200);
    const page = res.json() as Page;
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ type: 'PATCH', resourceType: 'compute-ops-mgmt/firmware-bundle', releaseVersion: '2025.07.00.03' });
    expect(page.items[0]).not.toHaveProperty('bundleType');
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([V1, `${V1}/{id}`, `${V1}/{id}/bundle-details`, V1BETA2, `${V1BETA2}/{id}`]));
    expect(Object.keys(doc.paths).filter((p) => p.startsWith(V1BETA1))).toEqual([]);
  });
});

describe('the stored catalogue', () => {
  it('holds every bundle of the catalogue module, components included, on this database', async () => {
    for (const bundle of FIRMWARE_CATALOGUE) expect(await findBundle(t.store, bundle.id)).toEqual(bundle);
  });

  it('is loaded once: running the migrations again changes nothing', async () => {
    const before = await t.store.all('SELECT id, updated_at FROM firmware_bundles ORDER BY id');
    await t.store.migrate(ALL_MIGRATIONS);
    expect(await t.store.all('SELECT id, updated_at FROM firmware_bundles ORDER BY id')).toEqual(before);
    expect(Number((await t.store.get<{ n: number }>('SELECT COUNT(*) AS n FROM firmware_bundle_components'))!.n)).toBe(
      FIRMWARE_CATALOGUE.reduce((n, b) => n + b.components.length, 0),
    );
  });
});
