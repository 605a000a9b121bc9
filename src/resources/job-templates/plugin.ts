// The job-templates group: HPE's job catalogue, published as v1beta2 (deprecated by HPE, still used by
// clients to resolve template ids by name). The URIs old payloads carry — `/compute-ops-mgmt/v1beta3/…` and
// `/api/compute/v1/job-templates/{id}` — are served too, unpublished (job-templates.md §1 aliases).
import { mountAlias, mountVersion } from '../../http/api-scope.ts';
import type { ResourceGroup } from '../group.ts';
import { seedJobTemplates } from './catalogue.ts';
import { jobTemplateMigrations } from './migrations.ts';
import { JobTemplateService } from './service.ts';
import { jobTemplatesV1beta2 } from './v1beta2/routes.ts';

export const jobTemplatesGroup: ResourceGroup = {
  name: 'job-templates',
  migrations: jobTemplateMigrations,
  async register(app, deps) {
    await seedJobTemplates(deps.store);
    const service = new JobTemplateService(deps.store);
    await mountVersion(app, { version: 'v1beta2', routes: jobTemplatesV1beta2(service) });
    await mountVersion(app, { version: 'v1beta3', routes: jobTemplatesV1beta2(service), hidden: true });
    await mountAlias(app, { path: '/api/compute/v1', scope: { prefix: 'compute-ops-mgmt', version: 'v1beta2' }, routes: jobTemplatesV1beta2(service) });
  },
};
