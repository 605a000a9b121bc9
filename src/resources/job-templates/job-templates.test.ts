// job-templates v1beta2: the catalogue (happy), refusals (error) and access (security). The catalogue is the
// engine's (job-engine/templates.ts), published with each template's parameter schema.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError, expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { JOB_TEMPLATES, TEMPLATE_IDS } from '../../job-engine/templates.ts';

const BASE = '/compute-ops-mgmt/v1beta2/job-templates';
type Template = { id: string; name: string; resourceUri: string; schema: { type: string; properties: Record<string, Record<string, unknown>> } };
type Page = { items: Template[]; total: number; count: number; offset: number };

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

const list = async (query = '') => expectHpeSchema<Page>(await t.call(t.callers.observerA, { method: 'GET', url: `${BASE}${query}` }), 'jobTemplateCollection-v1beta2');
const byName = (name: string) => `?filter=${encodeURIComponent(`name eq '${name}'`)}`;

describe('job-templates catalogue', () => {
  it('lists the whole catalogue in one default page, by name, every item conforming to HPE schema', async () => {
    const page = await list();
    expect(page).toMatchObject({ offset: 0, total: JOB_TEMPLATES.length, count: JOB_TEMPLATES.length });
    const names = page.items.map((i) => i.name);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(['GroupFirmwareUpdate', 'FirmwareUpdate.New', 'PowerOn.New', 'PowerOff.New', 'AnalyzeFirmwareUpdate', 'GetSSOUrl']));
  });

  it("finds a template by exact name, with its parameters' JSON Schema", async () => {
    const { items } = await list(byName('GroupFirmwareUpdate'));
    expect(items).toHaveLength(1);
    const [group] = items;
    expect(group).toMatchObject({
      id: TEMPLATE_IDS.groupFirmwareUpdate,
      type: 'compute-ops-mgmt/job-template',
      generation: 1,
      resourceUri: `${BASE}/${TEMPLATE_IDS.groupFirmwareUpdate}`,
      name: 'GroupFirmwareUpdate',
      description: 'Group Firmware Update',
    });
    expect(group!.schema.type).toBe('object');
    expect(group!.schema.properties.parallel).toMatchObject({ type: 'boolean', default: false });
    expect(group!.schema.properties.devices).toMatchObject({ type: 'array', items: { type: 'string' } });
    const [firmware] = (await list(byName('FirmwareUpdate.New'))).items;
    expect(firmware!.schema.properties.bundle_id!.description).toMatch(/\(required\)$/);
    expect(JSON.stringify(firmware!.schema.properties.wait_for_power_off_or_reboot_timeout)).toContain('24');
  });

  it('filters, sorts and pages in SQL', async () => {
    const page = await list(`?filter=${encodeURIComponent("contains(name,'Group') and contains(name,'Firmware')")}&sort=${encodeURIComponent('name desc')}&limit=2&offset=1`);
    expect(page.items.map((i) => i.name)).toEqual(['GroupFirmwareDownload', 'GroupFirmwareCompliance']);
    expect(page).toMatchObject({ total: 3, count: 2, offset: 1 });
    const selected = (await t.call(t.callers.observerA, { method: 'GET', url: `${BASE}${byName('PowerOn.New')}&select=id,name` })).json();
    expect(selected.items).toEqual([{ id: TEMPLATE_IDS.powerOn, name: 'PowerOn.New' }]);
  });

  it('reads one template by id, in either case, and at the aliases old payloads carry', async () => {
    const one = expectHpeSchema<Template>(await t.call(t.callers.adminA, { method: 'GET', url: `${BASE}/${TEMPLATE_IDS.powerOff.toUpperCase()}` }), 'jobTemplate-v1beta2');
    expect(one).toMatchObject({ id: TEMPLATE_IDS.powerOff, name: 'PowerOff.New' });
    expect(one.schema.properties.operationType).toBeDefined();
    for (const [url, self] of [
      [`/compute-ops-mgmt/v1beta3/job-templates/${TEMPLATE_IDS.powerOff}`, `/compute-ops-mgmt/v1beta3/job-templates/${TEMPLATE_IDS.powerOff}`],
      [`/api/compute/v1/job-templates/${TEMPLATE_IDS.powerOff}`, `${BASE}/${TEMPLATE_IDS.powerOff}`],
      [`/compute-ops/v1beta2/job-templates/${TEMPLATE_IDS.powerOff}`, `/compute-ops/v1beta2/job-templates/${TEMPLATE_IDS.powerOff}`],
    ] as const) {
      const res = await t.call(t.callers.adminA, { method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.json()).toMatchObject({ id: TEMPLATE_IDS.powerOff, resourceUri: self });
    }
  });

  it('is the same catalogue for every workspace', async () => {
    const mine = (await list()).items.map((i) => i.id);
    const theirs = (await t.call(t.callers.adminB, { method: 'GET', url: BASE })).json().items.map((i: Template) => i.id);
    expect(theirs).toEqual(mine);
  });
});

describe('job-templates refusals', () => {
  it.each(['00000000-0000-4000-8000-000000000000', 'GroupFirmwareUpdate', '%2e%2e%2f'])('answers 404 for %s', async (id) => {
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${BASE}/${id}` }), 404, { key: 'NOT_FOUND' });
  });

  it('answers 400 to a broken filter, an unknown property or sort', async () => {
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${BASE}?filter=${encodeURIComponent("name eq 'x")}` }), 400, { subjects: ['filter'] });
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${BASE}?filter=${encodeURIComponent('schema/type eq 1')}` }), 400, { subjects: ['filter'] });
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${BASE}?sort=colour` }), 400, { subjects: ['sort'] });
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${BASE}?limit=abc` }), 400);
  });

  it('offers no writes', async () => {
    expectComError(await t.call(t.callers.adminA, { method: 'POST', url: BASE, headers: { 'content-type': 'application/json' }, payload: { name: 'x' } }), 404, { key: 'ROUTE_NOT_FOUND' });
    expectComError(await t.call(t.callers.adminA, { method: 'DELETE', url: `${BASE}/${TEMPLATE_IDS.powerOn}` }), 404, { key: 'ROUTE_NOT_FOUND' });
  });
});

describe('job-templates access', () => {
  it('requires a token, on the published path and on the aliases', async () => {
    for (const url of [BASE, `${BASE}/${TEMPLATE_IDS.powerOn}`, `/api/compute/v1/job-templates/${TEMPLATE_IDS.powerOn}`]) {
      expectComError(await t.call(null, { method: 'GET', url }), 401, { key: 'UNAUTHORIZED' });
    }
  });

  it('serves MSP tenants through Tenant-Acid and refuses a foreign tenant', async () => {
    expect((await t.call(t.callers.mspAdmin, { method: 'GET', url: BASE, headers: { 'tenant-acid': t.workspaces.T1 } })).statusCode).toBe(200);
    expectComError(await t.call(t.callers.adminB, { method: 'GET', url: BASE, headers: { 'tenant-acid': t.workspaces.T1 } }), 403, { key: 'TENANT_FORBIDDEN' });
  });
});
