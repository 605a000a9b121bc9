// settings v1 routes: HPE's operation ids over the shared wiring (crud-routes.ts).
import type { VersionRoutes } from '../../../http/api-scope.ts';
import { settingsRoutes } from '../crud-routes.ts';
import type { SettingsService } from '../service.ts';
import { fromV1, fromV1Patch, listSpecV1, toV1, viewV1 } from './mapper.ts';
import { SettingCollectionV1, SettingV1 } from './schemas.ts';

export function settingsV1(service: SettingsService): VersionRoutes {
  return settingsRoutes(service, {
    operationIds: {
      list: 'get_v1_settings',
      create: 'create_v1_settings',
      get: 'get_v1_settings_by_id',
      patch: 'patch_v1_settings_by_id',
      delete: 'delete_v1_settings_by_id',
    },
    item: SettingV1,
    collection: SettingCollectionV1,
    view: viewV1,
    listSpec: listSpecV1,
    toWire: toV1,
    fromCreate: fromV1,
    fromPatch: fromV1Patch,
  });
}
