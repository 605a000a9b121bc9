// The five settings operations, wired once: schema → fromVx → service → toVx. Each version's routes.ts
// supplies its operation ids, schemas, mapper and view; nothing else differs between v1 and v1beta1.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { TSchema } from '@sinclair/typebox';
import { resourceUri, type ApiScope, type VersionRoutes } from '../../http/api-scope.ts';
import { callContext } from '../../http/request-context.ts';
import { errorResponses, ListQuery } from '../../http/schemas.ts';
import type { ListSpec } from '../../query/list-spec.ts';
import { listEnvelope } from '../list-envelope.ts';
import type { Setting, SettingDraft, SettingPatch, SettingsService, SettingsView } from './service.ts';
import { DeleteQuery, IdParams, SettingCreateBody, SettingPatchBody, type SettingWire } from './wire.ts';

export interface SettingsVersion {
  operationIds: { list: string; create: string; get: string; patch: string; delete: string };
  item: TSchema;
  collection: TSchema;
  view: SettingsView;
  listSpec: ListSpec;
  toWire(s: Setting, scope: ApiScope): SettingWire;
  fromCreate(body: SettingCreateBody): SettingDraft;
  fromPatch(body: SettingPatchBody): SettingPatch;
}

const tags = ['settings'];

export function settingsRoutes(service: SettingsService, v: SettingsVersion): VersionRoutes {
  return (app, scope) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.get(
      '/settings',
      {
        schema: {
          operationId: v.operationIds.list,
          summary: 'List device settings (firmware, BIOS, iLO, OS, storage, OneView appliance)',
          tags,
          querystring: ListQuery,
          response: { 200: v.collection, ...errorResponses(400, 401, 403, 406, 500) },
        },
      },
      async (request, reply) => {
        const page = await service.list(callContext(request), v.view, request.query, v.listSpec);
        return listEnvelope(reply, page, (s) => v.toWire(s, scope), request.query.select);
      },
    );

    r.post(
      '/settings',
      {
        schema: {
          operationId: v.operationIds.create,
          summary: 'Create a device setting',
          tags,
          body: SettingCreateBody,
          response: { 201: v.item, ...errorResponses(400, 401, 403, 406, 409, 415, 500) },
        },
      },
      async (request, reply) => {
        const created = await service.create(callContext(request), v.view, v.fromCreate(request.body));
        reply.code(201).header('location', resourceUri(scope, `settings/${created.id}`));
        return v.toWire(created, scope);
      },
    );

    r.get(
      '/settings/:id',
      {
        schema: {
          operationId: v.operationIds.get,
          summary: 'Read one device setting',
          tags,
          params: IdParams,
          response: { 200: v.item, ...errorResponses(401, 403, 404, 406, 500) },
        },
      },
      async (request) => v.toWire(await service.get(callContext(request), v.view, request.params.id), scope),
    );

    r.patch(
      '/settings/:id',
      {
        schema: {
          operationId: v.operationIds.patch,
          summary: 'Modify a device setting (JSON merge patch)',
          tags,
          params: IdParams,
          body: SettingPatchBody,
          response: { 200: v.item, ...errorResponses(400, 401, 403, 404, 406, 412, 415, 500) },
        },
      },
      async (request) => {
        const updated = await service.update(callContext(request), v.view, request.params.id, v.fromPatch(request.body), request.headers['if-match']);
        return v.toWire(updated, scope);
      },
    );

    r.delete(
      '/settings/:id',
      {
        schema: {
          operationId: v.operationIds.delete,
          summary: 'Delete a device setting',
          tags,
          params: IdParams,
          querystring: DeleteQuery,
          response: { 204: { type: 'null', description: 'Deleted' }, ...errorResponses(401, 403, 404, 409, 412, 500) },
        },
      },
      async (request, reply) => {
        const force = request.query.force?.toLowerCase() === 'true';
        await service.delete(callContext(request), v.view, request.params.id, force, request.headers['if-match']);
        return reply.code(204).send();
      },
    );
  };
}
