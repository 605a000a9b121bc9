// The groups operations every version serves alike, wired once: schema → fromVx → service → toVx. A version
// brings its schemas, mapper, list specs and summaries; what only some versions have (async or synchronous
// assignment, the iLO-settings records) stays in their routes.ts, which calls these in registration order.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { TSchema } from '@sinclair/typebox';
import { resourceUri, type ApiScope, type VersionRoutes } from '../../http/api-scope.ts';
import { callContext } from '../../http/request-context.ts';
import { Collection, errorResponses, ListQuery } from '../../http/schemas.ts';
import type { ListSpec } from '../../query/list-spec.ts';
import { listEnvelope } from '../list-envelope.ts';
import type { ComplianceCategory, DeviceCompliance, GroupMember, GroupView } from './model.ts';
import type { GroupDraft, GroupPatch, WireNames } from './service.ts';
import type { GroupServices } from './services.ts';
import { ComplianceParams, DeleteGroupQuery, ExternalStorageComplianceWire, GroupParams, IloComplianceParams, isTrue, NoContent } from './wire.ts';

const tags = ['groups'];

type Version = 'v1' | 'v1beta3' | 'v1beta2';

export interface GroupsVersion<Create, Patch> {
  version: Version;
  group: TSchema;
  member: TSchema;
  createBody: TSchema;
  patchBody: TSchema;
  /** The summaries that differ between versions (v1beta2 speaks of servers and its legacy members). */
  summaries: { create: string; patch: string; members: string; membersCollection: string };
  groupListSpec: ListSpec;
  memberListSpec: ListSpec;
  names: WireNames;
  /** Where the version's settings live, so the service can read settingsUris filters. */
  settingsBase(scope: ApiScope): string;
  toGroup(g: GroupView, scope: ApiScope): unknown;
  toMember(d: GroupMember, scope: ApiScope): unknown;
  fromCreate(body: Create): GroupDraft;
  fromPatch(body: Patch): GroupPatch;
}

/** List, create, read, patch and delete groups, then list a group's members. */
export function groupRoutes<Create, Patch>(s: GroupServices, v: GroupsVersion<Create, Patch>): VersionRoutes {
  return (app, scope) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    const settingsBase = v.settingsBase(scope);

    r.get(
      '/groups',
      { schema: { operationId: `get_${v.version}_groups`, summary: 'Page through groups', tags, querystring: ListQuery, response: { 200: Collection(v.group, 'Groups'), ...errorResponses(400, 401, 403, 406, 500) } } },
      async (request, reply) => {
        const page = await s.groups.list(callContext(request), request.query, v.groupListSpec, { settingsBase });
        return listEnvelope(reply, page, (g) => v.toGroup(g, scope), request.query.select);
      },
    );

    r.post(
      '/groups',
      {
        schema: {
          operationId: `create_${v.version}_group`,
          summary: v.summaries.create,
          tags,
          body: v.createBody,
          response: { 201: v.group, ...errorResponses(400, 401, 403, 406, 409, 415, 500) },
        },
      },
      async (request, reply) => {
        const created = await s.groups.create(callContext(request), v.fromCreate(request.body as Create), v.names);
        reply.code(201).header('location', resourceUri(scope, `groups/${created.id}`));
        return v.toGroup(created, scope);
      },
    );

    r.get(
      '/groups/:group_id',
      { schema: { operationId: `get_${v.version}_group_by_id`, summary: 'Read one group', tags, params: GroupParams, response: { 200: v.group, ...errorResponses(400, 401, 403, 404, 406, 500) } } },
      async (request) => v.toGroup(await s.groups.get(callContext(request), request.params.group_id), scope),
    );

    r.patch(
      '/groups/:group_id',
      {
        schema: {
          operationId: `patch_${v.version}_group_by_id`,
          summary: v.summaries.patch,
          tags,
          params: GroupParams,
          body: v.patchBody,
          response: { 200: v.group, ...errorResponses(400, 401, 403, 404, 406, 412, 415, 500) },
        },
      },
      async (request) => {
        const updated = await s.groups.update(callContext(request), request.params.group_id, v.fromPatch(request.body as Patch), v.names, request.headers['if-match']);
        return v.toGroup(updated, scope);
      },
    );

    r.delete(
      '/groups/:group_id',
      {
        schema: {
          operationId: `delete_${v.version}_group_by_id`,
          summary: 'Delete a group (force=true also detaches members)',
          tags,
          params: GroupParams,
          querystring: DeleteGroupQuery,
          response: { 204: NoContent, ...errorResponses(400, 401, 403, 404, 406, 412, 500) },
        },
      },
      async (request, reply) => {
        await s.groups.delete(callContext(request), request.params.group_id, isTrue(request.query.force), request.headers['if-match']);
        return reply.code(204).send();
      },
    );

    r.get(
      '/groups/:group_id/devices',
      {
        schema: {
          operationId: `get_${v.version}_group_devices`,
          summary: v.summaries.members,
          tags,
          params: GroupParams,
          querystring: ListQuery,
          response: { 200: Collection(v.member, v.summaries.membersCollection), ...errorResponses(400, 401, 403, 404, 406, 500) },
        },
      },
      async (request, reply) => {
        const page = await s.membership.listMembers(callContext(request), request.params.group_id, request.query, v.memberListSpec);
        return listEnvelope(reply, page, (d) => v.toMember(d, scope), request.query.select);
      },
    );
  };
}

