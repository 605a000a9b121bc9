// settings v1beta1 routes: HPE's operation ids over the shared wiring (crud-routes.ts).
import type { VersionRoutes } from '../../../http/api-scope.ts';
import { settingsRoutes } from '../crud-routes.ts';
import type { SettingsService } from '../service.ts';
import { fromV1beta1, fromV1beta1Patch, listSpecV1beta1, toV1beta1, viewV1beta1 } from './mapper.ts';
import { SettingCollectionV1beta1, SettingV1beta1 } from './schemas.ts';

export function settingsV1beta1(service: SettingsService): VersionRoutes {
  return settingsRoutes(service, {
    operationIds: {
      list: 'get_v1beta1_settings',
      create: 'create_settings',
      get: 'get_v1beta1_settings_by_id',
      patch: 'patch_v1beta1_settings_by_id',
      delete: 'delete_v1beta1_settings_by_id',
    },
    item: SettingV1beta1,
    collection: SettingCollectionV1beta1,
    view: viewV1beta1,
    listSpec: listSpecV1beta1,
    toWire: toV1beta1,
    fromCreate: fromV1beta1,
    fromPatch: fromV1beta1Patch,
  });
}
