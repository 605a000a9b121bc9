// user-preferences v1beta1 routes: schema → fromV1beta1 → service → toV1beta1.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { VersionRoutes } from '../../../http/api-scope.ts';
import { callContext } from '../../../http/request-context.ts';
import { errorResponses, ListQuery } from '../../../http/schemas.ts';
import { listEnvelope } from '../../list-envelope.ts';
import type { UserPreferenceService } from '../service.ts';
import { IdParams } from '../v1/schemas.ts';
import { fromV1beta1, listSpecV1beta1, toV1beta1 } from './mapper.ts';
import { UserPreferenceCollectionV1beta1, UserPreferenceRequestV1beta1, UserPreferenceV1beta1 } from './schemas.ts';

const tags = ['user-preferences'];

export function userPreferencesV1beta1(service: UserPreferenceService): VersionRoutes {
  return (app, scope) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.get(
      '/user-preferences',
      {
        schema: {
          operationId: 'get_v1beta1_user_preferences',
          summary: "Read the caller's default notification preferences (0 or 1 item)",
          tags,
          querystring: ListQuery,
          response: { 200: UserPreferenceCollectionV1beta1, ...errorResponses(400, 401, 403, 406, 500) },
        },
      },
      async (request, reply) => {
        const page = await service.list(callContext(request), request.query, listSpecV1beta1);
        return listEnvelope(reply, page, (p) => toV1beta1(p, scope), request.query.select);
      },
    );

    r.post(
      '/user-preferences',
      {
        schema: {
          operationId: 'post_v1beta1_user_preferences',
          summary: "Create the caller's default notification preferences",
          tags,
          body: UserPreferenceRequestV1beta1,
          response: { 200: UserPreferenceV1beta1, ...errorResponses(400, 401, 403, 404, 406, 415, 500) },
        },
      },
      async (request) => toV1beta1(await service.create(callContext(request), fromV1beta1(request.body)), scope),
    );

    r.get(
      '/user-preferences/:id',
      {
        schema: {
          operationId: 'get_v1beta1_user_preference_by_id',
          summary: 'Read one preferences object',
          tags,
          params: IdParams,
          response: { 200: UserPreferenceV1beta1, ...errorResponses(400, 401, 403, 404, 406, 500) },
        },
      },
      async (request) => toV1beta1(await service.get(callContext(request), request.params.id), scope),
    );

    r.put(
      '/user-preferences/:id',
      {
        schema: {
          operationId: 'put_v1beta1_user_preferences',
          summary: 'Replace a preferences object',
          tags,
          params: IdParams,
          body: UserPreferenceRequestV1beta1,
          response: { 200: UserPreferenceV1beta1, ...errorResponses(400, 401, 403, 404, 406, 412, 415, 500) },
        },
      },
      async (request) => {
        const updated = await service.replace(
          callContext(request),
          request.params.id,
          (current) => fromV1beta1(request.body, current),
          request.headers['if-match'],
        );
        return toV1beta1(updated, scope);
      },
    );
  };
}
