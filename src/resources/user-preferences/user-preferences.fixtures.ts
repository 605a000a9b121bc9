// Shared by the user-preferences suites: paths, and creating or reading a caller's object over HTTP.
import { expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import type { Caller, TestApp } from '../../../test/helpers/test-app.ts';

export const V1 = '/compute-ops-mgmt/v1/user-preferences';
export const V1BETA1 = '/compute-ops-mgmt/v1beta1/user-preferences';
export const json = { 'content-type': 'application/json' };

export type Pref = Record<string, unknown> & { id: string; generation: number };

/** POSTs preferences for `caller` and checks the answer against HPE's schema of that version. */
export async function create(t: TestApp, caller: Caller, body: Record<string, unknown>, base = V1, headers: Record<string, string> = {}): Promise<Pref> {
  const res = await t.call(caller, { method: 'POST', url: base, headers: { ...json, ...headers }, payload: body });
  return expectHpeSchema<Pref>(res, base === V1 ? 'userPreferencesResponse-v1' : 'userPreferencesResponse-v1beta1');
}

/** The stored object as v1 shows it to its owner. */
export async function stored(t: TestApp, caller: Caller, id: string): Promise<Pref> {
  return (await t.call(caller, { method: 'GET', url: `${V1}/${id}` })).json() as Pref;
}

/** (critical, criticalNonService, warning, valid): the cumulative hierarchy's truth table (user-preferences.md §1.2). */
export const NOTIFICATION_COMBINATIONS = [
  [false, false, false, true],
  [true, false, false, true],
  [true, true, false, true],
  [true, true, true, true],
  [false, true, false, false],
  [false, false, true, false],
  [false, true, true, false],
  [true, false, true, false],
] as const;
