// settings v1 wire schemas: HPE's settingsResponse-v1 / settingsCollection-v1 / settingsCreateRequest-v1 /
// settingsUpdateRequest-v1. The request bodies are shared with v1beta1 (wire.ts).
import { settingCollection, settingResponse } from '../wire.ts';

export const SettingV1 = settingResponse('v1');
export const SettingCollectionV1 = settingCollection(SettingV1);
