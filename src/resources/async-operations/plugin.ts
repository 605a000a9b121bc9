// The async-operations group: long-running work that is not a job, published as v1 (with cancel) and v1beta1.
import { mountVersion } from '../../http/api-scope.ts';
import type { ResourceGroup } from '../group.ts';
import { asyncOperationMigrations } from './migrations.ts';
import { AsyncOperationService } from './reader.ts';
import { asyncOperationsV1 } from './v1/routes.ts';
import { asyncOperationsV1beta1 } from './v1beta1/routes.ts';

export const asyncOperationsGroup: ResourceGroup = {
  name: 'async-operations',
  migrations: asyncOperationMigrations,
  async register(app, deps) {
    const service = new AsyncOperationService(deps.store);
    await mountVersion(app, { version: 'v1', routes: asyncOperationsV1(service) });
    await mountVersion(app, { version: 'v1beta1', routes: asyncOperationsV1beta1(service) });
  },
};
