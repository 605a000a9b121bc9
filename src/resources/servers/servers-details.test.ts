// A server's sub-resources in v1 and v1beta2: inventory and its subset, raw inventory, security parameters,
// switch-port mappings, external storage, log download links and OS-install analysis.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError, expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import { hpeSchemaErrors } from '../../../test/helpers/hpe-openapi.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import type { Server, ServerDetails } from './model.ts';
import { completePendingRegistrations } from './registration-service.ts';
import { findDetails, saveDetails } from './repository.ts';
import { updateServerState } from './service.ts';
import { enc, JSON_BODY, KNOWN, seedFleets, V1, V1BETA2 } from './servers.fixtures.ts';

type Body = Record<string, unknown>;
let t: TestApp;
let fleets: Record<'A' | 'B' | 'T1', Server[]>;
let details: ServerDetails;
const ON = enc(KNOWN.on.id);

beforeAll(async () => {
  t = await openTestApp();
  fleets = await seedFleets(t);
  details = (await findDetails(t.store, t.workspaces.A, KNOWN.on.id))!;
});
afterAll(() => t.close());

const get = (url: string, caller = t.callers.adminA) => t.call(caller, { method: 'GET', url });
const subset = (base: string, payload: unknown, query = '?format=json') => t.call(t.callers.adminA, { method: 'POST', url: `${base}/${ON}/inventory${query}`, headers: JSON_BODY, payload: JSON.stringify(payload) });
const withDetails = (change: Partial<ServerDetails>) => saveDetails(t.store, t.workspaces.A, KNOWN.on.id, { ...details, ...change });

