// firmware-bundles v1beta2 wire schemas; names and types follow HPE's firmwareBundle-v1beta2 and
// firmwareBundleCollection-v1beta2 (no description, platformFamily or displayName; hotfixBaseUri instead of
// baseBundleUri).
import { Type, type Static } from '@sinclair/typebox';
import { Collection } from '../../../http/schemas.ts';
import { BUNDLE_TYPES } from '../model.ts';
import { VmwareAddonInfo } from '../wire.ts';

export const FIRMWARE_BUNDLE_V1BETA2_PROPERTIES = {
  id: Type.String({ description: 'Primary identifier for the firmware bundle given by the system (32 hex characters)' }),
  type: Type.String({ description: 'Type of the resource: compute-ops-mgmt/firmware-bundle' }),
  generation: Type.Integer({ minimum: 1, description: 'Monotonically increasing update counter' }),
  resourceUri: Type.String({ format: 'uri-reference', description: 'URI to the firmware bundle itself (i.e. a self link)' }),
  name: Type.String({ description: 'Name given to the bundle, based on the bundle type' }),
  createdAt: Type.String({ format: 'date-time', description: 'Time of firmware bundle creation' }),
  updatedAt: Type.String({ format: 'date-time', description: 'Time of the last firmware bundle update' }),
  releaseDate: Type.String({ description: 'The date on which the bundle was published, e.g. 2023-09-12T00:00:00+00:00' }),
  releaseVersion: Type.String({ description: 'Release version, e.g. 2023.09.00.00 (4 octets) or 2022.09.0 (3 octets)' }),
  releaseNotes: Type.String({ description: 'HPE Support Center link describing how to download and install the bundle' }),
  supportUrl: Type.String({ description: 'HPE Support Center page of this bundle' }),
  enhancements: Type.String({ description: 'What the bundle adds, e.g. operating system versions it supports' }),
  advisories: Type.String({ description: 'The link to the customer advisories released for this bundle' }),
  supportedOsList: Type.Array(Type.String(), { description: 'The operating systems this bundle supports' }),
  isActive: Type.Boolean({ description: 'Whether the bundle is currently supported and selectable' }),
  summary: Type.String({ description: 'What the bundle addresses and which bundle it supersedes' }),
  bundleType: Type.Union(BUNDLE_TYPES.map((t) => Type.Literal(t)), { description: 'BASE (a full SPP), HOTFIX, SUPPLEMENT or PATCH' }),
  hotfixBaseUri: Type.Union([Type.String(), Type.Null()], { description: 'For PATCH, HOTFIX and SUPPLEMENT bundles: URI of the SPP they apply to; otherwise null' }),
  vmwareAddonInfo: VmwareAddonInfo,
  bundleNameFormat: Type.String({ description: 'Format of the release version: BUNDLE_3OCTET or BUNDLE_4OCTET' }),
  bundleGeneration: Type.String({ description: 'Server generation the bundle serves: BUNDLE_GEN_10, BUNDLE_GEN_11 or BUNDLE_GEN_12' }),
};

export const FirmwareBundleV1beta2 = Type.Object(FIRMWARE_BUNDLE_V1BETA2_PROPERTIES, { description: 'Server firmware bundle (Service Pack for ProLiant, patch or hotfix)' });
export type FirmwareBundleV1beta2 = Static<typeof FirmwareBundleV1beta2>;

export const FirmwareBundleCollectionV1beta2 = Collection(FirmwareBundleV1beta2, 'Firmware bundle collection');
