// activities v1beta2: recording through the service, the feed's filters, sort, paging, grouping and
// language (happy); bad input (error). Access lives in activities.security.test.ts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectComError, expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { toStoredTimestamp } from '../../store/time.ts';
import type { NewActivity } from './model.ts';
import { recordActivity } from './service.ts';
import { negotiateLanguage } from './v1beta2/language.ts';

const URL_ = '/compute-ops-mgmt/v1beta2/activities';
const T0 = Date.now() - 3_600_000;
const JOB = '5f7d4c2e-91b3-4a7e-b1d2-0c9e6a3f8b41';
const GROUP = 'c4f0a8e2-3d11-4b6f-9a55-7e2b9d0c1f36';
const SERVER = 'P52560-B21+CZJ3210ABC';

type Item = Record<string, unknown> & { id: string; key: string; title: string; createdAt: string };
type Body = { offset: number; count: number; total: number; items: Item[] };

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.store.run('DELETE FROM activities');
});

let clock = 0;
const at = () => toStoredTimestamp(new Date(T0 + ++clock * 1000));

function serverActivity(key: string, args: Record<string, string> = {}, extra: Partial<NewActivity> = {}): NewActivity {
  return {
    key,
    args: { serverName: 'CZJ3210ABC', ...args },
    source: { type: 'Server', id: SERVER, name: 'CZJ3210ABC', resourceUri: `/compute-ops-mgmt/v1/servers/${SERVER}` },
    associatedServerId: SERVER,
    at: at(),
    ...extra,
  };
}

const fwCompleted = (): NewActivity => ({
  key: 'SERVER_JOB_FW_UPDATE_COMPLETED',
  args: { note: 'The server firmware is already up to date with specified baseline SPP 2025.03.00.00.' },
  source: { type: 'Job', id: JOB, name: 'FirmwareUpdate.New', resourceUri: `/compute-ops-mgmt/v1/jobs/${JOB}` },
  associatedServerId: SERVER,
  groupId: GROUP,
  groupDisplayName: 'ESXi-Prod-Rack12',
  healthState: 'OK',
  at: at(),
});

async function record(input: NewActivity, workspaceId = t.workspaces.A): Promise<void> {
  await recordActivity(t.store, workspaceId, input);
}

async function list(query = '', headers: Record<string, string> = {}, url = URL_): Promise<Body> {
  return expectHpeSchema<Body>(await t.call(t.callers.adminA, { method: 'GET', url: `${url}${query}`, headers }), 'activityCollection-v1beta2');
}

const keys = (b: Body) => b.items.map((i) => i.key);

