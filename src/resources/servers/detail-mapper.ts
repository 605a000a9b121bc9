// A server's documents → their wire shapes (servers.md §5). The same members in v1 and v1beta2; `type` and
// `resourceUri` follow the request's prefix and version.
import { resourceUri, typeName, type ApiScope } from '../../http/api-scope.ts';
import type { SecurityParameter, Server, ServerDetails, TorPortMapping } from './model.ts';

export function toInventory(s: Server, d: ServerDetails, scope: ApiScope) {
  return {
    id: s.id,
    type: typeName(scope, 'server/inventory'),
    serial: s.hardware.serialNumber,
    productId: s.hardware.productId,
    lastFullInventoryCollectionAt: s.lastFullInventoryCollectionAt,
    lastFullInventoryCollectionPowerState: s.lastFullInventoryCollectionPowerState,
    ...d.inventory,
  };
}

/** The deprecated flat shape, assembled from the same inventory categories. */
export function toRawInventory(s: Server, d: ServerDetails, scope: ApiScope) {
  const inv = d.inventory;
  return {
    id: s.id,
    type: typeName(scope, 'server/raw-inventory'),
    serial: s.hardware.serialNumber,
    productId: s.hardware.productId,
    firmwareInventory: inv.firmware.data ?? [],
    softwareInventory: inv.software.data ?? [],
    pciDevices: inv.device.data ?? [],
    storageInventory: { storage: inv.storage.data ?? [], smartStorage: inv.smartStorage.data ?? [] },
    smartUpdateTool: inv.smartUpdateToolInventory.data?.[0] ?? {},
  };
}

/** RISK when any parameter the user has not chosen to ignore is at risk (servers.md §5.9). */
export function overallSecurityStatus(params: readonly SecurityParameter[]): 'OK' | 'RISK' {
  return params.some((p) => !p.ignore && p.securityStatus === 'RISK') ? 'RISK' : 'OK';
}

export function toSecurityParameters(s: Server, d: ServerDetails, scope: ApiScope) {
  return {
    id: s.id,
    type: typeName(scope, 'server/security-parameter'),
    resourceUri: resourceUri(scope, `servers/${s.id}/security-parameters`),
    overallSecurityStatus: overallSecurityStatus(d.securityParameters),
    iloSecurityParams: d.securityParameters,
  };
}

export function toTorPortMapping(s: Server, m: TorPortMapping, scope: ApiScope) {
  return { ...m, type: typeName(scope, 'server/tor-port-mapping'), serverId: s.id };
}

export function toVolumeDetails(s: Server, storage: NonNullable<ServerDetails['externalStorage']>) {
  return { serverId: s.id, ...storage };
}
