// async-operations: behaviour. Producers record and advance operations (service), readers list, page,
// filter and read them through v1 and v1beta1 under both prefixes, within the 7-day window (purged or not),
// and cancel the cancellable ones.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { age, base, expectOperation, expectPage, GROUP, json, record, type Version } from './async-operations.fixtures.ts';
import { AsyncOperationService } from './reader.ts';
import { advanceAsyncOperation, asyncOperationLocation, purgeExpiredAsyncOperations, recordAsyncOperation } from './service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.store.run('DELETE FROM async_operations');
});

const get = async (id: string, version: Version = 'v1', prefix?: string) =>
  expectOperation(await t.call(t.callers.adminA, { method: 'GET', url: `${base(version, prefix)}/${id}` }), version, prefix);

describe('recording and advancing (the producer service)', () => {
  it('records an INITIALIZED operation with no start or end yet', async () => {
    const id = await record(t, t.workspaces.A, { state: 'INITIALIZED', logMessages: [] });
    const op = await get(id);
    expect(op).toMatchObject({ id, generation: 1, state: 'INITIALIZED', progressPercent: 0, logMessages: [], error: null, recommendations: [], results: [] });
    expect(op.createdAt).toBe(op.updatedAt);
    expect(op).not.toHaveProperty('startedAt');
    expect(op).not.toHaveProperty('endedAt');
  });

  it('moves an operation through RUNNING to SUCCEEDED, stamping times, generations and log lines', async () => {
    const id = await record(t, t.workspaces.A, { state: 'INITIALIZED', logMessages: [] });
    await t.store.transaction((tx) => advanceAsyncOperation(tx, t.workspaces.A, id, { state: 'RUNNING', logMessages: ['The async operation has started'] }));
    const running = await get(id);
    expect(running).toMatchObject({ generation: 2, state: 'RUNNING' });
    expect(running.startedAt).toBe(running.updatedAt);
    expect(running.logMessages).toEqual([{ message: 'The async operation has started', timestamp: running.startedAt }]);
    expect(running).not.toHaveProperty('endedAt');

    const serverId = 'P52560-B21+CZJ3210ABC';
    await t.store.transaction((tx) =>
      advanceAsyncOperation(tx, t.workspaces.A, id, {
        state: 'SUCCEEDED',
        progressPercent: 100,
        logMessages: ['1 of 1 devices assigned to group'],
        resultPaths: [`v1/groups/${GROUP}/devices/${serverId}`],
      }),
    );
    const done = await get(id);
    expect(done).toMatchObject({ generation: 3, state: 'SUCCEEDED', progressPercent: 100, startedAt: running.startedAt, endedAt: done.updatedAt });
    expect(done.updatedAt > running.updatedAt).toBe(true);
    expect(done.logMessages.map((m) => m.message)).toEqual(['The async operation has started', '1 of 1 devices assigned to group']);
    expect(done.results).toEqual([{ resourceUri: `/compute-ops-mgmt/v1/groups/${GROUP}/devices/${serverId}` }]);
  });

  it('stamps start and end at once for work recorded as already finished', async () => {
    const op = await get(await record(t, t.workspaces.A, { state: 'SUCCEEDED', progressPercent: 100 }));
    expect(op.startedAt).toBe(op.createdAt);
    expect(op.endedAt).toBe(op.createdAt);
  });

  it('keeps a FAILED operation\'s error, debugId included, the same on every read', async () => {
    const id = await record(t, t.workspaces.A, {
      state: 'FAILED',
      progressPercent: 40,
      error: {
        httpStatusCode: 404,
        errorCode: 'HPE-GL-COMPUTE_OPS-0404001',
        message: 'Server P52560-B21+X was not found',
        errorDetails: [{ type: 'hpe.greenlake.bad_request', issues: [{ source: 'field', subject: 'devices.0.serverId', description: 'not found' }] }],
      },
      recommendations: ['Examine the error field for information and retry the operation.'],
    });
    const first = await get(id);
    expect(first.error).toMatchObject({ httpStatusCode: 404, errorCode: 'HPE-GL-COMPUTE_OPS-0404001', message: 'Server P52560-B21+X was not found' });
    expect(first.error!.errorDetails).toEqual([{ type: 'hpe.greenlake.bad_request', issues: [{ source: 'field', subject: 'devices.0.serverId', description: 'not found' }] }]);
    expect(first.error!.debugId).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.recommendations).toEqual(['Examine the error field for information and retry the operation.']);
    expect((await get(id, 'v1beta1')).error).toEqual(first.error);
  });

  it('commits with the producer\'s transaction, and vanishes with it', async () => {
    const failed = await t.store
      .transaction(async (tx) => {
        await recordAsyncOperation(tx, {
          workspaceId: t.workspaces.A,
          operationType: 'REMOVE_DEVICE_FROM_GROUP',
          sourceResourcePath: `v1/groups/${GROUP}/devices`,
          state: 'RUNNING',
          progressPercent: 0,
          logMessages: [],
          resultPaths: [],
        });
        throw new Error('the work it reports failed');
      })
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(Error);
    expect(await t.store.all('SELECT id FROM async_operations')).toEqual([]);
  });

  it('leaves a cancelled operation alone, so a worker that lost the race still commits', async () => {
    const id = await record(t, t.workspaces.A, { operationType: 'SUSTAINABILITY_METRICS_COLLECTION', sourceResourcePath: 'v1/metrics-configurations' });
    expect((await t.call(t.callers.adminA, { method: 'POST', url: `${base('v1')}/${id}/cancel`, headers: json })).statusCode).toBe(202);
    await t.store.transaction((tx) => advanceAsyncOperation(tx, t.workspaces.A, id, { state: 'SUCCEEDED', progressPercent: 100 }));
    expect(await get(id)).toMatchObject({ state: 'CANCELLED', generation: 2 });
  });

  it('throws on what only a buggy producer would do, and stores nothing of it', async () => {
    const ended = await record(t, t.workspaces.A, { state: 'SUCCEEDED', progressPercent: 100 });
    const attempts = [
      () => record(t, t.workspaces.A, { progressPercent: 101 }),
      () => record(t, t.workspaces.A, { progressPercent: 2.5 }),
      () => record(t, t.workspaces.A, { sourceResourcePath: `/compute-ops-mgmt/v1/groups/${GROUP}/devices` }),
      () => record(t, t.workspaces.A, { resultPaths: ['groups/x'] }),
      () => record(t, t.workspaces.A, { logMessages: [' '] }),
      () => record(t, t.workspaces.A, { state: 'FAILED', error: { httpStatusCode: 200, errorCode: 'X', message: 'ok?' } }),
      () => t.store.transaction((tx) => advanceAsyncOperation(tx, t.workspaces.A, ended, { state: 'RUNNING' })),
      () => t.store.transaction((tx) => advanceAsyncOperation(tx, t.workspaces.B, ended, { progressPercent: 5 })),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toThrow(Error);
    const rows = await t.store.all<{ generation: number }>('SELECT generation FROM async_operations');
    expect(rows.map((r) => Number(r.generation))).toEqual([1]);
  });
});

