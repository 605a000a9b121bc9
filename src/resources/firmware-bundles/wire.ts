// Wire schema pieces the firmware-bundles versions share: the list query and id parameter (v1, v1beta2 and
// v1beta1 accept the same ones) and the VMware add-on list v1 and v1beta2 both publish.
import { Type, type Static } from '@sinclair/typebox';
import { ListQuery } from '../../http/schemas.ts';

export const VmwareAddonInfo = Type.Union(
  [Type.Array(Type.Record(Type.String(), Type.String(), { description: 'One VMware add-on: name, version, ESXi release and repository location' })), Type.Null()],
  { description: 'VMware add-ons shipped with the bundle and where the repository keeps them; null when none' },
);

export const FirmwareBundleListQuery = Type.Object({
  ...ListQuery.properties,
  limit: Type.Optional(Type.String({ description: 'Maximum number of items, 0 to 1000 (default 1000: the whole catalogue); larger values are clamped' })),
  filter: Type.Optional(Type.String({ description: "OData filter, e.g. releaseVersion eq '2025.07.00.00' and bundleGeneration eq 'BUNDLE_GEN_11' and isActive eq true" })),
  sort: Type.Optional(Type.String({ description: 'Sort expression, e.g. releaseDate desc (the default)' })),
});
export type FirmwareBundleListQuery = Static<typeof FirmwareBundleListQuery>;

export const BundleIdParams = Type.Object({ id: Type.String({ description: 'Unique firmware bundle identifier' }) });
