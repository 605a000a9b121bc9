// appliance-firmware-bundles: access. The catalogue is HPE's and the same for every workspace and role; nobody
// can change it over the API, and the usual authentication and tenancy rules still apply.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError, expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import { snapshot } from '../../../test/helpers/snapshot.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { expectNoWriteRoutes, expectSameCatalogueForEveryone } from '../firmware-bundles/catalogue-access.fixtures.ts';
import { APPLIANCE_CATALOGUE } from './catalogue.ts';

const V1 = '/compute-ops-mgmt/v1/appliance-firmware-bundles';
const V1BETA1 = '/compute-ops-mgmt/v1beta1/appliance-firmware-bundles';
const id = APPLIANCE_CATALOGUE[0]!.id;
const OPERATIONS: [string, string][] = [
  [V1, 'applianceFirmwareBundleCollection-v1'],
  [`${V1}/${id}`, 'applianceFirmwareBundle-v1'],
  [V1BETA1, 'applianceFirmwareBundleCollection-v1beta1'],
  [`${V1BETA1}/${id}`, 'applianceFirmwareBundle-v1beta1'],
];

let t: TestApp;
let before: Record<string, unknown[]>;

beforeAll(async () => {
  t = await openTestApp();
  before = await snapshot(t.store);
});
afterAll(() => t.close());

describe('appliance-firmware-bundles access', () => {
  it('refuses calls without a valid token with 401, and an unsatisfiable Accept with 406', async () => {
    for (const [url] of OPERATIONS) {
      expectComError(await t.app.inject({ method: 'GET', url }), 401);
      expectComError(await t.app.inject({ method: 'GET', url, headers: { authorization: 'Bearer x.y.z' } }), 401);
      expectComError(await t.call(t.callers.adminA, { method: 'GET', url, headers: { accept: 'application/xml' } }), 406);
    }
  });

  it('shows every role of every workspace the same catalogue', async () => {
    await expectSameCatalogueForEveryone(t, OPERATIONS);
  });

  it('accepts Tenant-Acid from an MSP for its own tenant, even where COM does not declare it', async () => {
    expectHpeSchema(await t.call(t.callers.mspAdmin, { method: 'GET', url: V1BETA1, headers: { 'tenant-acid': t.workspaces.T2 } }), 'applianceFirmwareBundleCollection-v1beta1');
    expectComError(await t.call(t.callers.mspAdmin, { method: 'GET', url: V1, headers: { 'tenant-acid': t.workspaces.other } }), 403);
    expectComError(await t.call(t.callers.adminB, { method: 'GET', url: V1, headers: { 'tenant-acid': t.workspaces.T1 } }), 403);
  });

  it('offers no way to write the catalogue, whatever the role', async () => {
    const attempts = [['POST', V1], ['PATCH', `${V1}/${id}`], ['PUT', `${V1BETA1}/${id}`], ['DELETE', `${V1BETA1}/${id}`]] as const;
    await expectNoWriteRoutes(t, attempts, { state: 'INACTIVE' });
    expect(await snapshot(t.store)).toEqual(before);
  });
});
