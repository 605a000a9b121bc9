// settings v1beta1 wire schemas: HPE's settingsResponse-v1beta1 / settingsCollection-v1beta1 /
// settingsCreateRequest-v1beta1 / settingsUpdateRequest-v1beta1. The request bodies are shared with v1 (wire.ts).
import { settingCollection, settingResponse } from '../wire.ts';

export const SettingV1beta1 = settingResponse('v1beta1');
export const SettingCollectionV1beta1 = settingCollection(SettingV1beta1);
