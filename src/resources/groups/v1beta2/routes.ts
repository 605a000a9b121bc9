// groups v1beta2 routes (published under the legacy /compute-ops prefix): the operations every version shares
// (../routes.ts) with v1beta2's shapes, plus its synchronous device assignment: 200 with the members, 409/412
// for eTag problems.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { resourceUri, type VersionRoutes } from '../../../http/api-scope.ts';
import { ComError } from '../../../http/com-error.ts';
import { callContext } from '../../../http/request-context.ts';
import { errorResponses } from '../../../http/schemas.ts';
import { complianceRoutes, externalStorageRoute, groupRoutes } from '../routes.ts';
import type { GroupServices } from '../services.ts';
import { GroupParams, isTrue, MemberParams, NoContent, ResetSubsystems, UnassignQuery } from '../wire.ts';
import { complianceListSpecV1beta2, deviceListSpecV1beta2, groupListSpecV1beta2 } from './list-specs.ts';
import * as map from './mapper.ts';
import {
  AssignBodyV1beta2,
  AssignQueryV1beta2,
  AssignResponseV1beta2,
  ComplianceV1beta2,
  GroupCreateBodyV1beta2,
  GroupPatchBodyV1beta2,
  GroupV1beta2,
  IloComplianceV1beta2,
  legacyCollection,
  ServerMemberV1beta2,
} from './schemas.ts';

const tags = ['groups'];

const BulkUnassignQuery = Type.Object({
  ...UnassignQuery.properties,
  id: Type.Optional(Type.Array(Type.String({ maxLength: 500 }), { description: 'Server ids to remove (repeat the parameter, encode + as %2B)' })),
  filter: Type.Optional(Type.String({ description: 'Remove the members matching this filter' })),
});
const DeviceQuery = Type.Object({ 'reset-subsystems': Type.Optional(ResetSubsystems) });

export function groupsV1beta2(s: GroupServices): VersionRoutes {
  const groups = groupRoutes(s, {
    version: 'v1beta2',
    group: GroupV1beta2,
    member: ServerMemberV1beta2,
    createBody: GroupCreateBodyV1beta2,
    patchBody: GroupPatchBodyV1beta2,
    summaries: {
      create: 'Create a server group',
      patch: 'Modify a group (merge patch); the legacy firmwareBaseline member is accepted',
      members: 'List member servers of the group',
      membersCollection: 'Group servers',
    },
    groupListSpec: groupListSpecV1beta2,
    memberListSpec: deviceListSpecV1beta2,
    names: map.NAMES_V1BETA2,
    settingsBase: (scope) => resourceUri({ ...scope, version: 'v1beta1' }, 'server-settings/'),
    toGroup: map.toV1beta2,
    toMember: map.toMemberV1beta2,
    fromCreate: map.fromCreateV1beta2,
    fromPatch: map.fromPatchV1beta2,
  });
  const compliance = complianceRoutes(s, {
    version: 'v1beta2',
    kind: 'compliance',
    categories: ['FIRMWARE'],
    item: ComplianceV1beta2,
    collection: legacyCollection(ComplianceV1beta2, 'Firmware compliance records'),
    summaries: { list: 'List per-server firmware compliance results for the group', get: 'Read one firmware compliance record of the group' },
    listSpec: complianceListSpecV1beta2,
    toWire: map.toComplianceV1beta2,
    start: true,
  });
  const externalStorage = externalStorageRoute(s, 'v1beta2');
  const iloCompliance = complianceRoutes(s, {
    version: 'v1beta2',
    kind: 'ilo-settings-compliance',
    categories: ['ILO_SETTINGS'],
    item: IloComplianceV1beta2,
    collection: legacyCollection(IloComplianceV1beta2, 'iLO settings compliance records'),
    summaries: { list: 'List per-server iLO-settings compliance for the group', get: 'Read one iLO-settings compliance record' },
    listSpec: complianceListSpecV1beta2,
    toWire: map.toIloComplianceV1beta2,
    start: true,
  });
  return async (app, scope) => {
    await groups(app, scope);
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.post(
      '/groups/:group_id/devices',
      {
        schema: {
          operationId: 'assign_v1beta2_group_devices',
          summary: 'Attach server(s) to the group (synchronous; dry-run=true returns the current eTags)',
          tags,
          params: GroupParams,
          querystring: AssignQueryV1beta2,
          body: AssignBodyV1beta2,
          response: { 200: AssignResponseV1beta2, ...errorResponses(400, 401, 403, 404, 406, 409, 412, 415, 500) },
        },
      },
      async (request) => {
        const standing = await s.membership.assignSync(callContext(request), request.params.group_id, map.fromAssignV1beta2(request.body), isTrue(request.query['dry-run']));
        return { devices: standing.map((d) => (d.member ? map.toMemberV1beta2(d.member, scope) : map.toCandidateV1beta2(d.server, scope))) };
      },
    );

    r.delete(
      '/groups/:group_id/devices',
      {
        schema: {
          operationId: 'unassign_v1beta2_group_devices',
          summary: 'Bulk-detach servers (by id[] or filter, or all with force=true) from the group',
          tags,
          params: GroupParams,
          querystring: BulkUnassignQuery,
          response: { 204: NoContent, ...errorResponses(400, 401, 403, 404, 406, 500) },
        },
      },
      async (request, reply) => {
        const q = request.query;
        const ids = (q.id ?? []).map(map.fromQueryId);
        if (!isTrue(q.force) && ids.length === 0 && !q.filter) {
          throw ComError.badRequest([{ source: 'query.parameter', subject: 'id', description: 'name the servers with id or filter, or remove them all with force=true' }]);
        }
        const target = isTrue(q.force) ? ({ all: true } as const) : { ids, ...(q.filter ? { filter: { text: q.filter, spec: deviceListSpecV1beta2 } } : {}) };
        await s.membership.unassignSync(callContext(request), request.params.group_id, target, q['reset-subsystems'] ?? []);
        return reply.code(204).send();
      },
    );

    r.delete(
      '/groups/:group_id/devices/:device_id',
      {
        schema: {
          operationId: 'unassign_v1beta2_group_device_by_id',
          summary: 'Detach one server from the group',
          tags,
          params: MemberParams,
          querystring: DeviceQuery,
          response: { 204: NoContent, ...errorResponses(400, 401, 403, 404, 406, 500) },
        },
      },
      async (request, reply) => {
        await s.membership.unassignSync(callContext(request), request.params.group_id, { ids: [request.params.device_id] }, request.query['reset-subsystems'] ?? []);
        return reply.code(204).send();
      },
    );

    await compliance(app, scope);
    await externalStorage(app, scope);
    await iloCompliance(app, scope);
  };
}
