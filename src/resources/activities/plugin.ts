// The activities group: the workspace's audit/event feed, written by other groups through the service and
// published read-only as v1beta2.
import { mountVersion } from '../../http/api-scope.ts';
import type { ResourceGroup } from '../group.ts';
import { activityMigrations } from './migrations.ts';
import { ActivityService } from './service.ts';
import { activitiesV1beta2 } from './v1beta2/routes.ts';

export const activitiesGroup: ResourceGroup = {
  name: 'activities',
  migrations: activityMigrations,
  async register(app, deps) {
    await mountVersion(app, { version: 'v1beta2', routes: activitiesV1beta2(new ActivityService(deps.store)) });
  },
};
