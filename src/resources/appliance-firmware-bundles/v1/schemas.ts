// appliance-firmware-bundles v1 wire schemas; names and types follow HPE's applianceFirmwareBundle-v1 and
// applianceFirmwareBundleCollection-v1.
import { Type, type Static } from '@sinclair/typebox';
import { Collection } from '../../../http/schemas.ts';
import { APPLIANCE_BUNDLE_PROPERTIES, applianceBundleListQuery } from '../wire.ts';

export const ApplianceFirmwareBundleV1 = Type.Object(APPLIANCE_BUNDLE_PROPERTIES, { description: 'HPE OneView release for OneView appliances' });
export type ApplianceFirmwareBundleV1 = Static<typeof ApplianceFirmwareBundleV1>;

export const ApplianceFirmwareBundleCollectionV1 = Collection(ApplianceFirmwareBundleV1, 'Appliance firmware bundle collection');

export const ApplianceBundleListQueryV1 = applianceBundleListQuery("OData filter, e.g. applianceType eq 'VM' and applianceVersion eq '8.70.00'");
