// The two firmware-bundles operations every version serves, wired once: schema → service → toVx. Read-only,
// as COM publishes them. A version brings its schemas, mapper and list spec; operation ids follow its name.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { TSchema } from '@sinclair/typebox';
import type { ApiScope, VersionRoutes } from '../../http/api-scope.ts';
import { errorResponses } from '../../http/schemas.ts';
import type { ListSpec } from '../../query/list-spec.ts';
import { listEnvelope } from '../list-envelope.ts';
import type { FirmwareBundleHead } from './model.ts';
import type { FirmwareBundleService } from './service.ts';
import { BundleIdParams, FirmwareBundleListQuery } from './wire.ts';

export interface FirmwareBundlesVersion {
  version: 'v1' | 'v1beta2' | 'v1beta1';
  item: TSchema;
  collection: TSchema;
  listSpec: ListSpec;
  toWire(b: FirmwareBundleHead, scope: ApiScope): unknown;
}

const tags = ['firmware-bundles'];

export function bundleRoutes(service: FirmwareBundleService, v: FirmwareBundlesVersion): VersionRoutes {
  return (app, scope) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.get(
      '/firmware-bundles',
      {
        schema: {
          operationId: `get_${v.version}_firmware_bundles`,
          summary: 'Page through server firmware bundles (SPP, patches and hotfixes)',
          tags,
          querystring: FirmwareBundleListQuery,
          response: { 200: v.collection, ...errorResponses(400, 401, 403, 406, 500) },
        },
      },
      async (request, reply) => {
        const page = await service.list(request.query, v.listSpec);
        return listEnvelope(reply, page, (b) => v.toWire(b, scope), request.query.select);
      },
    );

    r.get(
      '/firmware-bundles/:id',
      {
        schema: {
          operationId: `get_${v.version}_firmware_bundle_by_id`,
          summary: 'Read one firmware bundle',
          tags,
          params: BundleIdParams,
          response: { 200: v.item, ...errorResponses(400, 401, 403, 404, 406, 500) },
        },
      },
      async (request) => v.toWire(await service.get(request.params.id), scope),
    );
  };
}
