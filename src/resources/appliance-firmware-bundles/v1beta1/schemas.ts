// appliance-firmware-bundles v1beta1 wire schemas; HPE's applianceFirmwareBundle-v1beta1 has the v1 fields,
// some of them required, and a function-style filter (eq(applianceType,'VM')).
import { Type, type Static } from '@sinclair/typebox';
import { Collection } from '../../../http/schemas.ts';
import { APPLIANCE_BUNDLE_PROPERTIES, applianceBundleListQuery } from '../wire.ts';

export const ApplianceFirmwareBundleV1beta1 = Type.Object(APPLIANCE_BUNDLE_PROPERTIES, { description: 'HPE OneView release for OneView appliances' });
export type ApplianceFirmwareBundleV1beta1 = Static<typeof ApplianceFirmwareBundleV1beta1>;

export const ApplianceFirmwareBundleCollectionV1beta1 = Collection(ApplianceFirmwareBundleV1beta1, 'Appliance firmware bundle collection');

export const ApplianceBundleListQueryV1beta1 = applianceBundleListQuery("Function-style (or OData) filter, e.g. and(eq(applianceType,'VM'),eq(applianceVersion,'8.70.00'))");