describe('server sub-resources: happy paths', () => {
  it('returns the Redfish-shaped inventory in both versions', async () => {
    for (const [base, schema] of [[V1, 'inventory-v1'], [V1BETA2, 'inventory-v1beta2']] as const) {
      const inv = expectHpeSchema<Body & { memory: { data: Body[] }; processor: { data: Body[] } }>(await get(`${base}/${ON}/inventory`), schema);
      expect(inv).toMatchObject({ id: KNOWN.on.id, type: 'compute-ops-mgmt/server/inventory', serial: KNOWN.on.serialNumber, productId: KNOWN.on.productId });
      expect(inv.memory.data[0]).toMatchObject({ CapacityMiB: expect.any(Number), DeviceLocator: expect.any(String), Oem: { Hpe: { DIMMStatus: 'GoodInUse' } } });
      expect(inv.processor.data[0]).toMatchObject({ ProcessorType: 'CPU', Model: expect.any(String), SerialNumber: expect.any(String) });
    }
  });

  it('projects the inventory onto HPE-style templates, matching keys ignoring case and spelling answers like the template', async () => {
    const template = {
      chassis: { data: [{ chassisType: null, oem: { hpe: { formfactor: null } } }] },
      processor: { data: [{ model: null, name: null, maxSpeedMHz: null, totalCores: null, totalThreads: null, status: null }] },
    };
    for (const [base, schema] of [[V1, 'subsetServerInventoryResponse-v1'], [V1BETA2, 'subsetServerInventoryResponse-v1beta2']] as const) {
      const body = expectHpeSchema<Body>(await subset(base, template), schema);
      const chassis = details.inventory.chassis.data![0]!;
      const cpu = details.inventory.processor.data![0]!;
      expect(body).toEqual({
        chassis: { data: [{ chassisType: chassis.ChassisType, oem: { hpe: { formfactor: (chassis.Oem as { Hpe: { FormFactor: string } }).Hpe.FormFactor } } }] },
        processor: {
          data: details.inventory.processor.data!.map(() => ({
            model: cpu.Model,
            name: cpu.Name,
            maxSpeedMHz: cpu.MaxSpeedMHz,
            totalCores: cpu.TotalCores,
            totalThreads: cpu.TotalThreads,
            status: { health: 'OK', state: 'Enabled' },
          })),
        },
      });
    }
    const pascal = (await subset(V1, { memory: { data: [{ CapacityMiB: null }] }, Processor: { collectionState: null } }, '?format=JSON')).json();
    expect(pascal).toEqual({ memory: { data: details.inventory.memory.data!.map((m) => ({ CapacityMiB: m.CapacityMiB })) }, Processor: { collectionState: 'Success' } });
    const full = (await get(`${V1}/${ON}/inventory`)).json();
    expect((await subset(V1, {})).json()).toEqual(full);
    const empty = await t.call(t.callers.adminA, { method: 'POST', url: `${V1}/${ON}/inventory?format=json`, headers: JSON_BODY });
    expect(empty.json()).toEqual(full);
  });

  it('serves the deprecated raw inventory with Deprecation, Sunset and Link headers', async () => {
    for (const [base, schema] of [[V1, 'rawInventory-v1'], [V1BETA2, 'rawInventory-v1beta2']] as const) {
      const res = await get(`${base}/${ON}/raw-inventory`);
      const raw = expectHpeSchema<Body & { firmwareInventory: Body[] }>(res, schema);
      expect(raw).toMatchObject({ id: KNOWN.on.id, type: 'compute-ops-mgmt/server/raw-inventory', serial: KNOWN.on.serialNumber });
      expect(raw.firmwareInventory).toEqual(details.inventory.firmware.data);
      expect(res.headers.deprecation).toBe('Thu, 07 Nov 2024 00:00:00 GMT');
      expect(res.headers.sunset).toBe('Fri, 30 May 2025 00:00:00 GMT');
      expect(res.headers.link).toBe(`</compute-ops-mgmt/v1/servers/${KNOWN.on.id}/inventory>; rel="successor-version"`);
    }
  });

  it('derives the overall security status from the parameters the user did not ignore', async () => {
    const params = details.securityParameters.map((p) => ({ ...p, securityStatus: 'OK' as const, state: 'ENABLED' as const }));
    const risky = { ...params[0]!, securityStatus: 'RISK' as const, state: 'DISABLED' as const };
    const cases: [ServerDetails['securityParameters'], string][] = [
      [params, 'OK'],
      [[{ ...risky, ignore: true }, ...params.slice(1)], 'OK'],
      [[risky, ...params.slice(1)], 'RISK'],
    ];
    for (const [securityParameters, overall] of cases) {
      await withDetails({ securityParameters });
      for (const [base, schema] of [[V1, 'securityParametersResponse-v1'], [V1BETA2, 'securityParametersResponse-v1beta2']] as const) {
        const body = expectHpeSchema(await get(`${base}/${ON}/security-parameters`), schema);
        expect(body).toMatchObject({ id: KNOWN.on.id, type: 'compute-ops-mgmt/server/security-parameter', resourceUri: `${base}/${KNOWN.on.id}/security-parameters`, overallSecurityStatus: overall });
      }
    }
    await withDetails({});
  });

  it('pages the switch-port mappings', async () => {
    for (const [base, schema] of [[V1, 'torPortMappingsCollection-v1'], [V1BETA2, 'torPortMappingsCollection-v1beta2']] as const) {
      const all = expectHpeSchema<{ items: Body[] }>(await get(`${base}/${ON}/tor-port-mappings`), schema);
      expect(all).toMatchObject({ offset: 0, count: 2, total: 2 });
      expect(all.items[0]).toMatchObject({ serverId: KNOWN.on.id, type: 'compute-ops-mgmt/server/tor-port-mapping', portMac: details.torPortMappings[0]!.portMac });
      expect(expectHpeSchema(await get(`${base}/${ON}/tor-port-mappings?offset=1&limit=1`), schema)).toMatchObject({ offset: 1, count: 1, total: 2, items: [all.items[1]] });
      expect(expectHpeSchema(await get(`${base}/${ON}/tor-port-mappings?limit=5000`), schema)).toMatchObject({ count: 2 });
    }
  });

  it('answers external storage details only once they were gathered', async () => {
    expectComError(await get(`${V1}/${ON}/external-storage-details`), 404, { key: 'NOT_FOUND' });
    const externalStorage = {
      createdAt: '2026-01-12T09:21:35.489466Z',
      updatedAt: '2026-01-12T09:21:35.489466Z',
      generation: 1,
      hostName: 'esx-prod-017',
      hostOs: 'VMWARE_ESXI' as const,
      hostGroups: [{ id: '0b9dc54a-523f-421e-9e0f-6b586abb6b55', name: 'esx-cluster' }],
      volumeDetails: [{ lun: 1, name: 'datastore-01' }],
    };
    await withDetails({ externalStorage });
    for (const [base, schema] of [[V1, 'serverVolumeDetailsResponse-v1'], [V1BETA2, 'serverVolumeDetailsResponse-v1beta2']] as const) {
      const res = await get(`${base}/${ON}/external-storage-details`);
      expect(res.statusCode).toBe(200);
      // HPE declares serverId a uuid, but it carries the server id (servers.md §5.5): that one deviation is expected.
      expect(hpeSchemaErrors(schema, res.json()).filter((e) => !e.startsWith('/serverId must match format'))).toEqual([]);
      expect(res.json()).toEqual({ serverId: KNOWN.on.id, ...externalStorage });
    }
    await withDetails({});
  });

  it('gives a ten-minute download link for collected logs that serves a zip without a token', async () => {
    expectComError(await get(`${V1}/${ON}/download-logs`), 404, { key: 'NOT_FOUND' });
    await updateServerState(t.store, t.workspaces.A, KNOWN.on.id, (s) => ({ ...s, lastServerLogCollectionAt: '2026-05-19T07:00:00.000000Z' }));
    const before = Date.now();
    const link = expectHpeSchema<{ downloadUrl: string; expiresAt: string }>(await get(`${V1}/${ON}/download-logs`), 'downloadLogsResponse-v1');
    expect(link).toMatchObject({ id: KNOWN.on.id, type: 'compute-ops-mgmt/server/download-logs' });
    expect(Date.parse(link.expiresAt) - before).toBeGreaterThanOrEqual(10 * 60_000 - 1000);
    const url = new URL(link.downloadUrl);
    expect(url.pathname.startsWith(`${V1}/${ON}/download-logs/`)).toBe(true);
    const zip = await t.app.inject({ method: 'GET', url: url.pathname });
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    expect(zip.rawPayload.subarray(0, 4).toString('hex')).toBe('504b0304');
    expect(zip.rawPayload.toString('utf8')).toContain(`server: ${KNOWN.on.id}`);
    expectComError(await t.app.inject({ method: 'GET', url: url.pathname.replace(/[^/]+\.zip$/, 'A'.repeat(32) + '.zip') }), 404);
    expectComError(await t.app.inject({ method: 'GET', url: url.pathname.replace(ON, enc(KNOWN.off.id)) }), 404);
    expectComError(await get(`${V1BETA2}/${ON}/download-logs`), 404, { key: 'ROUTE_NOT_FOUND' });
  });

  it('tells whether an OS can be installed on an existing storage volume, ignoring any body', async () => {
    for (const [base, schema] of [[V1, 'analyzeOsInstallResponse-v1'], [V1BETA2, 'analyzeOsInstallResponse-v1beta2']] as const) {
      const plain = await t.call(t.callers.observerA, { method: 'POST', url: `${base}/${ON}/analyze-os-install` });
      expect(expectHpeSchema(plain, schema)).toEqual({ serverHasStorageVolume: details.hasStorageVolume });
      const withBody = await t.call(t.callers.adminA, { method: 'POST', url: `${base}/${ON}/analyze-os-install`, headers: JSON_BODY, payload: { id: KNOWN.on.id } });
      expect(expectHpeSchema(withBody, schema)).toEqual({ serverHasStorageVolume: details.hasStorageVolume });
    }
  });

  it('answers for a server nothing was collected from yet', async () => {
    await t.call(t.callers.adminA, { method: 'POST', url: V1, headers: JSON_BODY, payload: { hardware: { bmc: { userDefined: { host: '10.9.9.9', username: 'u', password: 'p' } } } } });
    const [done] = await completePendingRegistrations(t.store, t.workspaces.A);
    const id = enc(done!.serverId!);
    expect(expectHpeSchema<Body>(await get(`${V1}/${id}/inventory`), 'inventory-v1')).toMatchObject({ memory: { collectionState: null, modified: null, data: null } });
    expect(expectHpeSchema(await get(`${V1}/${id}/security-parameters`), 'securityParametersResponse-v1')).toMatchObject({ overallSecurityStatus: 'OK', iloSecurityParams: [] });
    expect(expectHpeSchema(await get(`${V1}/${id}/tor-port-mappings`), 'torPortMappingsCollection-v1')).toMatchObject({ count: 0, total: 0 });
    expectHpeSchema(await get(`${V1}/${id}/raw-inventory`), 'rawInventory-v1');
  });
});

