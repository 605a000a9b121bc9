// Rule 5, auto-add tags (groups.md §6.5), each part pinned: the tag's shape, one per group and unique across
// groups ignoring case, placement when a server is onboarded or its tags change, no placement on ambiguity,
// never moving a member, never placing an activated server, placing again a removed, never-activated one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectComError } from '../../../test/helpers/com-assert.ts';
import { openTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { updateServerState } from '../servers/service.ts';
import { addServers, createGroup, jobsOf, json, members, mergePatch, operationOf, unassign, V1, V1BETA2, type Wire } from './groups.fixtures.ts';
import { ON_ADD_TEMPLATES } from './on-add-jobs.ts';

let t: TestApp;
let rack: Wire;
let row: Wire;

beforeAll(async () => {
  t = await openTestApp();
  rack = await createGroup(t, t.callers.adminA, { name: 'Rack 12', deviceType: 'DIRECT_CONNECT_SERVER', autoAddTags: { Rack: 'R12' }, policies: { onDeviceAdd: { firmwareUpdate: true } } });
  row = await createGroup(t, t.callers.adminA, { name: 'Row 3', deviceType: 'DIRECT_CONNECT_SERVER', autoAddTags: { Row: '3' } });
});
afterAll(() => t.close());

const ids = async (groupId: string) => (await members(t, t.callers.adminA, groupId)).map((d) => d.id).sort();
const retag = (serverId: string, tags: Record<string, string>) => t.store.transaction((tx) => updateServerState(tx, t.workspaces.A, serverId, (s) => ({ ...s, tags })));

describe('auto-add tags: shape and uniqueness', () => {
  it('allows one tag of alphanumerics, spaces and _ . : = + - @, unique across groups ignoring case', async () => {
    const odd = await createGroup(t, t.callers.adminA, { name: 'Odd tag', deviceType: 'DIRECT_CONNECT_SERVER', autoAddTags: { 'Dept_1.x:y=z+w-v@u': 'Développement Texas' } });
    expect(odd.autoAddTags).toEqual({ 'Dept_1.x:y=z+w-v@u': 'Développement Texas' });
    const post = (payload: Record<string, unknown>, url = V1) => t.call(t.callers.adminA, { method: 'POST', url, headers: json, payload });
    expectComError(await post({ name: 'Two tags', deviceType: 'DIRECT_CONNECT_SERVER', autoAddTags: { a: '1', b: '2' } }), 400, { subjects: ['autoAddTags'] });
    expectComError(await post({ name: 'Bad tag', deviceType: 'DIRECT_CONNECT_SERVER', autoAddTags: { 'a/b': '1' } }), 400, { subjects: ['autoAddTags.a/b'] });
    expectComError(await post({ name: 'Empty value', autoAddServerTags: { a: '' } }, V1BETA2), 400, { subjects: ['autoAddServerTags.a'] });
    expectComError(await post({ name: 'Same tag', deviceType: 'DIRECT_CONNECT_SERVER', autoAddTags: { rack: 'r12' } }), 409, { key: 'CONFLICT' });
    // PATCH documents no 409: a taken tag is 400 ALREADY_EXISTS.
    const patched = await t.call(t.callers.adminA, { method: 'PATCH', url: `${V1}/${odd.id}`, headers: mergePatch, payload: { autoAddTags: { ROW: '3' } } });
    expectComError(patched, 400, { key: 'ALREADY_EXISTS', subjects: ['autoAddTags'] });
    // A group may keep (or re-send) its own tag.
    expect((await t.call(t.callers.adminA, { method: 'PATCH', url: `${V1}/${rack.id}`, headers: mergePatch, payload: { autoAddTags: { Rack: 'R12' } } })).statusCode).toBe(200);
  });
});

describe('auto-add tags: placement', () => {
  it('places onboarded servers whose tag matches one group, ignoring case, and starts its on-add jobs', async () => {
    const jobsBefore = (await jobsOf(t, t.workspaces.A)).length;
    const [a, b, c] = await addServers(t, t.workspaces.A, 3, { seed: 1, overrides: (i) => ({ tags: ([{ rack: 'r12', owner: 'x' }, { Row: '3' }, { Rack: 'R13' }] as Record<string, string>[])[i]! }) });
    expect(await ids(rack.id)).toEqual([a!.id]);
    expect(await ids(row.id)).toEqual([b!.id]);
    expect(c).toBeDefined();
    const jobs = (await jobsOf(t, t.workspaces.A)).slice(jobsBefore);
    expect(jobs.map((j) => [j.template_id, j.resource_id, j.params.devices])).toEqual([[ON_ADD_TEMPLATES.groupFirmwareUpdate, rack.id, [a!.id]]]);
    const feed = await t.call(t.callers.adminA, { method: 'GET', url: `/compute-ops-mgmt/v1beta2/activities?filter=${encodeURIComponent(`key eq 'GROUP_SERVER_ADDED' and associatedServerId eq '${a!.id}'`)}` });
    expect(feed.json().count).toBe(1);
  });

  it('places a server nowhere when its tags match more than one group', async () => {
    const [d] = await addServers(t, t.workspaces.A, 1, { seed: 2, overrides: () => ({ tags: { Rack: 'R12', Row: '3' } }) });
    expect(await ids(rack.id)).not.toContain(d!.id);
    expect(await ids(row.id)).not.toContain(d!.id);
  });

  it('places a never-activated server when its tags change, but never moves a member and never places an activated server', async () => {
    const [fresh, active, member] = await addServers(t, t.workspaces.A, 3, { seed: 3, neverActivated: (i) => i !== 1, overrides: (i) => ({ tags: (i === 2 ? { Rack: 'R12' } : { env: 'lab' }) as Record<string, string> }) });
    expect(await ids(rack.id)).toContain(member!.id);
    await retag(fresh!.id, { env: 'lab', ROW: '3' });
    expect(await ids(row.id)).toContain(fresh!.id);
    await retag(active!.id, { Row: '3' });
    expect(await ids(row.id)).not.toContain(active!.id);
    await retag(member!.id, { Row: '3' });
    expect(await ids(rack.id)).toContain(member!.id);
    expect(await ids(row.id)).not.toContain(member!.id);

    // Removed from its group, in none, still not activated: a tag change places it again.
    expect((await operationOf(t, t.callers.adminA, await unassign(t, t.callers.adminA, row.id, [{ deviceId: fresh!.id }]))).state).toBe('SUCCEEDED');
    await retag(fresh!.id, { Row: '3', env: 'prod' });
    expect(await ids(row.id)).toContain(fresh!.id);
    // Once activated it stays where it is, and after a disconnect it is no longer eligible.
    await t.store.transaction((tx) => updateServerState(tx, t.workspaces.A, fresh!.id, (s) => ({ ...s, state: { ...s.state, connected: true, connectedModifiedAt: new Date().toISOString() } })));
    await unassign(t, t.callers.adminA, row.id, [{ deviceId: fresh!.id }]);
    await t.store.transaction((tx) => updateServerState(tx, t.workspaces.A, fresh!.id, (s) => ({ ...s, state: { ...s.state, connected: false } })));
    await retag(fresh!.id, { Row: '3' });
    expect(await ids(row.id)).not.toContain(fresh!.id);
  });

  it('keeps tag placement inside the workspace', async () => {
    await createGroup(t, t.callers.adminB, { name: 'B racks', deviceType: 'DIRECT_CONNECT_SERVER', autoAddTags: { Rack: 'R12' } });
    const [e] = await addServers(t, t.workspaces.A, 1, { seed: 4, overrides: () => ({ tags: { Rack: 'R12' } }) });
    expect(await ids(rack.id)).toContain(e!.id);
  });
});