describe('reading through each version and prefix', () => {
  it.each<[Version, string]>([
    ['v1', 'compute-ops-mgmt'],
    ['v1', 'compute-ops'],
    ['v1beta1', 'compute-ops-mgmt'],
    ['v1beta1', 'compute-ops'],
  ])('%s under /%s links to itself there, and puts the source and results under that prefix', async (version, prefix) => {
    const id = await record(t, t.workspaces.A, { state: 'SUCCEEDED', progressPercent: 100, resultPaths: [`v1/groups/${GROUP}/devices/P1+S1`] });
    const res = await t.call(t.callers.adminA, { method: 'GET', url: `${base(version, prefix)}/${id}` });
    const op = expectOperation(res, version, prefix);
    expect(op).toMatchObject({
      id,
      type: `${prefix}/async-operation`,
      resourceUri: `/${prefix}/${version}/async-operations/${id}`,
      sourceResourceUri: `/${prefix}/v1/groups/${GROUP}/devices`,
      results: [{ resourceUri: `/${prefix}/v1/groups/${GROUP}/devices/P1+S1` }],
      operationType: 'ADD_DEVICE_TO_GROUP',
    });
    const page = expectPage(await t.call(t.callers.adminA, { method: 'GET', url: base(version, prefix) }), version, prefix);
    expect(page.items).toEqual([op]);
  });

  it('gives producers a Location that reads back the operation under the caller\'s prefix', async () => {
    const id = await record(t, t.workspaces.A);
    for (const [version, prefix] of [['v1', 'compute-ops-mgmt'], ['v1beta3', 'compute-ops']] as const) {
      const location = asyncOperationLocation({ prefix, version }, id);
      expect(location).toBe(`/${prefix}/${version === 'v1' ? 'v1' : 'v1beta1'}/async-operations/${id}`);
      const res = await t.call(t.callers.adminA, { method: 'GET', url: location });
      expect(expectOperation(res, version === 'v1' ? 'v1' : 'v1beta1', prefix).resourceUri).toBe(location);
    }
  });

  it('reads an id in upper case as the same operation', async () => {
    const id = await record(t, t.workspaces.A);
    expect((await get(id.toUpperCase())).id).toBe(id);
  });
});