/** The two kinds of device compliance record a group lists: path, id parameter and operation ids. */
const RECORD_KINDS = {
  compliance: {
    params: ComplianceParams,
    id: 'compliance_id',
    list: (v: Version) => `get_${v}_group_devices_compliance`,
    get: (v: Version) => `get_${v}_compliance_by_compliance_id`,
  },
  'ilo-settings-compliance': {
    params: IloComplianceParams,
    id: 'ilo_settings_compliance_id',
    list: (v: Version) => `get_${v}_group_ilo_settings_compliance`,
    get: (v: Version) => `get_${v}_ilo_settings_compliance_by_compliance_id`,
  },
} as const;

export interface ComplianceRecords {
  version: Version;
  kind: keyof typeof RECORD_KINDS;
  /** The categories the records come from (v1's /compliance lists both, the others one). */
  categories: readonly ComplianceCategory[];
  item: TSchema;
  collection: TSchema;
  summaries: { list: string; get: string };
  listSpec: ListSpec;
  toWire(c: DeviceCompliance, scope: ApiScope): unknown;
  /** v1beta2 lists also carry the legacy `start` (= offset). */
  start?: boolean;
}

/** List a group's compliance records of one kind, and read one. */
export function complianceRoutes(s: GroupServices, o: ComplianceRecords): VersionRoutes {
  const kind = RECORD_KINDS[o.kind];
  return (app, scope) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.get(
      `/groups/:group_id/${o.kind}`,
      {
        schema: {
          operationId: kind.list(o.version),
          summary: o.summaries.list,
          tags,
          params: GroupParams,
          querystring: ListQuery,
          response: { 200: o.collection, ...errorResponses(400, 401, 403, 404, 406, 500) },
        },
      },
      async (request, reply) => {
        const page = await s.compliance.list(callContext(request), request.params.group_id, o.categories, request.query, o.listSpec);
        const body = listEnvelope(reply, page, (c) => o.toWire(c, scope), request.query.select);
        return o.start ? { ...body, start: body.offset } : body;
      },
    );

    r.get(
      `/groups/:group_id/${o.kind}/:${kind.id}`,
      {
        schema: {
          operationId: kind.get(o.version),
          summary: o.summaries.get,
          tags,
          params: kind.params,
          response: { 200: o.item, ...errorResponses(400, 401, 403, 404, 406, 500) },
        },
      },
      async (request) => {
        const params = request.params as { group_id: string } & Record<typeof kind.id, string>;
        return o.toWire(await s.compliance.get(callContext(request), params.group_id, params[kind.id], o.categories), scope);
      },
    );
  };
}

/** Read the group's external-storage compliance; `description` is what the version documents beyond the summary. */
export function externalStorageRoute(s: GroupServices, version: Version, description?: string): VersionRoutes {
  return (app) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.get(
      '/groups/:group_id/external-storage-compliance',
      {
        schema: {
          operationId: `get_${version}_group_external_storage_compliance`,
          summary: 'Read external-storage compliance for the group',
          ...(description ? { description } : {}),
          tags,
          params: GroupParams,
          response: { 200: ExternalStorageComplianceWire, ...errorResponses(400, 401, 403, 404, 406, 500) },
        },
      },
      async (request) => {
        const found = await s.compliance.externalStorage(callContext(request), request.params.group_id);
        return { ...found, deviations: found.deviations as never };
      },
    );
  };
}
