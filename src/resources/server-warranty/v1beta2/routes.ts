// server-warranty v1beta2 routes: schema → service → toV1beta2. Read-only, as COM publishes it.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { VersionRoutes } from '../../../http/api-scope.ts';
import { callContext } from '../../../http/request-context.ts';
import { errorResponses } from '../../../http/schemas.ts';
import { listEnvelope } from '../../list-envelope.ts';
import type { ServerWarrantyService } from '../service.ts';
import { listRequestV1beta2, listSpecV1beta2, toV1beta2 } from './mapper.ts';
import { IdParams, ServerWarrantyCollectionV1beta2, ServerWarrantyV1beta2, WarrantyListQueryV1beta2 } from './schemas.ts';

const tags = ['server-warranty'];

export function serverWarrantyV1beta2(service: ServerWarrantyService): VersionRoutes {
  return (app, scope) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.get(
      '/server-warranty',
      {
        schema: {
          operationId: 'get_v1beta2_server_warranty',
          summary: 'Lists the warranty information for all servers',
          tags,
          querystring: WarrantyListQueryV1beta2,
          response: { 200: ServerWarrantyCollectionV1beta2, ...errorResponses(400, 401, 403, 406, 500) },
        },
      },
      async (request, reply) => {
        const page = await service.list(callContext(request), listRequestV1beta2(request.query), listSpecV1beta2);
        return listEnvelope(reply, page, (w) => toV1beta2(w, scope), request.query.select);
      },
    );

    r.get(
      '/server-warranty/:id',
      {
        schema: {
          operationId: 'get_v1beta2_server_warranty_by_id',
          summary: 'List server warranty information for a given UUID',
          tags,
          params: IdParams,
          response: { 200: ServerWarrantyV1beta2, ...errorResponses(400, 401, 403, 404, 406, 500) },
        },
      },
      async (request) => toV1beta2(await service.get(callContext(request), request.params.id), scope),
    );
  };
}
