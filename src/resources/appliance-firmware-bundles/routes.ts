// The two appliance-firmware-bundles operations, wired once: schema → service → toVx. Read-only, as COM
// publishes them. A version brings its schemas and mapper; operation ids follow its name.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { TSchema } from '@sinclair/typebox';
import type { ApiScope, VersionRoutes } from '../../http/api-scope.ts';
import { errorResponses } from '../../http/schemas.ts';
import { listEnvelope } from '../list-envelope.ts';
import type { ApplianceFirmwareBundle } from './model.ts';
import { applianceBundleListSpec, parseDisplayAppliances } from './properties.ts';
import type { ApplianceFirmwareBundleService } from './service.ts';
import { ApplianceBundleIdParams, type applianceBundleListQuery } from './wire.ts';

export interface ApplianceBundlesVersion {
  version: 'v1' | 'v1beta1';
  item: TSchema;
  collection: TSchema;
  query: ReturnType<typeof applianceBundleListQuery>;
  toWire(b: ApplianceFirmwareBundle, scope: ApiScope): unknown;
}

const tags = ['appliance-firmware-bundles'];

export function applianceBundleRoutes(service: ApplianceFirmwareBundleService, v: ApplianceBundlesVersion): VersionRoutes {
  return (app, scope) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.get(
      '/appliance-firmware-bundles',
      {
        schema: {
          operationId: `get_${v.version}_appliance_firmware_bundles`,
          summary: 'Page through the HPE OneView releases appliances can be updated to',
          tags,
          querystring: v.query,
          response: { 200: v.collection, ...errorResponses(400, 401, 403, 406, 500) },
        },
      },
      async (request, reply) => {
        parseDisplayAppliances(request.query.displayAppliances);
        const page = await service.list(request.query, applianceBundleListSpec);
        return listEnvelope(reply, page, (b) => v.toWire(b, scope), request.query.select);
      },
    );

    r.get(
      '/appliance-firmware-bundles/:id',
      {
        schema: {
          operationId: `get_${v.version}_appliance_firmware_bundle_by_id`,
          summary: 'Read one appliance firmware bundle',
          tags,
          params: ApplianceBundleIdParams,
          response: { 200: v.item, ...errorResponses(400, 401, 403, 404, 406, 500) },
        },
      },
      async (request) => v.toWire(await service.get(request.params.id), scope),
    );
  };
}
