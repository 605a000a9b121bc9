// telemetry v1beta1, bad input: every malformed or out-of-range parameter answers a COM 400 naming it, and
// nothing stored changes.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError } from '../../../test/helpers/com-assert.ts';
import { seedServers } from '../../../test/helpers/fleet.ts';
import { snapshot } from '../../../test/helpers/snapshot.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import type { ErrorKey } from '../../http/com-error.ts';
import type { Server } from '../servers/model.ts';
import { recordSamples } from './service.ts';
import { dateOf, HOUR_MS, samples, serverUri, utcDay, util, V1BETA1 } from './telemetry.fixtures.ts';

let t: TestApp;
let server: Server;
let before: Record<string, unknown[]>;

beforeAll(async () => {
  t = await openTestApp();
  [server] = (await seedServers(t.store, t.workspaces.A, 1, { seed: 3, overrides: () => ({ subscriptionState: 'SUBSCRIBED' }) })) as [Server];
  await recordSamples(t.store, t.workspaces.A, samples(server.id, utcDay(-1) + 6 * HOUR_MS, 12, 900, util(20)));
  before = await snapshot(t.store);
});
afterAll(() => t.close());

const EOT = `${V1BETA1}/energy-over-time`;
const EBE = `${V1BETA1}/energy-by-entity`;
const UOT = `${V1BETA1}/utilization-over-time`;
const UBE = `${V1BETA1}/utilization-by-entity`;
const days = (n: number) => dateOf(utcDay(n));
const ok = () => `start-date=${days(-2)}&end-date=${days(0)}`;
// The server exists only once beforeAll ran; case URLs name it by a placeholder.
const SERVER = '__server__';
const uri = () => `resource-uri=${SERVER}`;
const q = encodeURIComponent;

// [what, url, parameter named by the issue, catalogue key]: schema failures are BAD_REQUEST, rule failures INVALID_QUERY.
const cases = (): [string, string, string, ErrorKey][] => [
  ['a missing start-date', `${EOT}?end-date=${days(0)}`, 'start-date', 'BAD_REQUEST'],
  ['a start-date that is no date', `${EOT}?start-date=yesterday`, 'start-date', 'INVALID_QUERY'],
  ['a start-date that names no day', `${EOT}?start-date=${new Date().getUTCFullYear()}-02-30`, 'start-date', 'INVALID_QUERY'],
  ['a start-date with an impossible hour', `${EOT}?start-date=${days(-1)}T24:00:00Z`, 'start-date', 'INVALID_QUERY'],
  ['a start-date more than 180 days ago', `${EOT}?start-date=${days(-181)}&end-date=${days(0)}`, 'start-date', 'INVALID_QUERY'],
  ['an end-date more than 180 days ahead', `${EOT}?start-date=${days(0)}&end-date=${days(181)}`, 'end-date', 'INVALID_QUERY'],
  ['an end-date that is no date', `${EOT}?start-date=${days(0)}&end-date=tomorrow`, 'end-date', 'INVALID_QUERY'],
  ['a start-date after the end-date', `${EOT}?start-date=${days(-1)}&end-date=${days(-2)}`, 'start-date', 'INVALID_QUERY'],
  ['an unknown sample-size', `${EOT}?${ok()}&sample-size=1_WEEK`, 'sample-size', 'BAD_REQUEST'],
  ['a 5_MINS series longer than 31 days', `${EOT}?start-date=${days(-40)}&end-date=${days(0)}&sample-size=5_MINS`, 'end-date', 'INVALID_QUERY'],
  ['projection-days above 180', `${EOT}?start-date=${days(0)}&projection-days=181`, 'projection-days', 'INVALID_QUERY'],
  ['projection-days that is no number', `${EOT}?start-date=${days(0)}&projection-days=many`, 'projection-days', 'INVALID_QUERY'],
  ['a resource-uri that is no COM URI', `${EOT}?${ok()}&resource-uri=${q('/etc/passwd')}`, 'resource-uri', 'INVALID_QUERY'],
  ['a resource-uri of an unknown server', `${EOT}?${ok()}&resource-uri=${serverUri('P00000-B21+NOSUCH')}`, 'resource-uri', 'INVALID_QUERY'],
  ['a resource-uri of an unknown saved filter', `${EOT}?${ok()}&resource-uri=${q(`/compute-ops-mgmt/v1beta1/filters/${randomUUID()}`)}`, 'resource-uri', 'INVALID_QUERY'],
  ['a resource-uri of an unknown group', `${EOT}?${ok()}&resource-uri=${q(`/compute-ops-mgmt/v1/groups/${randomUUID()}`)}`, 'resource-uri', 'INVALID_QUERY'],
  ['a group id that is no UUID', `${EOT}?${ok()}&resource-uri=${q('/compute-ops-mgmt/v1/groups/abc')}`, 'resource-uri', 'INVALID_QUERY'],
  ['a broken percent-encoding in a resource-uri', `${EOT}?${ok()}&resource-uri=${q('/compute-ops-mgmt/v1/servers/%E0%A4%A')}`, 'resource-uri', 'INVALID_QUERY'],
  ['an unterminated filter-tags', `${EOT}?${ok()}&filter-tags=${q("('Rack' eq 'R1'")}`, 'filter-tags', 'INVALID_QUERY'],
  ['an unquoted tag key', `${EOT}?${ok()}&filter-tags=${q("Rack eq 'R1'")}`, 'filter-tags', 'INVALID_QUERY'],
  ['an unknown tag operator', `${EOT}?${ok()}&filter-tags=${q("'Rack' gt 'R1'")}`, 'filter-tags', 'INVALID_QUERY'],
  ['a filter-tags longer than 2000 characters', `${EOT}?${ok()}&filter-tags=${q(`'Rack' eq '${'x'.repeat(2000)}'`)}`, 'filter-tags', 'INVALID_QUERY'],
  ['an unknown aggregate-by', `${EBE}?${ok()}&aggregate-by=RACK`, 'aggregate-by', 'BAD_REQUEST'],
  ['tag names without SERVER_TAG_VALUES', `${EBE}?${ok()}&aggregation-tag-names=Rack`, 'aggregation-tag-names', 'INVALID_QUERY'],
  ['SERVER_TAG_VALUES without tag names', `${EBE}?${ok()}&aggregate-by=SERVER_TAG_VALUES`, 'aggregation-tag-names', 'INVALID_QUERY'],
  ['four aggregation tag names', `${EBE}?${ok()}&aggregate-by=SERVER_TAG_VALUES&aggregation-tag-names=a,b,c,d`, 'aggregation-tag-names', 'INVALID_QUERY'],
  ['an empty aggregation tag name', `${EBE}?${ok()}&aggregate-by=SERVER_TAG_VALUES&aggregation-tag-names=Rack,,Row`, 'aggregation-tag-names', 'INVALID_QUERY'],
  ['a filter on a property that is not filterable', `${EBE}?${ok()}&filter=${q("name eq 'x'")}`, 'filter', 'INVALID_QUERY'],
  ['a malformed filter', `${EBE}?${ok()}&filter=${q("entityDetails/model eq")}`, 'filter', 'INVALID_QUERY'],
  ['an unknown sort property', `${EBE}?${ok()}&sort=${q('kwh/median asc')}`, 'sort', 'INVALID_QUERY'],
  ['a negative offset', `${EBE}?${ok()}&offset=-1`, 'offset', 'INVALID_QUERY'],
  ['a limit that is no number', `${EBE}?${ok()}&limit=ten`, 'limit', 'INVALID_QUERY'],
  ['an excluded-servers that is no boolean', `${EBE}?${ok()}&excluded-servers=maybe`, 'excluded-servers', 'BAD_REQUEST'],
  ['utilization without resource-uri', `${UOT}?${ok()}&metric-type=CPU_UTILIZATION`, 'resource-uri', 'BAD_REQUEST'],
  ['utilization with an empty resource-uri', `${UOT}?${ok()}&metric-type=CPU_UTILIZATION&resource-uri=`, 'resource-uri', 'INVALID_QUERY'],
  ['utilization without metric-type', `${UOT}?${ok()}&${uri()}`, 'metric-type', 'BAD_REQUEST'],
  ['an unknown metric-type', `${UOT}?${ok()}&${uri()}&metric-type=GPU_UTILIZATION`, 'metric-type', 'BAD_REQUEST'],
  ['utilization without end-date', `${UOT}?start-date=${days(-1)}&${uri()}&metric-type=CPU_UTILIZATION`, 'end-date', 'BAD_REQUEST'],
  ['an unknown utilization sort property', `${UBE}?${ok()}&${uri()}&metric-type=CPU_UTILIZATION&sort=${q('collected/median')}`, 'sort', 'INVALID_QUERY'],
  ['a utilization date outside the 180-day window', `${UBE}?start-date=${days(-200)}&end-date=${days(0)}&${uri()}&metric-type=CPU_UTILIZATION`, 'start-date', 'INVALID_QUERY'],
];

