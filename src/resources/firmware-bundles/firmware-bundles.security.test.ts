// firmware-bundles: access. The catalogue is HPE's and the same for every workspace and role; nobody can
// change it over the API, and the usual authentication and tenancy rules still apply.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError, expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import { snapshot } from '../../../test/helpers/snapshot.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { expectNoWriteRoutes, expectSameCatalogueForEveryone } from './catalogue-access.fixtures.ts';
import { FIRMWARE_CATALOGUE } from './catalogue/catalogue.ts';

const V1 = '/compute-ops-mgmt/v1/firmware-bundles';
const V1BETA2 = '/compute-ops-mgmt/v1beta2/firmware-bundles';
const id = FIRMWARE_CATALOGUE.find((b) => b.isActive)!.id;
const OPERATIONS: [string, string][] = [
  [V1, 'firmwareBundleCollection-v1'],
  [`${V1}/${id}`, 'firmwareBundle-v1'],
  [`${V1}/${id}/bundle-details`, 'firmwareBundleDetailsCollection-v1'],
  [V1BETA2, 'firmwareBundleCollection-v1beta2'],
  [`${V1BETA2}/${id}`, 'firmwareBundle-v1beta2'],
];

let t: TestApp;
let before: Record<string, unknown[]>;

beforeAll(async () => {
  t = await openTestApp();
  before = await snapshot(t.store);
});
afterAll(() => t.close());

describe('firmware-bundles access', () => {
  it('refuses calls without a valid token with 401', async () => {
    for (const [url] of OPERATIONS) {
      expectComError(await t.app.inject({ method: 'GET', url }), 401);
      expectComError(await t.app.inject({ method: 'GET', url, headers: { authorization: 'Bearer not-a-token' } }), 401);
    }
  });

  it('refuses an Accept it cannot satisfy with 406', async () => {
    for (const [url] of OPERATIONS) expectComError(await t.call(t.callers.adminA, { method: 'GET', url, headers: { accept: 'text/csv' } }), 406);
  });

  it('shows every role of every workspace the same catalogue', async () => {
    await expectSameCatalogueForEveryone(t, OPERATIONS);
  });

  it('lets an MSP read for its tenant, and refuses a tenant it does not own', async () => {
    const tenant = { 'tenant-acid': t.workspaces.T1 };
    expectHpeSchema(await t.call(t.callers.mspAdmin, { method: 'GET', url: `${V1}/${id}`, headers: tenant }), 'firmwareBundle-v1');
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: V1BETA2, headers: tenant }), 403);
    expectComError(await t.call(t.callers.mspAdmin, { method: 'GET', url: V1, headers: { 'tenant-acid': t.workspaces.other } }), 403);
  });

  it('offers no way to write the catalogue, whatever the role', async () => {
    const attempts = [
      ['POST', V1],
      ['PUT', `${V1}/${id}`],
      ['PATCH', `${V1}/${id}`],
      ['DELETE', `${V1}/${id}`],
      ['POST', `${V1}/${id}/bundle-details`],
      ['POST', V1BETA2],
      ['DELETE', `${V1BETA2}/${id}`],
    ] as const;
    await expectNoWriteRoutes(t, attempts, { isActive: false, releaseVersion: '9999.99.99.99' });
    expect(await snapshot(t.store)).toEqual(before);
  });

  it('treats filter text as data, never as SQL', async () => {
    for (const filter of ["releaseVersion eq '2025.07.00.00'' OR ''1''=''1'", "releaseVersion eq '1''); DROP TABLE firmware_bundles; --'", "contains(releaseVersion,'%')"]) {
      const page = expectHpeSchema<{ total: number }>(await t.call(t.callers.adminA, { method: 'GET', url: `${V1}?filter=${encodeURIComponent(filter)}` }), 'firmwareBundleCollection-v1');
      expect(page.total, filter).toBe(0);
    }
    expect(await snapshot(t.store)).toEqual(before);
  });
});
