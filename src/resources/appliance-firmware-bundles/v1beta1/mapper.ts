// appliance-firmware-bundles v1beta1 ⇄ hub: the v1 fields under the same names; the self link says v1beta1
// because scope does.
import type { ApiScope } from '../../../http/api-scope.ts';
import type { ApplianceFirmwareBundle } from '../model.ts';
import { publishedApplianceBundle } from '../published.ts';
import type { ApplianceFirmwareBundleV1beta1 } from './schemas.ts';

export function toV1beta1(b: ApplianceFirmwareBundle, scope: ApiScope): ApplianceFirmwareBundleV1beta1 {
  return publishedApplianceBundle(b, scope);
}