describe('activities happy paths', () => {
  it('lists nothing before anything happened', async () => {
    expect(await list()).toEqual({ offset: 0, count: 0, total: 0, items: [] });
  });

  it('records an activity and serves it in HPE\'s shape with every documented member', async () => {
    await record(fwCompleted());
    const [item] = (await list()).items;
    expect(item).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: 'compute-ops-mgmt/activity',
      resourceUri: `${URL_}/${item!.id}`,
      generation: 1,
      createdAt: item!.createdAt,
      updatedAt: item!.createdAt,
      title: 'Firmware update successful',
      key: 'SERVER_JOB_FW_UPDATE_COMPLETED',
      message: 'Firmware update successful\n\nNote: The server firmware is already up to date with specified baseline SPP 2025.03.00.00.',
      recommendedAction: null,
      source: { id: JOB, type: 'Job', name: 'FirmwareUpdate.New', displayName: 'FirmwareUpdate.New', resourceUri: `/compute-ops-mgmt/v1/jobs/${JOB}` },
      associatedServerUri: `/compute-ops-mgmt/v1/servers/${SERVER}`,
      associatedServerId: SERVER,
      groupId: GROUP,
      groupDisplayName: 'ESXi-Prod-Rack12',
      healthState: 'OK',
      serverSettingsId: null,
      serverSettingsName: null,
      serverSettingsCategory: null,
      hidden: false,
    });
    expect(item!.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
  });

  it('derives every URI from the request prefix', async () => {
    await record(fwCompleted());
    const res = await t.call(t.callers.adminA, { method: 'GET', url: '/compute-ops/v1beta2/activities' });
    const [item] = res.json().items as Item[];
    expect(item).toMatchObject({
      type: 'compute-ops/activity',
      resourceUri: `/compute-ops/v1beta2/activities/${item!.id}`,
      associatedServerUri: `/compute-ops/v1/servers/${SERVER}`,
      source: { resourceUri: `/compute-ops/v1/jobs/${JOB}` },
    });
    const filtered = await t.call(t.callers.adminA, {
      method: 'GET',
      url: `/compute-ops/v1beta2/activities?filter=${encodeURIComponent(`source/resourceUri eq '/compute-ops/v1/jobs/${JOB}'`)}`,
    });
    expect(filtered.json().total).toBe(1);
  });

  it('serves English or Japanese by Accept-Language', async () => {
    await record(serverActivity('SERVER_DISCONNECTED'));
    const cases: [string | undefined, 'en' | 'ja'][] = [
      [undefined, 'en'],
      ['', 'en'],
      ['ja', 'ja'],
      ['ja-JP', 'ja'],
      ['fr', 'en'],
      ['fr,ja;q=0.9,en;q=0.7', 'ja'],
      ['en;q=0.5, ja;q=0.4', 'en'],
      ['ja;q=0, en;q=0.1', 'en'],
      ['*', 'en'],
    ];
    for (const [header, language] of cases) {
      const res = await t.call(t.callers.adminA, { method: 'GET', url: URL_, headers: header === undefined ? {} : { 'accept-language': header } });
      const [item] = expectHpeSchema<Body>(res, 'activityCollection-v1beta2').items;
      expect(res.headers['content-language'], String(header)).toBe(language);
      expect(item, String(header)).toMatchObject(
        language === 'ja'
          ? { title: 'サーバーが切断されました', recommendedAction: expect.stringContaining('iLO のネットワーク接続') }
          : { title: 'Server disconnected', message: 'Server CZJ3210ABC disconnected from Compute Ops Management' },
      );
    }
  });

  it('records explicit text for keys without templates; Japanese falls back to English', async () => {
    await record({ key: 'WEBHOOK_DISABLED', text: { en: { title: 'Webhook disabled', message: 'Webhook hook-1 was disabled', recommendedAction: null } }, source: { type: 'Webhook', id: 'w1', name: 'hook-1' }, at: at() });
    const [item] = (await list('', { 'accept-language': 'ja' })).items;
    expect(item).toMatchObject({ key: 'WEBHOOK_DISABLED', title: 'Webhook disabled', associatedServerUri: null, source: { id: 'w1', type: 'Webhook', name: 'hook-1' } });
    expect(item!.source).not.toHaveProperty('resourceUri');
    expect(item!.source).not.toHaveProperty('originId');
  });

  it('sorts newest first by default, also accepts asc and the legacy field:dir spelling, pages and selects', async () => {
    for (let i = 0; i < 105; i++) await record(serverActivity(i % 2 ? 'SERVER_CONNECTED' : 'SERVER_DISCONNECTED'));
    const page = await list();
    expect(page).toMatchObject({ offset: 0, count: 100, total: 105 });
    const created = page.items.map((i) => i.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    const asc = await list('?sort=createdAt%20asc&limit=3');
    expect(asc.items.map((i) => i.createdAt)).toEqual([...asc.items.map((i) => i.createdAt)].sort());
    expect((await list('?sort=createdAt:asc&limit=3')).items).toEqual(asc.items);
    expect(await list('?offset=100&limit=5000')).toMatchObject({ offset: 100, count: 5, total: 105 });
    expect(await list('?count=7')).toMatchObject({ count: 7 });
    expect(await list('?limit=0')).toMatchObject({ count: 0, total: 105, items: [] });
    const selected = await t.call(t.callers.adminA, { method: 'GET', url: `${URL_}?select=key,source/type&limit=1` });
    expect(selected.json().items).toEqual([{ key: 'SERVER_DISCONNECTED', source: { type: 'Server' } }]);
  });

  it('filters on every documented key, including the deprecated ones', async () => {
    await record(fwCompleted());
    await record(serverActivity('SERVER_ASSIGNED'));
    await record({
      key: 'SETTING_APPLIED',
      text: { en: { title: 'Setting applied', message: 'BIOS setting applied', recommendedAction: null } },
      source: { type: 'Setting', id: 'set-1', name: 'Virtualization', originId: 'origin-1' },
      serverSettingsId: 'set-1',
      serverSettingsName: 'Virtualization',
      serverSettingsCategory: 'BIOS',
      hidden: true,
      at: at(),
    });
    const all = await list();
    const byKey = new Map(all.items.map((i) => [i.key, i.id]));
    const [fw, assigned, setting] = ['SERVER_JOB_FW_UPDATE_COMPLETED', 'SERVER_ASSIGNED', 'SETTING_APPLIED'].map((k) => byKey.get(k)!);
    const cases: [string, (string | undefined)[]][] = [
      [`associatedServerId eq '${SERVER.replace('+', '%2B')}'`, [assigned, fw]],
      [`associatedServerUri eq '/compute-ops-mgmt/v1/servers/${SERVER}'`, [assigned, fw]],
      [`createdAt gt ${all.items[1]!.createdAt}`, [setting]],
      [`groupId eq '${GROUP}'`, [fw]],
      ["groupDisplayName eq 'ESXi-Prod-Rack12'", [fw]],
      ["healthState eq 'OK'", [fw]],
      ['hidden eq true', [setting]],
      [`id eq '${assigned}'`, [assigned]],
      ["contains(key,'SERVER_ASSIGNED')", [assigned]],
      [`resourceUri eq '${URL_}/${setting}'`, [setting]],
      ["serverSettingsCategory eq 'BIOS'", [setting]],
      ["serverSettingsId eq 'set-1'", [setting]],
      ["serverSettingsName eq 'Virtualization'", [setting]],
      [`source/id eq '${SERVER}'`, [assigned]],
      ["source/type eq 'Server' and contains(key,'SERVER_ASSIGNED')", [assigned]],
      [`contains(source/resourceUri,'${JOB}')`, [fw]],
      ["source/displayName eq 'Virtualization'", [setting]],
      ["source/originId eq 'origin-1'", [setting]],
      ["contains(source/type,'Set')", [setting]],
    ];
    for (const [filter, expected] of cases) {
      const body = await list(`?filter=${encodeURIComponent(filter).replace('%252B', '%2B')}`);
      expect(body.items.map((i) => i.id), filter).toEqual(expected);
    }
  });

  it('collapses back-to-back activities with the same key into groups', async () => {
    // Oldest first: 2 connected, 3 firmware completions, 1 disconnected, 2 connected.
    for (const key of ['SERVER_CONNECTED', 'SERVER_CONNECTED']) await record(serverActivity(key));
    for (let i = 0; i < 3; i++) await record(fwCompleted());
    await record(serverActivity('SERVER_DISCONNECTED'));
    for (const key of ['SERVER_CONNECTED', 'SERVER_CONNECTED']) await record(serverActivity(key));
    const two = await list('?groups=2');
    expect(keys(two)).toEqual(['SERVER_CONNECTED', 'SERVER_DISCONNECTED']);
    expect(two).toMatchObject({ count: 2, total: 8 });
    expect(two.items.map((i) => i.title)).toEqual(['2 servers connected', 'Server disconnected']);
    const all = await list('?groups=10');
    expect(keys(all)).toEqual(['SERVER_CONNECTED', 'SERVER_DISCONNECTED', 'SERVER_JOB_FW_UPDATE_COMPLETED', 'SERVER_CONNECTED']);
    expect(all.items[2]!.title).toBe('3 servers firmware update successful');
    expect((await list('?groups=3', { 'accept-language': 'ja' })).items[2]!.title).toBe('3 台のサーバーのファームウェア更新に成功しました');
    // The newest member stands for its run.
    expect(all.items[0]!.id).toBe((await list('?limit=1')).items[0]!.id);
    expect(keys(await list('?groups=50'))).toHaveLength(4);
    expect(keys(await list('?groups=2&offset=2'))).toEqual(['SERVER_DISCONNECTED', 'SERVER_JOB_FW_UPDATE_COMPLETED']);
    expect((await list('?groups=2&offset=2')).items[1]!.title).toBe('3 servers firmware update successful');
    // An offset inside a run starts a group there.
    expect((await list('?groups=1&offset=4')).items.map((i) => i.title)).toEqual(['2 servers firmware update successful']);
    expect(keys(await list(`?groups=2&filter=${encodeURIComponent("key ne 'SERVER_DISCONNECTED'")}`))).toEqual(['SERVER_CONNECTED', 'SERVER_JOB_FW_UPDATE_COMPLETED']);
    expect(keys(await list('?groups=2&sort=createdAt%20asc'))).toEqual(['SERVER_CONNECTED', 'SERVER_JOB_FW_UPDATE_COMPLETED']);
    expect(await list('?groups=3&limit=1')).toMatchObject({ count: 1 });
    expect(await list('?groups=3&offset=99')).toMatchObject({ count: 0, total: 8 });
    const selected = await t.call(t.callers.adminA, { method: 'GET', url: `${URL_}?groups=1&select=title` });
    expect(selected.json().items).toEqual([{ title: '2 servers connected' }]);
  });
});

