// Wire schema pieces appliance-firmware-bundles v1 and v1beta1 share: HPE's applianceFirmwareBundle-v1 and
// -v1beta1 have the same members under the same names, so each version's schemas.ts builds on these.
import { Type, type Static, type TObject } from '@sinclair/typebox';
import { ListQuery } from '../../http/schemas.ts';

export const APPLIANCE_BUNDLE_PROPERTIES = {
  id: Type.String({ description: 'Primary identifier for the appliance firmware bundle given by the system (32 hex characters)' }),
  type: Type.String({ description: 'Type of the resource: compute-ops-mgmt/appliance-firmware-bundle' }),
  rdaBundlePath: Type.String({ description: 'Path where the bundle is stored in the HPE repository, e.g. /depot/volume/pub/OliveComputeUpdate/Ov9_30' }),
  ovaFileName: Type.String({ description: 'Name of the update file, e.g. Update.bin' }),
  resourceUri: Type.String({ format: 'uri-reference', description: 'URI to the appliance firmware bundle itself (i.e. a self link)' }),
  applianceVersion: Type.String({ description: 'HPE OneView version the bundle delivers, e.g. 9.30.00' }),
  applianceType: Type.String({ description: 'Type of appliance the bundle updates: VM or SYNERGY' }),
  releaseDate: Type.String({ description: 'Date of release of the bundle, e.g. 2025-02-10T00:00:00+00:00' }),
  milestone: Type.Boolean({ description: 'Whether the release is a milestone: a mandatory step before later releases' }),
  name: Type.String({ description: 'Name of the appliance firmware bundle' }),
  state: Type.String({ description: 'ACTIVE (installable) or INACTIVE (retired)' }),
  releaseNotes: Type.String({ description: 'HPE Support Center page describing how to download and install the bundle' }),
  size: Type.Integer({ minimum: 0, description: 'Size of the appliance firmware bundle in bytes' }),
  languages: Type.Array(Type.String(), { description: 'The languages the release supports' }),
  synergyReleaseInfo: Type.String({ description: 'URI of the Synergy release information; empty for VM appliances' }),
  features: Type.Array(Type.String(), { description: 'The features of the release' }),
  supportedUpgrades: Type.Array(Type.String(), { description: 'Appliance versions that can update to this bundle directly' }),
  applicableAppliances: Type.Array(Type.Object({}, { additionalProperties: true }), {
    description: 'Appliances eligible to update to the bundle; only filled with displayAppliances=true, an applianceType filter and a one-bundle result',
  }),
  createdAt: Type.String({ format: 'date-time', description: 'Time of firmware bundle creation' }),
  updatedAt: Type.String({ format: 'date-time', description: 'Time of the last firmware bundle update' }),
};

/** The bundle as both versions publish it. */
export type ApplianceBundleWire = Static<TObject<typeof APPLIANCE_BUNDLE_PROPERTIES>>;

/** The list query; the versions document different filter grammars, so each names its own example. */
export function applianceBundleListQuery(filterDescription: string) {
  return Type.Object({
    ...ListQuery.properties,
    limit: Type.Optional(Type.String({ description: 'Maximum number of items, 0 to 1000 (default 1000); larger values are clamped' })),
    filter: Type.Optional(Type.String({ description: filterDescription })),
    sort: Type.Optional(Type.String({ description: 'Sort expression, e.g. applianceVersion desc (default releaseDate desc)' })),
    displayAppliances: Type.Optional(Type.String({ description: 'true: fill applicableAppliances (needs an applianceType filter and a one-bundle result)' })),
  });
}
export type ApplianceBundleListQuery = Static<ReturnType<typeof applianceBundleListQuery>>;

export const ApplianceBundleIdParams = Type.Object({ id: Type.String({ description: 'Unique appliance firmware bundle identifier' }) });