describe('listing: newest first, cursor-paged, filtered', () => {
  /** Ids newest first. */
  async function seed(n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      ids.unshift(
        await record(t, t.workspaces.A, {
          state: i % 3 === 0 ? 'FAILED' : 'SUCCEEDED',
          progressPercent: i % 3 === 0 ? 50 : 100,
          sourceResourcePath: `v1/groups/${i % 2 === 0 ? GROUP : '9ac30e2e-0241-4fd2-aa73-8b1a6f3f5faf'}/devices`,
          resultPaths: i % 3 === 0 ? [] : [`v1/groups/${GROUP}/devices/P1+S${i}`],
          error: i % 3 === 0 ? { httpStatusCode: 400, errorCode: 'HPE-GL-COMPUTE_OPS-0400001', message: 'bad device' } : null,
        }),
      );
    }
    return ids;
  }

  async function walk(version: Version, query: string, prefix?: string): Promise<{ ids: string[]; pages: number; totals: Set<number> }> {
    const ids: string[] = [];
    const totals = new Set<number>();
    let next: string | null = null;
    let pages = 0;
    do {
      const url: string = `${base(version, prefix)}?${query}${next ? `&next=${next}` : ''}`;
      const page = expectPage(await t.call(t.callers.adminA, { method: 'GET', url }), version, prefix);
      expect(page.count).toBe(page.items.length);
      if (next) expect(page.items[0]!.id).toBe(next);
      ids.push(...page.items.map((o) => o.id));
      totals.add(page.total);
      next = page.next;
      pages++;
    } while (next !== null && pages < 20);
    return { ids, pages, totals };
  }

  it.each<Version>(['v1', 'v1beta1'])('%s walks every operation once across pages and ends with next null', async (version) => {
    const ids = await seed(7);
    const walked = await walk(version, 'limit=3');
    expect(walked).toEqual({ ids, pages: 3, totals: new Set([7]) });
    const exact = await walk(version, 'limit=7');
    expect(exact.pages).toBe(1);
  });

  it('pages under the legacy prefix as well', async () => {
    const ids = await seed(5);
    expect((await walk('v1', 'limit=2', 'compute-ops')).ids).toEqual(ids);
  });

  it('hands out the first operation of the following page as the cursor', async () => {
    const ids = await seed(4);
    const first = expectPage(await t.call(t.callers.adminA, { method: 'GET', url: `${base('v1')}?limit=2` }), 'v1');
    expect(first).toMatchObject({ count: 2, total: 4, next: ids[2] });
    const zero = expectPage(await t.call(t.callers.adminA, { method: 'GET', url: `${base('v1')}?limit=0` }), 'v1');
    expect(zero).toEqual({ count: 0, next: ids[0], total: 4, items: [] });
  });

  it('defaults to 100 per page and clamps a larger limit to 1000', async () => {
    await seed(3);
    const page = expectPage(await t.call(t.callers.adminA, { method: 'GET', url: `${base('v1')}?limit=100000` }), 'v1');
    expect(page).toMatchObject({ count: 3, total: 3, next: null });
    expect(expectPage(await t.call(t.callers.adminA, { method: 'GET', url: `${base('v1')}?offset=0` }), 'v1').count).toBe(3);
  });

  it('answers an empty workspace with an empty last page', async () => {
    expect(expectPage(await t.call(t.callers.adminA, { method: 'GET', url: base('v1beta1') }), 'v1beta1')).toEqual({ count: 0, next: null, total: 0, items: [] });
  });

  it('filters by every documented property, paging within the filter', async () => {
    const ids = await seed(9);
    const failed = ids.filter((_, k) => (8 - k) % 3 === 0);
    const inGroup = ids.filter((_, k) => (8 - k) % 2 === 0);
    const ids_ = async (filter: string, version: Version = 'v1', prefix?: string) => (await walk(version, `limit=2&filter=${encodeURIComponent(filter)}`, prefix)).ids;

    expect(await ids_("state eq 'FAILED'")).toEqual(failed);
    expect(await ids_("state eq 'failed'")).toEqual(failed);
    expect(await ids_('not error eq null')).toEqual(failed);
    expect(await ids_("error/errorCode eq 'HPE-GL-COMPUTE_OPS-0400001'")).toEqual(failed);
    expect(await ids_('results eq null')).toEqual(failed);
    expect(await ids_('not results eq null', 'v1beta1')).toEqual(ids.filter((id) => !failed.includes(id)));
    expect(await ids_('progressPercent lt 100')).toEqual(failed);
    expect(await ids_(`contains(sourceResourceUri,'groups/${GROUP}')`)).toEqual(inGroup);
    expect(await ids_(`sourceResourceUri eq '/compute-ops-mgmt/v1/groups/${GROUP}/devices'`)).toEqual(inGroup);
    // The source is seen, and so filtered, under the prefix the reader uses.
    expect(await ids_(`sourceResourceUri eq '/compute-ops/v1/groups/${GROUP}/devices'`, 'v1', 'compute-ops')).toEqual(inGroup);
    expect(await ids_(`sourceResourceUri eq '/compute-ops/v1/groups/${GROUP}/devices'`)).toEqual([]);
    expect(await ids_(`id eq '${ids[3]}' or id in ('${ids[5]}', '${NOT_THERE}')`)).toEqual([ids[3], ids[5]]);
    expect(await ids_('generation in (1, 2)')).toEqual(ids);
    expect(await ids_('not endedAt eq null and not startedAt eq null')).toEqual(ids);
    expect(await ids_('not logMessages eq null and recommendations eq null')).toEqual(ids);
    expect(await ids_(`createdAt le ${new Date(Date.now() - 60_000).toISOString()}`)).toEqual([]);
    expect(await ids_(`updatedAt gt 2024-07-01T17:44:30Z and createdAt gt 2024-07-01T17:44:30Z`)).toEqual(ids);
  });

  it('keeps a cursor working when the operation it names stops matching the filter', async () => {
    const id = await record(t, t.workspaces.A, { state: 'RUNNING' });
    const newer = await record(t, t.workspaces.A, { state: 'RUNNING' });
    const filter = encodeURIComponent("state eq 'RUNNING'");
    const first = expectPage(await t.call(t.callers.adminA, { method: 'GET', url: `${base('v1')}?limit=1&filter=${filter}` }), 'v1');
    expect(first).toMatchObject({ items: [{ id: newer }], next: id, total: 2 });
    await t.store.transaction((tx) => advanceAsyncOperation(tx, t.workspaces.A, id, { state: 'SUCCEEDED', progressPercent: 100 }));
    const rest = expectPage(await t.call(t.callers.adminA, { method: 'GET', url: `${base('v1')}?limit=1&filter=${filter}&next=${id}` }), 'v1');
    expect(rest).toEqual({ count: 0, next: null, total: 1, items: [] });
  });
});

