// async-operations v1beta1 routes: list and get only, through the shared wiring (../routes.ts); v1beta1 has no
// cancel (async-operations.md §2.4–2.5).
import type { VersionRoutes } from '../../../http/api-scope.ts';
import type { AsyncOperationService } from '../reader.ts';
import { asyncOperationRoutes } from '../routes.ts';
import { toV1beta1 } from './mapper.ts';
import { AsyncOperationCollectionV1beta1, AsyncOperationV1beta1 } from './schemas.ts';

export function asyncOperationsV1beta1(service: AsyncOperationService): VersionRoutes {
  return asyncOperationRoutes(service, { version: 'v1beta1', item: AsyncOperationV1beta1, collection: AsyncOperationCollectionV1beta1, toWire: toV1beta1 });
}
