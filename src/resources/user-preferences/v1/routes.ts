// user-preferences v1 routes: schema → fromV1 → service → toV1. Nothing else happens here.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { randomUUID } from 'node:crypto';
import type { VersionRoutes } from '../../../http/api-scope.ts';
import { callContext } from '../../../http/request-context.ts';
import { errorResponses, ListQuery } from '../../../http/schemas.ts';
import { listEnvelope } from '../../list-envelope.ts';
import type { SubscribeRecipients, UserPreferenceService, BulkOutcome } from '../service.ts';
import { fromV1, listSpecV1, toV1 } from './mapper.ts';
import {
  IdParams,
  SubscribeRequestV1,
  SubscribeResponseV1,
  UnsubscribeRequestV1,
  UserPreferenceCollectionV1,
  UserPreferenceRequestV1,
  UserPreferenceV1,
} from './schemas.ts';

const tags = ['user-preferences'];

function recipientsOf(lists: UnsubscribeRequestV1): SubscribeRecipients {
  return { all: lists.all ?? [], critical: lists.critical ?? [], health: lists.health ?? [], powerReset: lists.powerReset ?? [], disconnect: lists.disconnect ?? [] };
}

export function userPreferencesV1(service: UserPreferenceService): VersionRoutes {
  return (app, scope) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    const bulkReply = (outcome: BulkOutcome) => ({
      successCount: outcome.successes.length,
      errorCount: outcome.errors.length,
      successes: outcome.successes.map((p) => toV1(p, scope)),
      errors: outcome.errors.map((e) => e.toBody(randomUUID())),
    });

    r.get(
      '/user-preferences',
      {
        schema: {
          operationId: 'get_v1_user_preferences',
          summary: "Read the caller's default notification preferences (0 or 1 item)",
          tags,
          querystring: ListQuery,
          response: { 200: UserPreferenceCollectionV1, ...errorResponses(400, 401, 403, 406, 500) },
        },
      },
      async (request, reply) => {
        const page = await service.list(callContext(request), request.query, listSpecV1);
        return listEnvelope(reply, page, (p) => toV1(p, scope), request.query.select);
      },
    );

    r.post(
      '/user-preferences',
      {
        schema: {
          operationId: 'post_v1_user_preferences',
          summary: "Create the caller's default notification preferences",
          tags,
          body: UserPreferenceRequestV1,
          response: { 200: UserPreferenceV1, ...errorResponses(400, 401, 403, 404, 406, 415, 500) },
        },
      },
      async (request) => toV1(await service.create(callContext(request), fromV1(request.body)), scope),
    );

    r.get(
      '/user-preferences/:id',
      {
        schema: {
          operationId: 'get_v1_user_preference_by_id',
          summary: 'Read one preferences object',
          tags,
          params: IdParams,
          response: { 200: UserPreferenceV1, ...errorResponses(400, 401, 403, 404, 406, 500) },
        },
      },
      async (request) => toV1(await service.get(callContext(request), request.params.id), scope),
    );

    r.put(
      '/user-preferences/:id',
      {
        schema: {
          operationId: 'put_v1_user_preferences',
          summary: 'Replace a preferences object',
          tags,
          params: IdParams,
          body: UserPreferenceRequestV1,
          response: { 200: UserPreferenceV1, ...errorResponses(400, 401, 403, 404, 406, 412, 415, 500) },
        },
      },
      async (request) => {
        const updated = await service.replace(callContext(request), request.params.id, () => fromV1(request.body), request.headers['if-match']);
        return toV1(updated, scope);
      },
    );

    r.post(
      '/user-preferences/subscribe',
      {
        config: { permission: 'admin' },
        schema: {
          operationId: 'post_v1_user_preferences_subscribe',
          summary: 'Turn notification options on for listed users',
          tags,
          body: SubscribeRequestV1,
          response: { 200: SubscribeResponseV1, ...errorResponses(400, 401, 403, 404, 406, 415, 500) },
        },
      },
      async (request) => {
        const { recipients, requestData } = request.body;
        const outcome = await service.subscribe(callContext(request), recipientsOf(recipients), {
          ...requestData,
          disconnectNotification: requestData.disconnectNotification ?? null,
        });
        return bulkReply(outcome);
      },
    );

    r.post(
      '/user-preferences/unsubscribe',
      {
        config: { permission: 'admin' },
        schema: {
          operationId: 'post_v1_user_preferences_unsubscribe',
          summary: 'Turn notification options off for listed users',
          tags,
          body: UnsubscribeRequestV1,
          response: { 200: SubscribeResponseV1, ...errorResponses(400, 401, 403, 404, 406, 415, 500) },
        },
      },
      async (request) => bulkReply(await service.unsubscribe(callContext(request), recipientsOf(request.body))),
    );
  };
}
