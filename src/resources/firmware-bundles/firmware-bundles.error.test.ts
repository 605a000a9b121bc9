// firmware-bundles: bad input. Every refusal is a COM 4xx, and nothing stored changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError, expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import { snapshot } from '../../../test/helpers/snapshot.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { FIRMWARE_CATALOGUE } from './catalogue/catalogue.ts';

const V1 = '/compute-ops-mgmt/v1/firmware-bundles';
const V1BETA2 = '/compute-ops-mgmt/v1beta2/firmware-bundles';
const LISTS = [V1, V1BETA2, '/compute-ops-mgmt/v1beta1/firmware-bundles'];

let t: TestApp;
let before: Record<string, unknown[]>;

beforeAll(async () => {
  t = await openTestApp();
  before = await snapshot(t.store);
});
afterAll(() => t.close());

const get = (url: string) => t.call(t.callers.adminA, { method: 'GET', url });

describe('firmware-bundles bad input', () => {
  it.each([
    ['filter', 'releaseVersion eq'],
    ['filter', "nosuch eq 'x'"],
    ['filter', "releaseVersion eq '2025.07.00.00"],
    ['filter', "tolower(isActive) eq 'true'"],
    ['filter', 'components/name eq 1'],
    ['sort', 'supportedOsList asc'],
    ['sort', 'releaseVersion sideways'],
    ['sort', 'nosuch desc'],
    ['offset', '-1'],
    ['offset', 'x'],
    ['limit', 'ten'],
    ['select', '//'],
  ])('lists answer 400 naming a bad %s (%s)', async (parameter, value) => {
    for (const list of LISTS) {
      expectComError(await get(`${list}?${parameter}=${encodeURIComponent(value)}`), 400, { key: 'INVALID_QUERY', subjects: [parameter] });
    }
  });

  it('v1beta2 refuses filters on the fields only v1 shows', async () => {
    for (const filter of ["displayName eq 'x'", "platformFamily eq 'PROLIANT'", "description eq 'x'"]) {
      expectComError(await get(`${V1BETA2}?filter=${encodeURIComponent(filter)}`), 400, { key: 'INVALID_QUERY', subjects: ['filter'] });
      expect((await get(`${V1}?filter=${encodeURIComponent(filter)}`)).statusCode).toBe(200);
    }
  });

  it('matches nothing for a filter value of the wrong type or an unknown enum value, rather than failing', async () => {
    for (const filter of ["isActive eq 'maybe'", "bundleGeneration eq 'BUNDLE_GEN_9'", "releaseVersion eq 2025", 'releaseDate eq 7']) {
      const page = expectHpeSchema<{ total: number }>(await get(`${V1}?filter=${encodeURIComponent(filter)}`), 'firmwareBundleCollection-v1');
      expect(page.total, filter).toBe(0);
    }
  });

  it('clamps a limit above 1000 instead of refusing it', async () => {
    const page = expectHpeSchema<{ count: number; total: number }>(await get(`${V1}?limit=1000000`), 'firmwareBundleCollection-v1');
    expect(page.count).toBe(FIRMWARE_CATALOGUE.length);
    const empty = expectHpeSchema<{ count: number; total: number }>(await get(`${V1}?offset=99999999999999999999`), 'firmwareBundleCollection-v1');
    expect(empty).toMatchObject({ count: 0, total: FIRMWARE_CATALOGUE.length });
  });

  const UNKNOWN = [
    '00000000000000000000000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    FIRMWARE_CATALOGUE[0]!.id.slice(0, 31),
    `${FIRMWARE_CATALOGUE[0]!.id}0`,
    'x'.repeat(300),
    '..%2F..%2Fetc%2Fpasswd',
    "'%20OR%201=1--",
    '%E2%9C%93',
    '-1',
  ];
  it.each(UNKNOWN)('answers 404 for the bundle %s on every operation', async (id) => {
    for (const url of [`${V1}/${id}`, `${V1}/${id}/bundle-details`, `${V1BETA2}/${id}`, `/compute-ops-mgmt/v1beta1/firmware-bundles/${id}`, `/compute-ops/v1beta2/firmware-bundles/${id}`]) {
      expectComError(await get(url), 404, { key: 'NOT_FOUND' });
    }
  });

  it('refuses a NUL in an id or a query with 400', async () => {
    for (const url of [`${V1}/%00`, `${V1}/a%00b/bundle-details`, `${V1BETA2}/${FIRMWARE_CATALOGUE[0]!.id}%00`, `${V1}?filter=releaseVersion%20eq%20'%00'`]) {
      expectComError(await get(url), 400);
    }
  });

  it('stored nothing and lost nothing while refusing all of the above', async () => {
    expect(await snapshot(t.store)).toEqual(before);
  });
});
