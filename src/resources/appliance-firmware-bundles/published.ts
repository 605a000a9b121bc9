// The appliance firmware bundle as both published versions show it: HPE's applianceFirmwareBundle-v1 and
// -v1beta1 have the same members, so their mappers share this; the self link follows the reader's scope.
import { resourceUri, typeName, type ApiScope } from '../../http/api-scope.ts';
import type { ApplianceFirmwareBundle } from './model.ts';
import type { ApplianceBundleWire } from './wire.ts';

export function publishedApplianceBundle(b: ApplianceFirmwareBundle, scope: ApiScope): ApplianceBundleWire {
  return {
    id: b.id,
    type: typeName(scope, 'appliance-firmware-bundle'),
    rdaBundlePath: b.rdaBundlePath,
    ovaFileName: b.ovaFileName,
    resourceUri: resourceUri(scope, `appliance-firmware-bundles/${b.id}`),
    applianceVersion: b.applianceVersion,
    applianceType: b.applianceType,
    releaseDate: `${b.releaseDate}T00:00:00+00:00`,
    milestone: b.milestone,
    name: b.name,
    state: b.state,
    releaseNotes: b.releaseNotes,
    size: b.size,
    languages: b.languages,
    synergyReleaseInfo: b.synergyReleaseInfo,
    features: b.features,
    supportedUpgrades: b.supportedUpgrades,
    // No appliance registry exists yet, so no appliance is known to be eligible (docs/decisions.md).
    applicableAppliances: [],
    createdAt: b.createdAt,
    updatedAt: b.updatedAt,
  };
}
