// async-operations v1 routes: the shared list and read (../routes.ts), plus cancel, which answers 202 with no
// body once the operation is CANCELLED (async-operations.md §2.3).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { VersionRoutes } from '../../../http/api-scope.ts';
import { callContext } from '../../../http/request-context.ts';
import { errorResponses } from '../../../http/schemas.ts';
import type { AsyncOperationService } from '../reader.ts';
import { asyncOperationRoutes } from '../routes.ts';
import { OperationParams } from '../wire.ts';
import { toV1 } from './mapper.ts';
import { Accepted, AsyncOperationCollectionV1, AsyncOperationV1 } from './schemas.ts';

export function asyncOperationsV1(service: AsyncOperationService): VersionRoutes {
  const reads = asyncOperationRoutes(service, { version: 'v1', item: AsyncOperationV1, collection: AsyncOperationCollectionV1, toWire: toV1 });
  return async (app, scope) => {
    await reads(app, scope);
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.post(
      '/async-operations/:id/cancel',
      {
        schema: {
          operationId: 'cancel_v1_async_operation_by_id',
          summary: 'Cancel an async operation',
          description: 'Cancels a SUSTAINABILITY_METRICS_COLLECTION async operation that has not ended; other types cannot be cancelled.',
          tags: ['async-operations'],
          params: OperationParams,
          response: { 202: Accepted, ...errorResponses(400, 401, 403, 404, 406, 412, 415, 500) },
        },
      },
      async (request, reply) => {
        await service.cancel(callContext(request), request.params.id);
        return reply.code(202).send();
      },
    );
  };
}
