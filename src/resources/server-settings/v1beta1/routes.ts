// server-settings v1beta1 routes: schema → fromServerSettingV1beta1 → settings service → toServerSettingV1beta1.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { resourceUri, type VersionRoutes } from '../../../http/api-scope.ts';
import { callContext } from '../../../http/request-context.ts';
import { errorResponses, ListQuery } from '../../../http/schemas.ts';
import { listEnvelope } from '../../list-envelope.ts';
import type { SettingsService } from '../../settings/service.ts';
import { fromServerSettingPatchV1beta1, fromServerSettingV1beta1, listSpecServerSettings, toServerSettingV1beta1, viewServerSettings } from './mapper.ts';
import { DeleteQuery, IdParams, ServerSettingCollectionV1beta1, ServerSettingCreateV1beta1, ServerSettingPatchV1beta1, ServerSettingV1beta1 } from './schemas.ts';

const tags = ['server-settings'];
const view = viewServerSettings;

export function serverSettingsV1beta1(service: SettingsService): VersionRoutes {
  return (app, scope) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    const toWire = (s: Parameters<typeof toServerSettingV1beta1>[0]) => toServerSettingV1beta1(s, scope);

    r.get(
      '/server-settings',
      {
        schema: {
          operationId: 'get_v1beta1_server_settings',
          summary: 'List server settings (legacy name of settings)',
          tags,
          querystring: ListQuery,
          response: { 200: ServerSettingCollectionV1beta1, ...errorResponses(400, 401, 403, 406, 500) },
        },
      },
      async (request, reply) => {
        const page = await service.list(callContext(request), view, request.query, listSpecServerSettings);
        return listEnvelope(reply, page, toWire, request.query.select);
      },
    );

    r.post(
      '/server-settings',
      {
        schema: {
          operationId: 'create_server_settings',
          summary: 'Create a server setting (legacy)',
          tags,
          body: ServerSettingCreateV1beta1,
          response: { 201: ServerSettingV1beta1, ...errorResponses(400, 401, 403, 406, 409, 415, 500) },
        },
      },
      async (request, reply) => {
        const created = await service.create(callContext(request), view, fromServerSettingV1beta1(request.body));
        reply.code(201).header('location', resourceUri(scope, `server-settings/${created.id}`));
        return toWire(created);
      },
    );

    r.get(
      '/server-settings/:id',
      {
        schema: {
          operationId: 'get_v1beta1_server_settings_by_id',
          summary: 'Read one server setting (legacy)',
          tags,
          params: IdParams,
          response: { 200: ServerSettingV1beta1, ...errorResponses(401, 403, 404, 406, 500) },
        },
      },
      async (request) => toWire(await service.get(callContext(request), view, request.params.id)),
    );

    r.patch(
      '/server-settings/:id',
      {
        schema: {
          operationId: 'patch_v1beta1_server_settings_by_id',
          summary: 'Modify a server setting (legacy, JSON merge patch)',
          tags,
          params: IdParams,
          body: ServerSettingPatchV1beta1,
          response: { 200: ServerSettingV1beta1, ...errorResponses(400, 401, 403, 404, 406, 412, 415, 500) },
        },
      },
      async (request) => {
        const patch = fromServerSettingPatchV1beta1(request.body);
        return toWire(await service.update(callContext(request), view, request.params.id, patch, request.headers['if-match']));
      },
    );

    r.delete(
      '/server-settings/:id',
      {
        schema: {
          operationId: 'delete_v1beta1_server_settings_by_id',
          summary: 'Delete a server setting (legacy)',
          tags,
          params: IdParams,
          querystring: DeleteQuery,
          response: { 204: { type: 'null', description: 'Deleted' }, ...errorResponses(401, 403, 404, 409, 412, 500) },
        },
      },
      async (request, reply) => {
        const force = request.query.force?.toLowerCase() === 'true';
        await service.delete(callContext(request), view, request.params.id, force, request.headers['if-match']);
        return reply.code(204).send();
      },
    );
  };
}