const NOT_THERE = '00000000-0000-4000-8000-0000000000ff';

describe('the 7-day window', () => {
  const stored = async () => (await t.store.all<{ id: string }>('SELECT id FROM async_operations')).map((r) => r.id).sort();

  it('lists and reads operations of the last 7 days only, purged or not', async () => {
    const fresh = await record(t, t.workspaces.A);
    const sixDays = await record(t, t.workspaces.A);
    const eightDays = await record(t, t.workspaces.A);
    await age(t, sixDays, 6.9);
    await age(t, eightDays, 8);
    const page = expectPage(await t.call(t.callers.adminA, { method: 'GET', url: base('v1') }), 'v1');
    expect(page.items.map((o) => o.id)).toEqual([fresh, sixDays]);
    expect(page.total).toBe(2);
    await get(sixDays);
    expect((await t.call(t.callers.adminA, { method: 'GET', url: `${base('v1')}/${eightDays}` })).statusCode).toBe(404);
    expect((await t.call(t.callers.adminA, { method: 'GET', url: `${base('v1beta1')}?next=${eightDays}` })).statusCode).toBe(404);
    expect((await t.call(t.callers.adminA, { method: 'POST', url: `${base('v1')}/${eightDays}/cancel`, headers: json })).statusCode).toBe(404);
    // This app's list purged long before the operation aged: the answer above came from the window alone.
    expect(await stored()).toContain(eightDays);
  });

  it('purges what the window hides, in every workspace', async () => {
    const [a, b, keep] = [await record(t, t.workspaces.A), await record(t, t.workspaces.B), await record(t, t.workspaces.A)];
    await age(t, a, 8);
    await age(t, b, 30);
    await age(t, keep, 6.9);
    expect(await purgeExpiredAsyncOperations(t.store)).toBe(2);
    expect(await stored()).toEqual([keep]);
    expect(await purgeExpiredAsyncOperations(t.store)).toBe(0);
  });

  it('takes its clock as a parameter, for tasks that purge as of a given time', async () => {
    const id = await record(t, t.workspaces.A);
    expect(await purgeExpiredAsyncOperations(t.store, new Date(Date.now() + 6.9 * 86_400_000))).toBe(0);
    expect(await purgeExpiredAsyncOperations(t.store, new Date(Date.now() + 7.1 * 86_400_000))).toBe(1);
    expect(await stored()).not.toContain(id);
  });

  it('purges on a service\'s first list, then at most hourly', async () => {
    const service = new AsyncOperationService(t.store);
    const ctx = { principal: { userId: 'u', email: 'u@a.example', homeWorkspaceId: t.workspaces.A, homeWorkspaceKind: 'STANDARD' as const, role: 'administrator' as const, clientId: undefined }, workspaceId: t.workspaces.A };
    const [first, second] = [await record(t, t.workspaces.B), await record(t, t.workspaces.B)];
    await age(t, first, 8);
    await service.list(ctx, '/compute-ops-mgmt', {});
    expect(await stored()).toEqual([second]);
    await age(t, second, 8);
    await service.list(ctx, '/compute-ops-mgmt', {});
    expect(await stored()).toEqual([second]);
  });
});

