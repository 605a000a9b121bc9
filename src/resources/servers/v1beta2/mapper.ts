// servers v1beta2 ⇄ hub: the v1 content less what v1beta2 does not publish, with its own enum spellings.
// Values its enums lack become what a v1beta2 client can read: a platform family outside PROLIANT, ALLETRA
// and EDGELINE is null, and any firmware-update status other than FAILED (SKIPPED, NOT_UPDATED) is OK.
import { resourceUri, typeName, type ApiScope } from '../../../http/api-scope.ts';
import { defineListSpec } from '../../../query/list-spec.ts';
import { choicesOf, type NotificationChoices } from '../../user-preferences/model.ts';
import { gated } from '../gating.ts';
import type { Server, SubscriptionTier, UpdateStatus } from '../model.ts';
import type { ServerNotification } from '../notification-service.ts';
import { COMMON_LIST_PROPERTIES } from '../repository.ts';
import { shownCredentials } from '../v1/mapper.ts';
import {
  PLATFORM_FAMILIES_V1BETA2,
  type SUBSCRIPTION_TIERS_V1BETA2,
  type NotificationsRequestV1beta2,
  type NotificationsResponseV1beta2,
  type ServerV1beta2,
} from './schemas.ts';

type PlatformFamilyV1beta2 = (typeof PLATFORM_FAMILIES_V1BETA2)[number];
type TierV1beta2 = (typeof SUBSCRIPTION_TIERS_V1BETA2)[number];

const TIERS: Record<SubscriptionTier, TierV1beta2> = { STANDARD: 'Standard', ENHANCED: 'Enhanced', ADVANCED: 'Advanced' };
const status = (s: UpdateStatus): 'OK' | 'FAILED' => (s === 'FAILED' ? 'FAILED' : 'OK');

export function toV1beta2(s: Server, scope: ApiScope): ServerV1beta2 {
  const { bmc, health } = s.hardware;
  const { airFilter: _airFilter, ...healthV1beta2 } = health ?? { airFilter: null };
  const update = s.lastFirmwareUpdate;
  const wire: ServerV1beta2 = {
    id: s.id,
    type: typeName(scope, 'server'),
    name: s.name,
    resourceUri: resourceUri(scope, `servers/${s.id}`),
    generation: s.generation,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    platformFamily: (PLATFORM_FAMILIES_V1BETA2 as readonly string[]).includes(s.platformFamily ?? '') ? (s.platformFamily as PlatformFamilyV1beta2) : null,
    serverGeneration: s.serverGeneration,
    maintenanceMode: s.maintenanceMode,
    hardware: {
      serialNumber: s.hardware.serialNumber,
      model: s.hardware.model,
      uuid: s.hardware.uuid,
      productId: s.hardware.productId,
      powerState: s.hardware.powerState,
      indicatorLed: s.hardware.indicatorLed,
      health: health && (healthV1beta2 as Omit<NonNullable<Server['hardware']['health']>, 'airFilter'>),
      platform: s.hardware.platform,
      formFactor: s.hardware.formFactor,
      memoryMb: s.hardware.memoryMb,
      bmc: bmc && { mac: bmc.mac, ip: bmc.ip, hostname: bmc.hostname, license: bmc.license, userDefined: shownCredentials(bmc.userDefined) },
    },
    state: {
      managed: s.state.managed,
      connected: s.state.connected,
      connectedModifiedAt: s.state.connectedModifiedAt,
      subscriptionState: s.state.subscriptionState,
      subscriptionTier: s.state.subscriptionTier && TIERS[s.state.subscriptionTier],
      subscriptionExpiresAt: s.state.subscriptionExpiresAt,
    },
    firmwareInventory: s.firmwareInventory,
    softwareInventory: s.softwareInventory,
    firmwareBundleUri: s.firmwareBundleUri,
    lastFirmwareUpdate: update && {
      status: status(update.status),
      attemptedAt: update.attemptedAt,
      firmwareInventoryUpdates: update.firmwareInventoryUpdates.map((u) => ({ name: u.name, version: u.version, status: status(u.status) })),
    },
    tags: s.tags,
    processorVendor: s.processorVendor,
    biosFamily: s.biosFamily,
    host: s.host,
    autoIloFwUpdate: s.autoIloFwUpdate,
    oneview: s.oneview,
    lastFullInventoryCollectionAt: s.lastFullInventoryCollectionAt,
    lastFullInventoryCollectionPowerState: s.lastFullInventoryCollectionPowerState,
  };
  return gated(wire, s);
}

/** v1beta2 filter names (conventions §6.4, servers v1beta2); the tier matches Standard or STANDARD alike. */
export const listSpecV1beta2 = defineListSpec({ idColumn: 'id', defaultSort: 'createdAt', limit: { max: 100, default: 100 }, properties: COMMON_LIST_PROPERTIES });

export function toNotificationsV1beta2(n: ServerNotification): NotificationsResponseV1beta2 {
  const { criticalNotification, criticalNonServiceNotification, warningNotification, healthNotification } = choicesOf(n);
  return { serverId: n.serverId, criticalNotification, criticalNonServiceNotification, warningNotification, healthNotification };
}

/** v1beta2 cannot see powerResetNotification or disconnectNotification, so a PUT keeps them (style.md §1.1). */
export function fromNotificationsV1beta2(body: NotificationsRequestV1beta2, current: NotificationChoices): NotificationChoices {
  return {
    criticalNotification: body.criticalNotification,
    criticalNonServiceNotification: body.criticalNonServiceNotification ?? false,
    warningNotification: body.warningNotification ?? false,
    healthNotification: body.healthNotification ?? false,
    powerResetNotification: current.powerResetNotification,
    disconnectNotification: current.disconnectNotification,
  };
}
