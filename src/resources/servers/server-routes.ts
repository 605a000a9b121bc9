// The server collection and item routes, served for every version from the same handlers: a version brings
// its wire schemas, its mapper and its list spec (style.md §1.1: one hub, thin versions). Routes only.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { TSchema } from '@sinclair/typebox';
import { resourceUri, type ApiScope, type VersionRoutes } from '../../http/api-scope.ts';
import { callContext } from '../../http/request-context.ts';
import { errorResponses } from '../../http/schemas.ts';
import type { ListSpec } from '../../query/list-spec.ts';
import { applySelect, parseSelect } from '../../query/select.ts';
import { listEnvelope } from '../list-envelope.ts';
import type { Server } from './model.ts';
import {
  IdParams,
  IdsQuery,
  refuseUnknownMembers,
  SelectQuery,
  ServerCreateRequest,
  ServerJobResponse,
  ServerListQuery,
  ServerListQueryWithSelect,
  ServerUpdateRequest,
  toRegistrationRequest,
  toServerPatch,
} from './requests.ts';
import type { ServerService } from './service.ts';

/** What a version contributes to the shared handlers. */
export interface ServerVersion {
  version: string;
  item: TSchema;
  collection: TSchema;
  toWire(server: Server, scope: ApiScope): object;
  listSpec: ListSpec;
  /** `select` on list and get (v1 only, servers.md §0.5). */
  select: boolean;
  /**
   * A legacy version real clients still call but the reference no longer lists (client-compat.md): list, get
   * and patch only, hidden from /openapi.json, and PATCH also accepts application/json as old scripts send it.
   */
  legacy?: boolean;
}

const tags = ['servers'];
const NoBody = { type: 'null', description: 'Success; the response has no body' } as const;

export function serverRoutes(service: ServerService, v: ServerVersion): VersionRoutes {
  return (app, scope) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    const hide = v.legacy ? { hide: true } : {};
    const patchTypes = v.legacy ? { bodyTypes: ['application/merge-patch+json', 'application/json'] } : {};
    const wire = (s: Server) => v.toWire(s, scope);
    const selectPaths = (query: { select?: string }) => (v.select && query.select ? parseSelect(query.select) : []);

    r.get(
      '/servers',
      {
        schema: {
          ...hide,
          operationId: `get_${v.version}_servers`,
          summary: 'List servers',
          tags,
          querystring: v.select ? ServerListQueryWithSelect : ServerListQuery,
          response: { 200: v.collection, ...errorResponses(400, 401, 403, 406, 500) },
        },
      },
      async (request, reply) => {
        const query = request.query as { offset?: string; limit?: string; filter?: string; select?: string };
        const workspaceId = callContext(request).workspaceId;
        const base = resourceUri(scope, 'servers/');
        if (!selectPaths(query).length) {
          // The whole representation: served as cached wire JSON (render-cache.ts), already whitelisted by the mapper.
          const body = await service.listRendered(workspaceId, query, v.listSpec, scope, base, wire);
          return reply.type('application/json; charset=utf-8').send(body);
        }
        const page = await service.list(workspaceId, query, v.listSpec, base);
        return listEnvelope(reply, page, wire, query.select);
      },
    );

    r.get(
      '/servers/:id',
      {
        schema: {
          ...hide,
          operationId: `get_${v.version}_server_by_id`,
          summary: 'Read one server',
          tags,
          params: IdParams,
          ...(v.select ? { querystring: SelectQuery } : {}),
          response: { 200: v.item, ...errorResponses(400, 401, 403, 404, 406, 500) },
        },
      },
      async (request, reply) => {
        const item = wire(await service.get(callContext(request).workspaceId, request.params.id));
        const paths = selectPaths(request.query as { select?: string });
        if (!paths.length) return item;
        // A trimmed item legitimately lacks members the response schema requires.
        reply.serializer(JSON.stringify);
        return applySelect(item as Record<string, unknown>, paths);
      },
    );

    r.patch(
      '/servers/:id',
      {
        config: patchTypes,
        preValidation: refuseUnknownMembers(ServerUpdateRequest),
        schema: {
          ...hide,
          operationId: `patch_${v.version}_server_by_id`,
          summary: 'Update one server (JSON merge patch)',
          tags,
          params: IdParams,
          body: ServerUpdateRequest,
          response: { 200: v.item, ...errorResponses(400, 401, 403, 404, 406, 412, 415, 500) },
        },
      },
      async (request) => {
        const ctx = callContext(request);
        return wire(await service.patch(ctx.workspaceId, request.params.id, toServerPatch(request.body), request.headers['if-match']));
      },
    );

    if (v.legacy) return;

    r.patch(
      '/servers',
      {
        preValidation: refuseUnknownMembers(ServerUpdateRequest),
        schema: {
          operationId: `patch_${v.version}_servers_by_ids`,
          summary: 'Update several servers at once, all or nothing (JSON merge patch)',
          tags,
          querystring: IdsQuery,
          body: ServerUpdateRequest,
          response: { 200: NoBody, ...errorResponses(400, 401, 403, 404, 406, 412, 415, 500) },
        },
      },
      async (request, reply) => {
        await service.patchMany(callContext(request).workspaceId, request.query.id, toServerPatch(request.body), request.headers['if-match']);
        return reply.code(200).send();
      },
    );

    r.post(
      '/servers',
      {
        schema: {
          operationId: `post_${v.version}_server`,
          summary: 'Add a server COM reaches with stored BMC credentials (asynchronous, through a job)',
          tags,
          body: ServerCreateRequest,
          response: {
            // @fastify/swagger documents `headers` as a map of header name to schema.
            202: { ...ServerJobResponse, headers: { Location: { type: 'string', description: 'Root-relative URI of the job adding the server' } } },
            ...errorResponses(400, 401, 403, 406, 415, 500),
          },
        },
      },
      async (request, reply) => {
        const ctx = callContext(request);
        const jobId = await service.register(ctx.workspaceId, ctx.principal.userId, toRegistrationRequest(request.body));
        // Jobs are published as v1 only; the prefix follows the request (conventions §1).
        return reply
          .code(202)
          .header('location', resourceUri({ prefix: scope.prefix, version: 'v1' }, `jobs/${jobId}`))
          .send({ jobId });
      },
    );

    r.delete(
      '/servers/:id',
      {
        schema: {
          operationId: `delete_${v.version}_server_by_id`,
          summary: 'Remove a server added with stored BMC credentials',
          tags,
          params: IdParams,
          response: { 204: NoBody, ...errorResponses(400, 401, 403, 404, 406, 412, 500) },
        },
      },
      async (request, reply) => {
        await service.delete(callContext(request).workspaceId, request.params.id, request.headers['if-match']);
        return reply.code(204).send();
      },
    );
  };
}
