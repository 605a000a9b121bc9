// appliance-firmware-bundles v1 ⇄ hub. Read-only: bundles only ever go out, as both versions publish them.
import type { ApiScope } from '../../../http/api-scope.ts';
import type { ApplianceFirmwareBundle } from '../model.ts';
import { publishedApplianceBundle } from '../published.ts';
import type { ApplianceFirmwareBundleV1 } from './schemas.ts';

export function toV1(b: ApplianceFirmwareBundle, scope: ApiScope): ApplianceFirmwareBundleV1 {
  return publishedApplianceBundle(b, scope);
}