describe('server sub-resources: errors', () => {
  it('requires format=json and a template naming inventory categories', async () => {
    expectComError(await subset(V1, {}, ''), 400, { subjects: ['format'] });
    expectComError(await subset(V1, {}, '?format=xml'), 400, { subjects: ['format'] });
    expectComError(await subset(V1BETA2, { cpu: null }), 400, { subjects: ['cpu'] });
    expectComError(await subset(V1, { processor: 'model' }), 400, { subjects: ['processor'] });
    expectComError(await subset(V1, ['processor']), 400);
    expectComError(await t.call(t.callers.adminA, { method: 'POST', url: `${V1}/${ON}/inventory?format=json`, headers: { 'content-type': 'text/plain' }, payload: '{}' }), 415);
  });

  it('refuses bad paging and answers 404 for unknown servers on every sub-resource', async () => {
    expectComError(await get(`${V1}/${ON}/tor-port-mappings?offset=-1`), 400, { subjects: ['offset'] });
    const unknown = enc('P00000-B21+NOSUCH');
    for (const base of [V1, V1BETA2]) {
      for (const sub of ['inventory', 'raw-inventory', 'security-parameters', 'tor-port-mappings', 'external-storage-details']) {
        expectComError(await get(`${base}/${unknown}/${sub}`), 404, { key: 'NOT_FOUND' });
      }
      expectComError(await t.call(t.callers.adminA, { method: 'POST', url: `${base}/${unknown}/analyze-os-install` }), 404);
      expectComError(await t.call(t.callers.adminA, { method: 'POST', url: `${base}/${unknown}/inventory?format=json`, headers: JSON_BODY, payload: {} }), 404);
    }
    expectComError(await get(`${V1}/${unknown}/download-logs`), 404);
  });
});

describe('server sub-resources: security', () => {
  it("other workspaces see none of A's server documents", async () => {
    for (const caller of [t.callers.adminB, t.callers.mspAdmin]) {
      for (const sub of ['inventory', 'raw-inventory', 'security-parameters', 'tor-port-mappings', 'download-logs']) expectComError(await get(`${V1}/${ON}/${sub}`, caller), 404);
      expectComError(await t.call(caller, { method: 'POST', url: `${V1}/${ON}/analyze-os-install` }), 404);
    }
    expectComError(await t.call(null, { method: 'GET', url: `${V1}/${ON}/inventory` }), 401);
  });

  it('an MSP reads a tenant server with Tenant-Acid', async () => {
    const res = await t.call(t.callers.mspAdmin, { method: 'GET', url: `${V1}/${enc(fleets.T1[0]!.id)}/inventory`, headers: { 'tenant-acid': t.workspaces.T1 } });
    expect(expectHpeSchema<Body>(res, 'inventory-v1').id).toBe(fleets.T1[0]!.id);
  });
});