describe('cancelling', () => {
  const cancel = (id: string, prefix?: string, headers: Record<string, string> = json) =>
    t.call(t.callers.operatorA, { method: 'POST', url: `${base('v1', prefix)}/${id}/cancel`, headers });

  it.each(['INITIALIZED', 'RUNNING', 'PAUSED', 'TIMEDOUT'] as const)('cancels a %s metrics collection: 202, no body, CANCELLED', async (state) => {
    const id = await record(t, t.workspaces.A, { operationType: 'SUSTAINABILITY_METRICS_COLLECTION', sourceResourcePath: 'v1/metrics-configurations', state });
    const before = await get(id);
    const res = await cancel(id);
    expect(res.statusCode, res.body).toBe(202);
    expect(res.body).toBe('');
    const after = await get(id);
    expect(after).toMatchObject({ state: 'CANCELLED', generation: before.generation + 1, endedAt: after.updatedAt });
    expect(after.logMessages.at(-1)!.message).toBe('The async operation was cancelled');
    if (state === 'INITIALIZED') expect(after).not.toHaveProperty('startedAt');
    else expect(after.startedAt).toBe(before.startedAt);
  });

  it('works under the legacy prefix, with or without a JSON body, and records an activity', async () => {
    const id = await record(t, t.workspaces.A, { operationType: 'SUSTAINABILITY_METRICS_COLLECTION', sourceResourcePath: 'v1/metrics-configurations' });
    const res = await t.call(t.callers.operatorA, { method: 'POST', url: `${base('v1', 'compute-ops')}/${id}/cancel`, headers: json, payload: {} });
    expect(res.statusCode, res.body).toBe(202);
    const activities = await t.store.all<{ activity_key: string; source_path: string; message_en: string }>(
      'SELECT activity_key, source_path, message_en FROM activities WHERE workspace_id = ? AND source_id = ?',
      [t.workspaces.A, id],
    );
    expect(activities).toHaveLength(1);
    expect(activities[0]).toMatchObject({ activity_key: 'ASYNC_OPERATION_CANCELLED', source_path: `v1/async-operations/${id}` });
    expect(activities[0]!.message_en).toContain(t.callers.operatorA.email);
    const again = await record(t, t.workspaces.A, { operationType: 'SUSTAINABILITY_METRICS_COLLECTION', sourceResourcePath: 'v1/metrics-configurations' });
    expect((await cancel(again, undefined, {})).statusCode).toBe(202);
  });
});
