// What other groups and the device simulator call (getServer, updateServerState, completePendingRegistrations),
// and a property of the mappers: any server, in any state, maps to a valid HPE object in every version.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hpeSchemaErrors } from '../../../test/helpers/hpe-openapi.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { generateServer } from '../../fleet/generate-server.ts';
import { CONNECTION_TYPES, GATED_PATHS, PLATFORM_FAMILIES, SUBSCRIPTION_STATES, UPDATE_STATUSES, type Server } from './model.ts';
import { completePendingRegistrations, discoverByHost } from './registration-service.ts';
import { findRegistration } from './registration-repository.ts';
import { getServer, updateServerState } from './service.ts';
import { JSON_BODY, KNOWN, seedFleets, V1 } from './servers.fixtures.ts';
import { toV1 } from './v1/mapper.ts';
import { toV1beta1 } from './v1beta1/mapper.ts';
import { toV1beta2 } from './v1beta2/mapper.ts';

let t: TestApp;
let fleets: Record<'A' | 'B' | 'T1', Server[]>;
beforeAll(async () => {
  t = await openTestApp();
  fleets = await seedFleets(t);
});
afterAll(() => t.close());

const scope = { prefix: 'compute-ops-mgmt' as const, version: 'v1' };
const has = (o: unknown, path: readonly string[]) =>
  path.reduce<unknown>((at, k) => (at && typeof at === 'object' && k in at ? (at as Record<string, unknown>)[k] : undefined), o) !== undefined;

describe('server service functions', () => {
  it('updateServerState applies a change with generation + 1 and a new updatedAt, and keeps the hot columns in step', async () => {
    const before = (await getServer(t.store, t.workspaces.A, KNOWN.on.id))!;
    const after = await updateServerState(t.store, t.workspaces.A, KNOWN.on.id, (s) => {
      s.hardware.powerState = 'OFF';
      return { ...s, id: 'tampered', createdAt: '2000-01-01T00:00:00.000000Z', generation: 1 };
    });
    expect(after).toMatchObject({ id: KNOWN.on.id, createdAt: before.createdAt, generation: before.generation + 1, hardware: { powerState: 'OFF' } });
    expect(after!.updatedAt > before.updatedAt).toBe(true);
    expect(await getServer(t.store, t.workspaces.A, KNOWN.on.id)).toEqual(after);
    const off = await t.call(t.callers.adminA, { method: 'GET', url: `${V1}?filter=${encodeURIComponent("hardware/powerState eq 'OFF'")}&select=id` });
    expect(off.json().items).toContainEqual({ id: KNOWN.on.id });
  });

  it('updateServerState and getServer see nothing outside the workspace', async () => {
    expect(await updateServerState(t.store, t.workspaces.B, KNOWN.on.id, (s) => s)).toBeUndefined();
    expect(await getServer(t.store, t.workspaces.B, KNOWN.on.id)).toBeUndefined();
    expect(await getServer(t.store, t.workspaces.B, fleets.B[0]!.id)).toEqual(fleets.B[0]);
  });

  it('updateServerState joins a transaction and rolls back with it', async () => {
    const before = (await getServer(t.store, t.workspaces.A, KNOWN.off.id))!;
    await expect(
      t.store.transaction(async (tx) => {
        await updateServerState(tx, t.workspaces.A, KNOWN.off.id, (s) => ({ ...s, maintenanceMode: true }));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await getServer(t.store, t.workspaces.A, KNOWN.off.id)).toEqual(before);
  });

  it('completes registrations with a discovery the simulator supplies, and forgets the password afterwards', async () => {
    const res = await t.call(t.callers.adminA, { method: 'POST', url: V1, headers: JSON_BODY, payload: { hardware: { bmc: { userDefined: { host: 'idrac-7', username: 'root', password: 'calvin' } } } } });
    const { jobId } = res.json() as { jobId: string };
    expect(await findRegistration(t.store, t.workspaces.A, jobId)).toMatchObject({ state: 'PENDING', host: 'idrac-7', password: 'calvin' });
    const [outcome] = await t.store.transaction((tx) =>
      completePendingRegistrations(tx, t.workspaces.A, (r) => ({ productId: 'R750', serialNumber: `SIM-${r.host}`, model: 'PowerEdge R750', manufacturer: 'Dell Inc.' })),
    );
    expect(outcome).toEqual({ jobId, state: 'COMPLETE', serverId: 'R750+SIM-idrac-7', failureReason: null });
    expect(await getServer(t.store, t.workspaces.A, 'R750+SIM-idrac-7')).toMatchObject({ name: 'SIM-idrac-7', hardware: { model: 'PowerEdge R750', manufacturer: 'Dell Inc.' } });
    expect(await findRegistration(t.store, t.workspaces.A, jobId)).toMatchObject({ state: 'COMPLETE', serverId: 'R750+SIM-idrac-7', password: '' });
    expect(discoverByHost({ host: 'idrac-7' } as never)).toEqual(discoverByHost({ host: 'IDRAC-7' } as never));
  });
});

describe('server mappers (property)', () => {
  const arbitraryServer = fc
    .record({
      seed: fc.integer({ min: 1, max: 1_000_000 }),
      subscription: fc.constantFrom(...SUBSCRIPTION_STATES),
      platform: fc.constantFrom(...PLATFORM_FAMILIES, null),
      connection: fc.constantFrom(...CONNECTION_TYPES, null),
      update: fc.option(fc.constantFrom(...UPDATE_STATUSES), { nil: null }),
      credentials: fc.boolean(),
    })
    .map(({ seed, subscription, platform, connection, update, credentials }): Server => {
      const s = generateServer(seed, 0, t.workspaces.A, 1_760_000_000_000, { subscriptionState: subscription }).server;
      s.platformFamily = platform;
      s.connectionType = connection;
      if (update) {
        s.lastFirmwareUpdate = {
          status: update,
          attemptedAt: s.updatedAt,
          attemptedBaselineUri: null,
          installSwDrivers: null,
          downgrade: false,
          powerOff: null,
          completedAt: null,
          bundleUpdateMethod: 'Stage',
          firmwareInventoryUpdates: [{ name: 'System ROM', version: '2.30', status: update }],
        };
      }
      if (credentials && s.hardware.bmc) s.hardware.bmc.userDefined = { host: '10.0.0.1', username: 'u', password: 'secret-pw', certificateFingerprint: '' };
      return s;
    });

  it('every version gives a valid HPE object that gates exactly the listed members and never the password', () => {
    fc.assert(
      fc.property(arbitraryServer, (s) => {
        const subscribed = s.state.subscriptionState === 'SUBSCRIBED';
        const versions: [object, string][] = [
          [toV1(s, scope), 'server-v1'],
          [toV1beta2(s, { ...scope, version: 'v1beta2' }), 'server-v1beta2'],
          [toV1beta1(s, { ...scope, version: 'v1beta1' }), 'server-v1beta2'],
        ];
        for (const [wire, schema] of versions) {
          expect(hpeSchemaErrors(schema, JSON.parse(JSON.stringify(wire)))).toEqual([]);
          // connectionType is v1 only, and absent when unknown.
          const shown = GATED_PATHS.filter((p) => p[0] !== 'connectionType' || (schema === 'server-v1' && s.connectionType !== null));
          for (const path of shown) expect(has(wire, path), path.join('.')).toBe(subscribed);
          expect(JSON.stringify(wire)).not.toContain('secret-pw');
        }
      }),
      { numRuns: 200 },
    );
  });
});
