// firmware-bundles v1 ⇄ hub. Read-only: bundles and their category details only ever go out.
import { resourceUri, typeName, type ApiScope } from '../../../http/api-scope.ts';
import type { BundleCategoryDetail } from '../details.ts';
import type { FirmwareBundleHead } from '../model.ts';
import { BUNDLE_PROPERTIES, bundleListSpec } from '../properties.ts';
import { baseBundleUriOf, releaseDateOf } from '../published.ts';
import type { FirmwareBundleDetailV1, FirmwareBundleV1 } from './schemas.ts';

export function toV1(b: FirmwareBundleHead, scope: ApiScope): FirmwareBundleV1 {
  return {
    id: b.id,
    type: typeName(scope, 'firmware-bundle'),
    generation: b.generation,
    name: b.name,
    resourceUri: resourceUri(scope, `firmware-bundles/${b.id}`),
    description: b.description,
    createdAt: b.createdAt,
    updatedAt: b.updatedAt,
    releaseDate: releaseDateOf(b),
    summary: b.summary,
    bundleType: b.bundleType,
    platformFamily: b.platformFamily,
    baseBundleUri: baseBundleUriOf(b, scope),
    releaseVersion: b.releaseVersion,
    enhancements: b.enhancements,
    advisories: b.advisories,
    supportedOsList: b.supportedOsList,
    isActive: b.isActive,
    releaseNotes: b.releaseNotes,
    supportUrl: b.supportUrl,
    displayName: b.displayName,
    vmwareAddonInfo: b.vmwareAddonInfo,
    bundleNameFormat: b.bundleNameFormat,
    bundleGeneration: b.bundleGeneration,
  };
}

export function detailToV1(d: BundleCategoryDetail, scope: ApiScope): FirmwareBundleDetailV1 {
  return {
    id: d.id,
    type: typeName(scope, 'firmware-bundle/bundle-detail'),
    generation: d.generation,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    bundleId: d.bundleId,
    category: d.category,
    categoryDetails: [{ Devices: d.devices.map((v) => ({ Target: v.target, DeviceName: v.deviceName, Version: v.version })) }],
  };
}

/** Every scalar v1 shows filters and sorts under its own name. */
export const listSpecV1 = bundleListSpec(BUNDLE_PROPERTIES);
