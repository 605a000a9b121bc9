// firmware-bundles v1beta2 ⇄ hub: the v1 facts minus description, platformFamily and displayName, with the
// base SPP's link named hotfixBaseUri (the beta shape ../published.ts derives).
import type { ApiScope } from '../../../http/api-scope.ts';
import type { FirmwareBundleHead } from '../model.ts';
import { BETA_BUNDLE_PROPERTIES, bundleListSpec } from '../properties.ts';
import { betaBundleOf } from '../published.ts';
import type { FirmwareBundleV1beta2 } from './schemas.ts';

export function toV1beta2(b: FirmwareBundleHead, scope: ApiScope): FirmwareBundleV1beta2 {
  return betaBundleOf(b, scope);
}

/** v1beta2 filters and sorts on what it shows, nothing it hides. */
export const listSpecV1beta2 = bundleListSpec(BETA_BUNDLE_PROPERTIES);
