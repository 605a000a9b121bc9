// The two async-operations reads every version serves, wired once: schema → service → toVx. The list is
// cursor-paged (async-operations.md §2.1–2.2, §2.4–2.5); a version brings its schemas and mapper, and v1 adds
// cancel in its own routes.ts.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { TSchema } from '@sinclair/typebox';
import type { ApiScope, VersionRoutes } from '../../http/api-scope.ts';
import { callContext } from '../../http/request-context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { cursorEnvelope } from '../../query/cursor-query.ts';
import type { AsyncOperation } from './model.ts';
import type { AsyncOperationService } from './reader.ts';
import { AsyncOperationListQuery, OperationParams } from './wire.ts';

export interface AsyncOperationsVersion {
  version: 'v1' | 'v1beta1';
  item: TSchema;
  collection: TSchema;
  toWire(o: AsyncOperation, scope: ApiScope): unknown;
}

const tags = ['async-operations'];

export function asyncOperationRoutes(service: AsyncOperationService, v: AsyncOperationsVersion): VersionRoutes {
  return (app, scope) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.get(
      '/async-operations',
      {
        schema: {
          operationId: `get_${v.version}_async_operations`,
          summary: 'List all async operations',
          description: 'Async operations of the last 7 days, newest first, cursor-paged: pass the answer\'s next to get the following page.',
          tags,
          querystring: AsyncOperationListQuery,
          response: { 200: v.collection, ...errorResponses(400, 401, 403, 404, 406, 412, 500) },
        },
      },
      async (request) => {
        const page = await service.list(callContext(request), `/${scope.prefix}`, request.query);
        return cursorEnvelope(page.rows.map((o) => v.toWire(o, scope)), page);
      },
    );

    r.get(
      '/async-operations/:id',
      {
        schema: {
          operationId: `get_${v.version}_async_operations_by_id`,
          summary: 'Get an async operation by ID',
          description: 'An async operation of the last 7 days; poll it until its state is SUCCEEDED, FAILED or CANCELLED.',
          tags,
          params: OperationParams,
          response: { 200: v.item, ...errorResponses(400, 401, 403, 404, 406, 412, 500) },
        },
      },
      async (request) => v.toWire(await service.get(callContext(request), request.params.id), scope),
    );
  };
}
