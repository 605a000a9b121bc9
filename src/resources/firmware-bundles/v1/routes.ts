// firmware-bundles v1 routes: the shared list and read (../routes.ts), plus firmware-bundles-details v1,
// which lives under the same path root. Read-only, as COM publishes them.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { VersionRoutes } from '../../../http/api-scope.ts';
import { errorResponses } from '../../../http/schemas.ts';
import { listEnvelope } from '../../list-envelope.ts';
import { bundleRoutes } from '../routes.ts';
import type { FirmwareBundleService } from '../service.ts';
import { BundleIdParams } from '../wire.ts';
import { detailToV1, listSpecV1, toV1 } from './mapper.ts';
import { FirmwareBundleCollectionV1, FirmwareBundleDetailsCollectionV1, FirmwareBundleV1 } from './schemas.ts';

export function firmwareBundlesV1(service: FirmwareBundleService): VersionRoutes {
  const bundles = bundleRoutes(service, { version: 'v1', item: FirmwareBundleV1, collection: FirmwareBundleCollectionV1, listSpec: listSpecV1, toWire: toV1 });
  return async (app, scope) => {
    await bundles(app, scope);
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.get(
      '/firmware-bundles/:id/bundle-details',
      {
        schema: {
          operationId: 'get_v1_firmware_bundle_details_by_id',
          summary: 'List the per-component contents of a firmware bundle, by component category',
          tags: ['firmware-bundles-details'],
          params: BundleIdParams,
          response: { 200: FirmwareBundleDetailsCollectionV1, ...errorResponses(400, 401, 403, 404, 406, 500) },
        },
      },
      async (request, reply) => listEnvelope(reply, await service.details(request.params.id), (d) => detailToV1(d, scope)),
    );
  };
}
