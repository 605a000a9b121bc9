// firmware-bundles v1beta1 ⇄ hub: the v1beta2 facts under the legacy names, where `type` is the bundle type
// and the resource type is `resourceType`.
import type { ApiScope } from '../../../http/api-scope.ts';
import type { FirmwareBundleHead } from '../model.ts';
import { BETA_BUNDLE_PROPERTIES, bundleListSpec } from '../properties.ts';
import { betaBundleOf } from '../published.ts';
import type { FirmwareBundleV1beta1 } from './schemas.ts';

export function toV1beta1(b: FirmwareBundleHead, scope: ApiScope): FirmwareBundleV1beta1 {
  const { id, type: resourceType, bundleType, ...rest } = betaBundleOf(b, scope);
  // The rest goes last so members keep v1beta1's order, which `select` answers show as is.
  return { id, type: bundleType, resourceType, ...rest };
}

const { bundleType: bundleTypeProperty, ...shown } = BETA_BUNDLE_PROPERTIES;

/** v1beta1 filters on what it shows, under its names: `type eq 'PATCH'` is the bundle type. */
export const listSpecV1beta1 = bundleListSpec({ ...shown, type: bundleTypeProperty });
