// groups v1 routes, wired once for the current model: the operations every version shares (../routes.ts)
// plus v1's asynchronous assignment. v1beta3 serves the same operations through this wiring with its own
// mapping (and adds its iLO-settings compliance routes).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { resourceUri, type ApiScope, type VersionRoutes } from '../../../http/api-scope.ts';
import { ComError } from '../../../http/com-error.ts';
import { callContext } from '../../../http/request-context.ts';
import { Collection, errorResponses } from '../../../http/schemas.ts';
import type { ComplianceCategory } from '../model.ts';
import { complianceRoutes, externalStorageRoute, groupRoutes } from '../routes.ts';
import type { GroupServices } from '../services.ts';
import { Accepted, GroupParams, isTrue, UnassignQuery } from '../wire.ts';
import { complianceListSpec, deviceListSpec, groupListSpec } from './list-specs.ts';
import { fromCreate, fromPatch, mappingV1, NAMES_V1, toComplianceWire, toDeviceWire, toGroupWire, type CurrentMapping } from './mapper.ts';
import { AssignBody, complianceSchema, GroupCreateBody, groupDeviceSchema, GroupPatchBody, groupSchema, UnassignBody } from './schemas.ts';

const tags = ['groups'];

/** Where a version's 202 points: v1 at async-operations v1, v1beta3 at v1beta1 (conventions §11). */
const asyncOperationUri = (scope: ApiScope, m: CurrentMapping, id: string) => resourceUri({ ...scope, version: m.version === 'v1' ? 'v1' : 'v1beta1' }, `async-operations/${id}`);

export interface CurrentRouteOptions {
  mapping: CurrentMapping;
  /** The categories `/compliance` lists: v1 both, v1beta3 FIRMWARE (its iLO results have their own route). */
  complianceCategories: readonly ComplianceCategory[];
}

export function currentGroupRoutes(s: GroupServices, o: CurrentRouteOptions): VersionRoutes {
  const m = o.mapping;
  const v = m.version;
  const Compliance = complianceSchema(m);
  const groups = groupRoutes(s, {
    version: v,
    group: groupSchema(m),
    member: groupDeviceSchema(m),
    createBody: GroupCreateBody,
    patchBody: GroupPatchBody,
    summaries: {
      create: 'Create a group (server group or OneView appliance group)',
      patch: 'Modify a group (merge patch)',
      members: 'List member devices of the group',
      membersCollection: 'Group devices',
    },
    groupListSpec,
    memberListSpec: deviceListSpec,
    names: NAMES_V1,
    settingsBase: (scope) => resourceUri({ ...scope, version: m.settingsVersion }, 'settings/'),
    toGroup: (g, scope) => toGroupWire(g, scope, m),
    toMember: (d, scope) => toDeviceWire(d, scope, m),
    fromCreate,
    fromPatch,
  });
  const compliance = complianceRoutes(s, {
    version: v,
    kind: 'compliance',
    categories: o.complianceCategories,
    item: Compliance,
    collection: Collection(Compliance, 'Device compliance records'),
    summaries: { list: 'List per-device compliance results for the group', get: 'Read one device compliance record of the group' },
    listSpec: complianceListSpec,
    toWire: (c, scope) => toComplianceWire(c, scope, m),
  });
  const externalStorage = externalStorageRoute(s, v, '404 until the Group External Storage Compliance job has produced a result.');
  return async (app, scope) => {
    await groups(app, scope);
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.post(
      '/groups/:group_id/devices',
      {
        schema: {
          operationId: `assign_${v}_group_devices`,
          summary: 'Attach device(s) to the group',
          description: 'Answers 202 with the async operation in Location; it reports FAILED (and nothing changes) when a device is unknown, of the wrong type, or moved without its current eTag.',
          tags,
          params: GroupParams,
          body: AssignBody,
          response: { 202: Accepted, ...errorResponses(400, 401, 403, 404, 406, 415, 500) },
        },
      },
      async (request, reply) => {
        const id = await s.membership.assignAsync(callContext(request), request.params.group_id, request.body.devices, v);
        return reply.code(202).header('location', asyncOperationUri(scope, m, id)).send();
      },
    );

    r.post(
      '/groups/:group_id/devices/unassign',
      {
        config: { bodyOptional: true },
        schema: {
          operationId: `unassign_${v}_group_devices`,
          summary: 'Detach device(s) from the group',
          tags,
          params: GroupParams,
          querystring: UnassignQuery,
          body: UnassignBody,
          response: { 202: Accepted, ...errorResponses(400, 401, 403, 404, 406, 415, 500) },
        },
      },
      async (request, reply) => {
        const force = isTrue(request.query.force);
        if (!force && !request.body) throw ComError.badRequest([{ source: 'field', subject: 'devices', description: 'name the devices to remove, or remove them all with force=true' }]);
        const target = force ? ({ all: true } as const) : { ids: request.body!.devices.map((d) => d.deviceId) };
        const id = await s.membership.unassignAsync(callContext(request), request.params.group_id, target, request.query['reset-subsystems'] ?? [], v);
        return reply.code(202).header('location', asyncOperationUri(scope, m, id)).send();
      },
    );

    await compliance(app, scope);
    await externalStorage(app, scope);
  };
}

export function groupsV1(s: GroupServices): VersionRoutes {
  return currentGroupRoutes(s, { mapping: mappingV1, complianceCategories: ['FIRMWARE', 'ILO_SETTINGS'] });
}
