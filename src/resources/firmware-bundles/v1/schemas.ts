// firmware-bundles v1 wire schemas; names and types follow HPE's firmwareBundle-v1, firmwareBundleCollection-v1,
// firmwareBundleDetail-v1 and firmwareBundleDetailsCollection-v1.
import { Type, type Static } from '@sinclair/typebox';
import { Collection } from '../../../http/schemas.ts';
import { BUNDLE_TYPES } from '../model.ts';
import { VmwareAddonInfo } from '../wire.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const FirmwareBundleV1 = Type.Object(
  {
    id: Type.String({ description: 'Primary identifier for the firmware bundle given by the system (32 hex characters)' }),
    type: Type.String({ description: 'Type of the resource: compute-ops-mgmt/firmware-bundle' }),
    generation: Type.Integer({ minimum: 1, description: 'Monotonically increasing update counter' }),
    name: Type.String({ description: 'Name given to the bundle, based on the bundle type, e.g. Gen11 Service Pack for ProLiant' }),
    resourceUri: Type.String({ format: 'uri-reference', description: 'URI to the firmware bundle itself (i.e. a self link)' }),
    description: Type.String({ description: 'A brief description of the bundle' }),
    createdAt: Type.String({ format: 'date-time', description: 'Time of firmware bundle creation' }),
    updatedAt: Type.String({ format: 'date-time', description: 'Time of the last firmware bundle update' }),
    releaseDate: Type.String({ description: 'The date on which the bundle was published, e.g. 2023-09-12T00:00:00+00:00' }),
    summary: Type.String({ description: 'What the bundle addresses and which bundle it supersedes' }),
    bundleType: Type.Union(BUNDLE_TYPES.map((t) => Type.Literal(t)), { description: 'BASE (a full SPP), PATCH, HOTFIX or SUPPLEMENT' }),
    platformFamily: Type.Literal('PROLIANT', { description: 'Platform family of the servers the bundle serves' }),
    baseBundleUri: Nullable(Type.String({ description: 'For PATCH, HOTFIX and SUPPLEMENT bundles: URI of the SPP they apply to; otherwise null' })),
    releaseVersion: Type.String({ description: 'Release version, e.g. 2023.09.00.00 (4 octets) or 2022.09.0 (3 octets)' }),
    enhancements: Type.String({ description: 'What the bundle adds, e.g. operating system versions it supports' }),
    advisories: Type.String({ description: 'The link to the customer advisories released for this bundle' }),
    supportedOsList: Type.Array(Type.String(), { description: 'The operating systems this bundle supports' }),
    isActive: Type.Boolean({ description: 'Whether the bundle is currently supported and selectable' }),
    releaseNotes: Type.String({ description: 'HPE Support Center link describing how to download and install the bundle' }),
    supportUrl: Type.String({ description: 'HPE Support Center page of this bundle' }),
    displayName: Type.String({ description: 'SPP bundle name, e.g. SPP 2023.09.00.00 (12 Sep 2023)' }),
    vmwareAddonInfo: VmwareAddonInfo,
    bundleNameFormat: Type.String({ description: 'Format of the release version: BUNDLE_3OCTET or BUNDLE_4OCTET' }),
    bundleGeneration: Type.String({ description: 'Server generation the bundle serves: BUNDLE_GEN_10, BUNDLE_GEN_11 or BUNDLE_GEN_12' }),
  },
  { description: 'Server firmware bundle (Service Pack for ProLiant, patch or hotfix)' },
);
export type FirmwareBundleV1 = Static<typeof FirmwareBundleV1>;

export const FirmwareBundleCollectionV1 = Collection(FirmwareBundleV1, 'Firmware bundle collection');

export const FirmwareBundleDetailV1 = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: 'Unique identifier for the component category of the bundle' }),
    type: Type.String({ description: 'Type of the resource: compute-ops-mgmt/firmware-bundle/bundle-detail' }),
    generation: Type.Integer({ minimum: 1, description: 'Monotonically increasing update counter' }),
    createdAt: Type.String({ format: 'date-time', description: 'Time of bundle detail creation' }),
    updatedAt: Type.String({ format: 'date-time', description: 'Time of the last bundle detail update' }),
    bundleId: Type.String({ description: 'Id of the firmware bundle' }),
    category: Type.String({ description: 'Category of the firmware components, e.g. NETWORKING_ADAPTERS' }),
    categoryDetails: Type.Array(
      Type.Object({
        Devices: Type.Array(
          Type.Object({
            Target: Type.String({ description: 'Unique identifier for the device, the same in every bundle' }),
            DeviceName: Type.String({ description: 'Name of the firmware component, as servers report it in their firmware inventory' }),
            Version: Type.String({ description: 'Version of the component the bundle delivers (as in HPE SPP manifests)' }),
          }),
          { description: 'The components of the category' },
        ),
      }),
      { description: 'Collection of the components in the category' },
    ),
  },
  { description: 'The components of one category of a firmware bundle' },
);
export type FirmwareBundleDetailV1 = Static<typeof FirmwareBundleDetailV1>;

export const FirmwareBundleDetailsCollectionV1 = Collection(FirmwareBundleDetailV1, 'Firmware bundle details collection');
