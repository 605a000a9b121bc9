// The jobs group: the HTTP face of the job engine, one hub published as v1, v1beta3 and v1beta2. It owns the
// jobs table's migrations (the engine's queue lives in the same rows). Old payloads post legacy bodies to
// /api/compute/v1/jobs (schedules.md, client-compat.md): served, unpublished, as v1beta3.
import { mountAlias, mountVersion } from '../../http/api-scope.ts';
import { jobMigrations } from '../../job-engine/migrations.ts';
import type { ResourceGroup } from '../group.ts';
import { JobService } from './service.ts';
import { jobsV1 } from './v1/routes.ts';
import { jobsV1beta2 } from './v1beta2/routes.ts';
import { jobsV1beta3 } from './v1beta3/routes.ts';

export const jobsGroup: ResourceGroup = {
  name: 'jobs',
  migrations: jobMigrations,
  async register(app, deps) {
    const service = new JobService(deps.store);
    await mountVersion(app, { version: 'v1', routes: jobsV1(service) });
    await mountVersion(app, { version: 'v1beta3', routes: jobsV1beta3(service) });
    await mountVersion(app, { version: 'v1beta2', routes: jobsV1beta2(service) });
    await mountAlias(app, { path: '/api/compute/v1', scope: { prefix: 'compute-ops-mgmt', version: 'v1beta3' }, routes: jobsV1beta3(service) });
  },
};
