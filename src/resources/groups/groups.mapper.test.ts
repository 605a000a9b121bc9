// Mapper round trips (style guide §1.1): what a version shows, sent back as a patch, leaves the hub as it was —
// v1beta2 included, although it cannot see firmwarePowerOff or storageVolumes (the hub keeps them).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ApiScope } from '../../http/api-scope.ts';
import type { GroupView, ServerPolicies } from './model.ts';
import { defaultServerPolicies, mergePolicies } from './policies.ts';
import { parseAutoAddTags, tagMap } from './tags.ts';
import { fromPatch, mappingV1, toGroupWire } from './v1/mapper.ts';
import { fromPatchV1beta2, toV1beta2 } from './v1beta2/mapper.ts';
import { mappingV1beta3 } from './v1beta3/mapper.ts';
import type { GroupPatchBody } from './v1/schemas.ts';
import type { GroupPatchBodyV1beta2 } from './v1beta2/schemas.ts';

const scope: ApiScope = { prefix: 'compute-ops-mgmt', version: 'v1' };

const policiesArb: fc.Arbitrary<ServerPolicies> = fc.record({
  onDeviceAdd: fc.record(
    {
      firmwareUpdate: fc.boolean(),
      firmwarePowerOff: fc.boolean(),
      biosApplySettings: fc.boolean(),
      biosFactoryReset: fc.boolean(),
      iloApplySettings: fc.boolean(),
      storageConfiguration: fc.boolean(),
      storageVolumeDeletion: fc.boolean(),
      storageVolumeName: fc.string({ maxLength: 20 }),
      storageVolumes: fc.array(fc.record({ id: fc.uuid(), name: fc.option(fc.string({ maxLength: 10 }), { nil: null }) }), { maxLength: 3 }),
      externalStorageConfiguration: fc.boolean(),
      osInstall: fc.boolean(),
      osCompletionTimeoutMin: fc.integer({ min: 60, max: 720 }),
    },
    { requiredKeys: ['firmwareUpdate', 'firmwarePowerOff', 'biosApplySettings', 'biosFactoryReset', 'iloApplySettings', 'storageConfiguration', 'storageVolumeDeletion', 'externalStorageConfiguration', 'osInstall', 'osCompletionTimeoutMin'] },
  ),
  onDeviceApply: fc.record({ firmwareDowngrade: fc.boolean() }),
});

function view(policies: ServerPolicies): GroupView {
  return {
    id: '6081a383-b9e5-45e3-8371-1e0ba7b72068',
    workspaceId: 'w',
    name: 'g',
    description: null,
    deviceType: 'DIRECT_CONNECT_SERVER',
    settingIds: [],
    policies,
    autoAddTag: null,
    generation: 1,
    createdAt: '2026-01-01T00:00:00.000000Z',
    updatedAt: '2026-01-01T00:00:00.000000Z',
    members: [],
    compliance: { summary: 'NOT_APPLICABLE', firmware: { status: 'NOT_APPLICABLE', statusReason: '' }, iloSettings: { status: 'NOT_APPLICABLE', statusReason: '' } },
    securityStatus: 'OK',
  };
}

const normalized = (p: ServerPolicies): ServerPolicies => ({ ...p, onDeviceAdd: { ...p.onDeviceAdd, ...(p.onDeviceAdd.storageVolumes ? { storageVolumes: p.onDeviceAdd.storageVolumes.map((v) => ({ ...v, id: v.id.toLowerCase() })) } : {}) } });

describe('group mappers round-trip through the hub', () => {
  it('v1 and v1beta3: the policies a GET shows, PATCHed onto the defaults, are the policies', () => {
    fc.assert(
      fc.property(policiesArb, (p) => {
        const hub = normalized(p);
        for (const m of [mappingV1, mappingV1beta3]) {
          const wire = toGroupWire(view(hub), { ...scope, version: m.version }, m);
          const patch = fromPatch({ policies: wire.policies } as GroupPatchBody).policies;
          expect(mergePolicies('DIRECT_CONNECT_SERVER', defaultServerPolicies(), patch)).toEqual(hub);
        }
      }),
    );
  });

  it('v1beta2: a GET body echoed back as a PATCH changes nothing, and keeps what v1beta2 cannot see', () => {
    fc.assert(
      fc.property(policiesArb, (p) => {
        const hub = normalized(p);
        const wire = toV1beta2(view(hub), { ...scope, version: 'v1beta2' });
        const patch = fromPatchV1beta2({ serverPolicies: wire.serverPolicies, autoFwUpdateOnAdd: wire.autoFwUpdateOnAdd } as GroupPatchBodyV1beta2).policies;
        expect(mergePolicies('DIRECT_CONNECT_SERVER', hub, patch)).toEqual(hub);
      }),
    );
  });

  it('auto-add tags survive the wire map', () => {
    const part = fc.stringMatching(/^[A-Za-z0-9 _.:=+\-@]{1,20}$/);
    fc.assert(
      fc.property(part, part, (name, value) => {
        expect(parseAutoAddTags(tagMap({ name, value }), 'autoAddTags')).toEqual({ tag: { name, value }, issues: [] });
      }),
    );
  });
});
