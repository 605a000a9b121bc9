// What the firmware-bundles versions derive from the hub alike: the release date and base-SPP link as COM
// spells them, and the shape both beta versions publish (v1beta1 with `type` meaning the bundle type).
import { resourceUri, typeName, type ApiScope } from '../../http/api-scope.ts';
import type { FirmwareBundleHead } from './model.ts';

/** COM publishes release dates as midnight UTC with an explicit offset (`2023-09-12T00:00:00+00:00`). */
export const releaseDateOf = (b: FirmwareBundleHead) => `${b.releaseDate}T00:00:00+00:00`;

/** For PATCH/HOTFIX/SUPPLEMENT: the self link of the SPP they apply to, in the reader's scope; null otherwise. */
export const baseBundleUriOf = (b: FirmwareBundleHead, scope: ApiScope) => (b.baseBundleId === null ? null : resourceUri(scope, `firmware-bundles/${b.baseBundleId}`));

/** The bundle as v1beta2 publishes it: the v1 facts minus description, platformFamily and displayName. */
export function betaBundleOf(b: FirmwareBundleHead, scope: ApiScope) {
  return {
    id: b.id,
    type: typeName(scope, 'firmware-bundle'),
    generation: b.generation,
    resourceUri: resourceUri(scope, `firmware-bundles/${b.id}`),
    name: b.name,
    createdAt: b.createdAt,
    updatedAt: b.updatedAt,
    releaseDate: releaseDateOf(b),
    releaseVersion: b.releaseVersion,
    releaseNotes: b.releaseNotes,
    supportUrl: b.supportUrl,
    enhancements: b.enhancements,
    advisories: b.advisories,
    supportedOsList: b.supportedOsList,
    isActive: b.isActive,
    summary: b.summary,
    bundleType: b.bundleType,
    hotfixBaseUri: baseBundleUriOf(b, scope),
    vmwareAddonInfo: b.vmwareAddonInfo,
    bundleNameFormat: b.bundleNameFormat,
    bundleGeneration: b.bundleGeneration,
  };
}
