// Shared by the firmware-bundles and appliance-firmware-bundles access suites: both serve an HPE catalogue that
// is the same for every workspace and role, and that no route can write.
import { expect } from 'vitest';
import { expectComError, expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import type { TestApp } from '../../../test/helpers/test-app.ts';

/** Every operation answers every caller of every workspace (MSP and tenant included) with the same body. */
export async function expectSameCatalogueForEveryone(t: TestApp, operations: readonly (readonly [url: string, schema: string])[]): Promise<void> {
  const callers = [t.callers.adminA, t.callers.operatorA, t.callers.observerA, t.callers.adminB, t.callers.mspAdmin, t.callers.tenant1Admin];
  for (const [url, schema] of operations) {
    const bodies = [];
    for (const caller of callers) bodies.push(expectHpeSchema(await t.call(caller, { method: 'GET', url }), schema));
    for (const body of bodies) expect(body).toEqual(bodies[0]);
  }
}

/** An administrator's writes find no route (404 ROUTE_NOT_FOUND); the caller checks the store is unchanged. */
export async function expectNoWriteRoutes(t: TestApp, attempts: readonly (readonly [method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string])[], payload: object): Promise<void> {
  for (const [method, url] of attempts) {
    const res = await t.call(t.callers.adminA, { method, url, headers: { 'content-type': 'application/json' }, payload });
    expectComError(res, 404, { key: 'ROUTE_NOT_FOUND' });
  }
}
