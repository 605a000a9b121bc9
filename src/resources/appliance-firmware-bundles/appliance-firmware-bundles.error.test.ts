// appliance-firmware-bundles: bad input. Every refusal is a COM 4xx, and nothing stored changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError } from '../../../test/helpers/com-assert.ts';
import { snapshot } from '../../../test/helpers/snapshot.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { APPLIANCE_CATALOGUE } from './catalogue.ts';

const LISTS = ['/compute-ops-mgmt/v1/appliance-firmware-bundles', '/compute-ops-mgmt/v1beta1/appliance-firmware-bundles'];

let t: TestApp;
let before: Record<string, unknown[]>;

beforeAll(async () => {
  t = await openTestApp();
  before = await snapshot(t.store);
});
afterAll(() => t.close());

const get = (url: string) => t.call(t.callers.adminA, { method: 'GET', url });

describe('appliance-firmware-bundles bad input', () => {
  it.each([
    ['filter', 'applianceType eq'],
    ['filter', "eq(applianceType,'VM'"],
    ['filter', "nosuch eq 'x'"],
    ['filter', "tolower(milestone) eq 'true'"],
    ['sort', 'supportedUpgrades asc'],
    ['sort', 'applianceVersion upward'],
    ['offset', '-1'],
    ['limit', 'many'],
    ['select', '//'],
    ['displayAppliances', 'yes'],
    ['displayAppliances', '1'],
  ])('lists answer 400 naming a bad %s (%s)', async (parameter, value) => {
    for (const list of LISTS) {
      expectComError(await get(`${list}?${parameter}=${encodeURIComponent(value)}`), 400, { key: 'INVALID_QUERY', subjects: [parameter] });
    }
  });

  it.each(['00000000000000000000000000000000', APPLIANCE_CATALOGUE[0]!.id.slice(1), 'x'.repeat(300), '..%2F..%2Fetc', "'%20OR%201=1--", '%E2%9C%93', '9.30.00'])(
    'answers 404 for the bundle %s',
    async (id) => {
      for (const list of LISTS) expectComError(await get(`${list}/${id}`), 404, { key: 'NOT_FOUND' });
    },
  );

  it('refuses a NUL in an id or a query with 400', async () => {
    for (const list of LISTS) {
      expectComError(await get(`${list}/%00`), 400);
      expectComError(await get(`${list}?filter=applianceVersion%20eq%20'%00'`), 400);
    }
  });

  it('stored nothing and lost nothing while refusing all of the above', async () => {
    expect(await snapshot(t.store)).toEqual(before);
  });
});
