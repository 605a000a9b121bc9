// servers v1 ⇄ hub. v1 is the hub's full shape, so the mapping is one to one, less the BMC password (never
// returned) and the subscription-gated members. HPE declares connectionType, deviceClaimType and
// bundleUpdateMethod nullable but leaves null out of their enums, so an unknown value is written the way the
// schema accepts: deviceClaimType UNKNOWN, the other two absent.
import { resourceUri, typeName, type ApiScope } from '../../../http/api-scope.ts';
import { defineListSpec } from '../../../query/list-spec.ts';
import { gated } from '../gating.ts';
import { DEVICE_CLAIM_TYPES, SERVER_GENERATIONS, type BmcCredentials, type Server } from '../model.ts';
import { COMMON_LIST_PROPERTIES } from '../repository.ts';
import { choicesOf, type NotificationChoices } from '../../user-preferences/model.ts';
import type { ServerNotification } from '../notification-service.ts';
import type { NotificationsRequestV1, NotificationsResponseV1 } from './notification-schemas.ts';
import type { ServerV1 } from './schemas.ts';

/** Credentials as shown: the password is write-only. */
export function shownCredentials(c: BmcCredentials | null): { host: string; username: string; certificateFingerprint: string } | null {
  return c && { host: c.host, username: c.username, certificateFingerprint: c.certificateFingerprint };
}

export function toV1(s: Server, scope: ApiScope): ServerV1 {
  const { bmc, health } = s.hardware;
  const update = s.lastFirmwareUpdate;
  const wire: ServerV1 = {
    id: s.id,
    type: typeName(scope, 'server'),
    name: s.name,
    resourceUri: resourceUri(scope, `servers/${s.id}`),
    generation: s.generation,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    platformFamily: s.platformFamily,
    serverGeneration: s.serverGeneration,
    maintenanceMode: s.maintenanceMode,
    hardware: {
      serialNumber: s.hardware.serialNumber,
      model: s.hardware.model,
      uuid: s.hardware.uuid,
      productId: s.hardware.productId,
      manufacturer: s.hardware.manufacturer,
      powerState: s.hardware.powerState,
      indicatorLed: s.hardware.indicatorLed,
      health: health && { ...health },
      platform: s.hardware.platform,
      formFactor: s.hardware.formFactor,
      memoryMb: s.hardware.memoryMb,
      bmc: bmc && { ...bmc, userDefined: shownCredentials(bmc.userDefined) },
    },
    state: { ...s.state },
    firmwareInventory: s.firmwareInventory,
    softwareInventory: s.softwareInventory,
    firmwareBundleUri: s.firmwareBundleUri,
    lastFirmwareUpdate: update && { ...update, bundleUpdateMethod: update.bundleUpdateMethod ?? undefined },
    tags: s.tags,
    processorVendor: s.processorVendor,
    biosFamily: s.biosFamily,
    host: s.host,
    autoIloFwUpdate: s.autoIloFwUpdate,
    oneview: s.oneview,
    lastFullInventoryCollectionAt: s.lastFullInventoryCollectionAt,
    lastFullInventoryCollectionPowerState: s.lastFullInventoryCollectionPowerState,
    deviceClaimType: s.deviceClaimType ?? 'UNKNOWN',
    connectionType: s.connectionType ?? undefined,
    managedBy: s.managedBy,
    lastServerLogCollectionAt: s.lastServerLogCollectionAt,
    appliance: s.appliance,
  };
  return gated(wire, s);
}

/** v1 filter names (conventions §6.4, servers v1) → columns; servers lists have no `sort`, so the order is fixed. */
export const listSpecV1 = defineListSpec({
  idColumn: 'id',
  defaultSort: 'createdAt',
  limit: { max: 100, default: 100 },
  properties: {
    ...COMMON_LIST_PROPERTIES,
    autoIloFwUpdate: { column: 'auto_ilo_fw_update', type: 'boolean' },
    deviceClaimType: { column: 'device_claim_type', type: 'enum', values: DEVICE_CLAIM_TYPES },
    lastFirmwareUpdate: { json: 'last_firmware_update' },
    lastFullInventoryCollectionAt: { column: 'last_full_inventory_collection_at', type: 'timestamp' },
    lastFullInventoryCollectionPowerState: { column: 'last_full_inventory_collection_power_state', type: 'string' },
    lastServerLogCollectionAt: { column: 'last_server_log_collection_at', type: 'timestamp' },
    managedBy: { column: 'managed_by', type: 'string' },
    serverGeneration: { column: 'server_generation', type: 'enum', values: SERVER_GENERATIONS },
  },
});

export function toNotificationsV1(n: ServerNotification): NotificationsResponseV1 {
  return { serverId: n.serverId, ...choicesOf(n) };
}

/** A PUT states every choice: absent or null means off (servers.md §5.11). */
export function fromNotificationsV1(body: NotificationsRequestV1): NotificationChoices {
  return {
    criticalNotification: body.criticalNotification,
    criticalNonServiceNotification: body.criticalNonServiceNotification ?? false,
    warningNotification: body.warningNotification ?? false,
    healthNotification: body.healthNotification ?? false,
    powerResetNotification: body.powerResetNotification ?? false,
    disconnectNotification: body.disconnectNotification ?? null,
  };
}
