// The groups group: one store of groups, members and compliance results, published as v1 and v1beta3 (current
// model) and v1beta2 (server-centric legacy model, documented under the old /compute-ops prefix only).
import { mountVersion } from '../../http/api-scope.ts';
import { registerJobTarget } from '../../job-engine/targets.ts';
import type { ResourceGroup } from '../group.ts';
import { ComplianceService } from './compliance-service.ts';
import { MembershipService } from './membership-service.ts';
import { groupMigrations } from './migrations.ts';
import { GroupService } from './service.ts';
import type { GroupServices } from './services.ts';
import { groupsV1 } from './v1/routes.ts';
import { groupsV1beta2 } from './v1beta2/routes.ts';
import { groupsV1beta3 } from './v1beta3/routes.ts';
import { findGroup } from './repository.ts';

export const groupsGroup: ResourceGroup = {
  name: 'groups',
  migrations: groupMigrations,
  async register(app, deps) {
    // Group jobs (firmware update, compliance, apply settings…) target groups: the jobs API asks here whether one exists.
    registerJobTarget('group', async (db, workspaceId, id) => {
      const group = /^[0-9a-f-]{36}$/i.test(id) ? await findGroup(db, workspaceId, id.toLowerCase()) : undefined;
      return group && { name: group.name };
    });
    const services: GroupServices = {
      groups: new GroupService(deps.store),
      membership: new MembershipService(deps.store),
      compliance: new ComplianceService(deps.store),
    };
    await mountVersion(app, { version: 'v1', routes: groupsV1(services) });
    await mountVersion(app, { version: 'v1beta3', routes: groupsV1beta3(services) });
    await mountVersion(app, { version: 'v1beta2', routes: groupsV1beta2(services), published: 'compute-ops' });
  },
};
