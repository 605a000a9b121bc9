// groups v1beta3 ⇄ hub: the v1 mapping with v1beta3's URIs (settings v1beta1, servers v1beta2) and the
// deprecated onDeviceAdd.firmwareDowngrade alias, plus its iLO-settings compliance records.
import { resourceUri, typeName, type ApiScope } from '../../../http/api-scope.ts';
import type { DeviceCompliance } from '../model.ts';
import type { CurrentMapping } from '../v1/mapper.ts';

export const mappingV1beta3: CurrentMapping = { version: 'v1beta3', addDowngradeAlias: true, settingsVersion: 'v1beta1', serversVersion: 'v1beta2' };

export function toIloComplianceV1beta3(c: DeviceCompliance, scope: ApiScope) {
  return {
    id: c.id,
    type: typeName(scope, 'group/ilo-settings-compliance'),
    resourceUri: resourceUri(scope, `groups/${c.groupId}/ilo-settings-compliance/${c.id}`),
    deviceUri: resourceUri({ ...scope, version: 'v1beta2' }, `servers/${c.deviceId}`),
    generation: c.generation,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    groupId: c.groupId,
    serial: c.serial,
    productId: c.productId,
    deviceId: c.deviceId,
    deviations: c.deviations as unknown as Record<string, unknown>[],
    complianceState: c.complianceState,
    errorReason: c.errorReason,
    remediation: c.remediation ?? {},
    complianceCategory: 'ILO_SETTINGS' as const,
  };
}
