// activities v1beta2 routes: schema → service → toV1beta2. Nothing else happens here.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { VersionRoutes } from '../../../http/api-scope.ts';
import { callContext } from '../../../http/request-context.ts';
import { errorResponses } from '../../../http/schemas.ts';
import { listEnvelope } from '../../list-envelope.ts';
import type { ActivityService } from '../service.ts';
import { negotiateLanguage } from './language.ts';
import { groupToV1beta2, listSpecV1beta2, normalizeSort, toV1beta2, uriBases } from './mapper.ts';
import { ActivityCollectionV1beta2, ActivityHeadersV1beta2, ActivityListQueryV1beta2 } from './schemas.ts';

export function activitiesV1beta2(service: ActivityService): VersionRoutes {
  return (app, scope) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.get(
      '/activities',
      {
        schema: {
          operationId: 'get_v1beta2_activities',
          summary: 'List activities: the audit and event feed, newest first, optionally grouped',
          tags: ['activities'],
          querystring: ActivityListQueryV1beta2,
          headers: ActivityHeadersV1beta2,
          response: { 200: ActivityCollectionV1beta2, ...errorResponses(400, 401, 403, 406, 500) },
        },
      },
      async (request, reply) => {
        const query = request.query;
        const language = negotiateLanguage(request.headers['accept-language']);
        // An old script pages with `count` instead of `limit` (activities.md §1).
        const legacyCount = (request.query as { count?: unknown }).count;
        const result = await service.list(
          callContext(request),
          {
            filter: query.filter,
            sort: normalizeSort(query.sort),
            offset: query.offset,
            limit: query.limit ?? (typeof legacyCount === 'string' ? legacyCount : undefined),
            groups: query.groups,
          },
          listSpecV1beta2,
          uriBases(scope),
        );
        reply.header('content-language', language);
        return result.grouped
          ? listEnvelope(reply, result.page, (g) => groupToV1beta2(g, scope, language), query.select)
          : listEnvelope(reply, result.page, (a) => toV1beta2(a, scope, language), query.select);
      },
    );
  };
}