describe('activities bad input', () => {
  it.each([
    ['filter', "title eq 'x'"],
    ['filter', 'key eq'],
    ['filter', "source/name eq 'x'"],
    ['sort', 'title desc'],
    ['offset', '-1'],
    ['limit', 'ten'],
    ['groups', '0'],
    ['groups', 'two'],
    ['groups', '-3'],
    ['select', '//'],
  ])('answers 400 naming a bad %s (%s)', async (parameter, value) => {
    await record(serverActivity('SERVER_CONNECTED'));
    const res = await t.call(t.callers.adminA, { method: 'GET', url: `${URL_}?${parameter}=${encodeURIComponent(value)}` });
    expectComError(res, 400, { key: 'INVALID_QUERY', subjects: [parameter] });
    // With groups the same checks apply before any SQL runs.
    if (parameter !== 'groups') expectComError(await t.call(t.callers.adminA, { method: 'GET', url: `${URL_}?groups=2&${parameter}=${encodeURIComponent(value)}` }), 400);
  });

  it('recordActivity refuses malformed activities and stores nothing', async () => {
    const text = { en: { title: 'Connected', message: 'Connected', recommendedAction: null } };
    await expect(record({ ...serverActivity('server connected'), text })).rejects.toMatchObject({ key: 'BAD_REQUEST', details: [{ issues: [{ subject: 'key' }] }] });
    await expect(record({ ...serverActivity('SERVER_CONNECTED'), text: { en: { ...text.en, title: ' ' } } })).rejects.toMatchObject({ key: 'BAD_REQUEST' });
    await expect(record({ ...serverActivity('SERVER_CONNECTED'), source: { type: '', id: 'x', name: 'x', resourceUri: 'https://elsewhere.example/x' } })).rejects.toMatchObject({
      details: [{ issues: [{ subject: 'source.type' }, { subject: 'source.resourceUri' }] }],
    });
    await expect(record({ ...serverActivity('SERVER_CONNECTED'), at: 'yesterday' })).rejects.toMatchObject({ key: 'BAD_REQUEST' });
    await expect(record(serverActivity('NO_SUCH_TEMPLATE'))).rejects.toThrow(/no templates/);
    await expect(record({ ...serverActivity('SERVER_RENAMED') })).rejects.toThrow(/oldName/);
    expect((await list()).total).toBe(0);
  });
});

describe('Accept-Language negotiation', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['JA', 'ja'],
    ['en-US,en;q=0.9,ja;q=0.8', 'en'],
    ['de-DE, ja;q=0.2', 'ja'],
    ['ja;q=0.5, en;q=0.5', 'ja'],
    ['ja;q=1.5', 'en'],
    ['ja;q=abc', 'ja'],
    [' , ;q=1, ja', 'ja'],
  ] as const)('%s → %s', (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });
});
