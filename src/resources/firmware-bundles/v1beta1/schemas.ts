// firmware-bundles v1beta1 wire schemas: the legacy shape older clients still read (client-compat.md), which
// v1beta2 renamed — its `type` is the bundle type and the resource type is `resourceType`
// (firmware-bundles.md §1, v1beta2 differences). Not published in /openapi.json.
import { Type, type Static } from '@sinclair/typebox';
import { Collection } from '../../../http/schemas.ts';
import { BUNDLE_TYPES } from '../model.ts';
import { FIRMWARE_BUNDLE_V1BETA2_PROPERTIES } from '../v1beta2/schemas.ts';

const { bundleType: _bundleType, type: _type, ...rest } = FIRMWARE_BUNDLE_V1BETA2_PROPERTIES;

export const FirmwareBundleV1beta1 = Type.Object(
  {
    ...rest,
    type: Type.Union(BUNDLE_TYPES.map((t) => Type.Literal(t)), { description: 'Bundle type: BASE, PATCH, HOTFIX or SUPPLEMENT (bundleType in later versions)' }),
    resourceType: Type.String({ description: 'Type of the resource: compute-ops-mgmt/firmware-bundle (type in later versions)' }),
  },
  { description: 'Server firmware bundle, legacy v1beta1 shape' },
);
export type FirmwareBundleV1beta1 = Static<typeof FirmwareBundleV1beta1>;

export const FirmwareBundleCollectionV1beta1 = Collection(FirmwareBundleV1beta1, 'Firmware bundle collection');