describe('telemetry bad input', () => {
  it.each(cases().map((c) => [c[0], c] as const))('answers 400 to %s, naming the parameter', async (_what, [, url, subject, key]) => {
    const res = await t.call(t.callers.adminA, { method: 'GET', url: url.replace(SERVER, serverUri(server.id)) });
    const body = expectComError(res, 400, { key, subjects: [subject] });
    const issues = (body.errorDetails as { issues: { source: string }[] }[])[0]!.issues;
    expect(issues.every((i) => i.source === 'query.parameter')).toBe(true);
  });

  it('clamps a limit above 1000 instead of refusing it, and defaults to 10 items', async () => {
    await seedServers(t.store, t.workspaces.B, 12, { seed: 5, overrides: () => ({ subscriptionState: 'SUBSCRIBED' }) });
    const res = await t.call(t.callers.adminB, { method: 'GET', url: `${EBE}?${ok()}&excluded-servers=true` });
    expect(res.json()).toMatchObject({ count: 10, total: 12 });
    const clamped = await t.call(t.callers.adminB, { method: 'GET', url: `${EBE}?${ok()}&excluded-servers=true&limit=100000` });
    expect(clamped.json()).toMatchObject({ count: 12, total: 12 });
    await t.store.run('DELETE FROM servers WHERE workspace_id = ?', [t.workspaces.B]);
  });

  it('answers 406 to an Accept it cannot satisfy and 401 without a token', async () => {
    expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${EOT}?${ok()}`, headers: { accept: 'text/csv' } }), 406, { key: 'NOT_ACCEPTABLE' });
    expectComError(await t.call(null, { method: 'GET', url: `${UBE}?${ok()}&resource-uri=${serverUri(server.id)}&metric-type=CPU_UTILIZATION` }), 401, { key: 'UNAUTHORIZED' });
  });

  it('stored nothing and lost nothing while refusing all of the above', async () => {
    expect(await snapshot(t.store)).toEqual(before);
  });
});
