// The schedules group: deferred and recurring job creation, published as v1beta2. The runner that fires
// schedules (runner.ts) is started by the process beside the job engine, not by the HTTP face.
import { mountVersion } from '../../http/api-scope.ts';
import type { ResourceGroup } from '../group.ts';
import { scheduleMigrations } from './migrations.ts';
import { ScheduleService } from './service.ts';
import { schedulesV1beta2 } from './v1beta2/routes.ts';

export const schedulesGroup: ResourceGroup = {
  name: 'schedules',
  migrations: scheduleMigrations,
  async register(app, deps) {
    await mountVersion(app, { version: 'v1beta2', routes: schedulesV1beta2(new ScheduleService(deps.store)) });
  },
};
