// servers v1beta1 (legacy, unpublished): list, get and patch from the shared handlers.
import type { VersionRoutes } from '../../../http/api-scope.ts';
import { serverRoutes } from '../server-routes.ts';
import type { ServerService } from '../service.ts';
import { listSpecV1beta1, toV1beta1 } from './mapper.ts';
import { ServerCollectionV1beta1, ServerV1beta1 } from './schemas.ts';

export function serversV1beta1(servers: ServerService): VersionRoutes {
  return serverRoutes(servers, { version: 'v1beta1', item: ServerV1beta1, collection: ServerCollectionV1beta1, toWire: toV1beta1, listSpec: listSpecV1beta1, select: true, legacy: true });
}
