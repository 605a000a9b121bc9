// servers v1 wire schemas (HPE's server-v1, serverCollection-v1, serverUpdateRequest-v1,
// serverCreateRequest-v1, serverJobResponse). Fields a server without a valid subscription omits
// (servers.md §0.8) are optional here; the mapper decides, the serializer only whitelists.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Collection } from '../../../http/schemas.ts';
import {
  CONNECTION_TYPES,
  DEVICE_CLAIM_TYPES,
  HEALTH_STATES,
  INDICATOR_LED_STATES,
  PLATFORM_FAMILIES,
  POWER_STATES,
  REDUNDANCY_STATES,
  SERVER_GENERATIONS,
  SUBSCRIPTION_STATES,
  SUBSCRIPTION_TIERS,
  UPDATE_STATUSES,
} from '../model.ts';

export function StringEnum<T extends string>(values: readonly T[], description?: string) {
  return Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
}

export function NullableEnum<T extends string>(values: readonly T[], description?: string) {
  return Type.Unsafe<T | null>({ type: ['string', 'null'], enum: [...values, null], ...(description ? { description } : {}) });
}

export function Nullable<T extends TSchema>(schema: T, description?: string) {
  return Type.Union([schema, Type.Null()], description ? { description } : {});
}

export const DateTime = (description?: string) => Type.String({ format: 'date-time', ...(description ? { description } : {}) });
const Health = StringEnum(HEALTH_STATES);
const Redundancy = StringEnum(REDUNDANCY_STATES);

export const HEALTH_PROPERTIES = {
  summary: StringEnum(HEALTH_STATES, 'Calculated summary of the overall health'),
  fans: Health,
  fanRedundancy: Redundancy,
  liquidCooling: Health,
  liquidCoolingRedundancy: Redundancy,
  memory: Health,
  network: Health,
  powerSupplies: Health,
  powerSupplyRedundancy: Redundancy,
  processor: Health,
  storage: Health,
  temperature: Health,
  bios: Health,
  smartStorage: Health,
  healthLED: Health,
};

/** BMC credentials as shown: the password is never returned. */
export const UserDefinedOut = Type.Object(
  {
    host: Type.String({ description: 'IP address or host name of the BMC' }),
    username: Type.String({ description: 'User name used to access the BMC' }),
    certificateFingerprint: Type.String({ description: 'Certificate fingerprint of the BMC' }),
  },
  { description: 'Credentials used for a credential or Secure Gateway connection; the password is write-only' },
);

export const BMC_PROPERTIES = {
  mac: Type.String(),
  ip: Type.String(),
  hostname: Type.String(),
  license: Nullable(Type.String(), 'License type installed on the management processor'),
  userDefined: Nullable(UserDefinedOut),
};

export const InventoryItem = Type.Object({ name: Type.String(), version: Type.String(), deviceContext: Type.String() });

export const Host = Type.Object(
  {
    hostname: Nullable(Type.String()),
    osName: Nullable(Type.String()),
    osVersion: Nullable(Type.String()),
    osDescription: Nullable(Type.String()),
    osType: Nullable(Type.Integer()),
  },
  { description: 'Operating system as reported by the host' },
);

export const OneView = Type.Object(
  { applianceUri: Type.String(), maintenanceMode: Type.Boolean(), name: Type.String(), state: Type.String() },
  { description: 'Set only for OneView-managed servers' },
);

export const Tags = Type.Record(Type.String(), Type.String(), { description: 'Tags as key/value pairs' });

/** Members every version shows the same way, apart from the per-version objects. */
export const COMMON_PROPERTIES = {
  id: Type.String({ description: 'Server id: <productId>+<serialNumber>' }),
  type: Type.String({ description: 'compute-ops-mgmt/server' }),
  name: Type.String({ description: 'Serial number of the server' }),
  resourceUri: Type.String({ description: 'Root-relative URI of this server' }),
  generation: Type.Integer({ minimum: 1, description: 'Monotonically increasing update counter' }),
  createdAt: DateTime('Time the server was added'),
  updatedAt: DateTime('Time of the last change'),
  serverGeneration: Type.Optional(StringEnum(SERVER_GENERATIONS)),
  maintenanceMode: Type.Boolean({ description: 'True while the server is in maintenance mode' }),
  firmwareInventory: Type.Optional(Nullable(Type.Array(InventoryItem))),
  softwareInventory: Type.Optional(Nullable(Type.Array(InventoryItem))),
  firmwareBundleUri: Type.Optional(Nullable(Type.String())),
  tags: Type.Optional(Nullable(Tags)),
  processorVendor: Type.Optional(Nullable(Type.String())),
  biosFamily: Type.Optional(Nullable(Type.String())),
  host: Type.Optional(Nullable(Host)),
  autoIloFwUpdate: Type.Optional(Type.Boolean({ description: 'Opt-in for automatic iLO-only firmware updates' })),
  oneview: Type.Optional(Nullable(OneView)),
  lastFullInventoryCollectionAt: Nullable(DateTime()),
  lastFullInventoryCollectionPowerState: Type.String({ description: 'Power state at the last full inventory collection' }),
};

export const ServerV1 = Type.Object(
  {
    ...COMMON_PROPERTIES,
    platformFamily: NullableEnum(PLATFORM_FAMILIES),
    hardware: Type.Object({
      serialNumber: Type.String(),
      model: Nullable(Type.String()),
      uuid: Nullable(Type.String({ format: 'uuid' })),
      productId: Type.String(),
      manufacturer: Type.String({ description: 'Manufacturer of the server hardware' }),
      powerState: Type.Optional(StringEnum(POWER_STATES)),
      indicatorLed: Type.Optional(StringEnum(INDICATOR_LED_STATES)),
      health: Type.Optional(Nullable(Type.Object({ ...HEALTH_PROPERTIES, airFilter: Health }))),
      platform: Type.Optional(Nullable(Type.String())),
      formFactor: Type.Optional(Nullable(Type.String())),
      memoryMb: Type.Optional(Nullable(Type.Integer({ description: 'Total memory in MiB' }))),
      bmc: Type.Optional(Nullable(Type.Object({ ...BMC_PROPERTIES, model: Nullable(Type.String()), version: Nullable(Type.String()) }))),
    }),
    state: Type.Object({
      managed: Type.Boolean(),
      connected: Type.Boolean(),
      connectedModifiedAt: Nullable(DateTime()),
      subscriptionState: StringEnum(SUBSCRIPTION_STATES),
      subscriptionTier: NullableEnum(SUBSCRIPTION_TIERS),
      subscriptionExpiresAt: Nullable(DateTime()),
      subscriptionKey: Nullable(Type.String()),
    }),
    lastFirmwareUpdate: Type.Optional(
      Nullable(
        Type.Object({
          status: StringEnum(UPDATE_STATUSES),
          attemptedAt: DateTime(),
          attemptedBaselineUri: Nullable(Type.String()),
          installSwDrivers: Nullable(Type.Boolean()),
          downgrade: Nullable(Type.Boolean()),
          powerOff: Nullable(Type.Boolean()),
          completedAt: Nullable(DateTime()),
          bundleUpdateMethod: Type.Optional(StringEnum(['Update', 'Stage'] as const, 'Absent when not known')),
          firmwareInventoryUpdates: Type.Array(Type.Object({ name: Type.String(), version: Type.String(), status: StringEnum(UPDATE_STATUSES) })),
        }),
      ),
    ),
    deviceClaimType: StringEnum(DEVICE_CLAIM_TYPES),
    connectionType: Type.Optional(StringEnum(CONNECTION_TYPES, 'Absent when not known (and for servers without a valid subscription)')),
    managedBy: Nullable(Type.String()),
    lastServerLogCollectionAt: Nullable(DateTime()),
    appliance: Nullable(Type.Object({ applianceId: Nullable(Type.String()), applianceUri: Nullable(Type.String()) })),
  },
  { description: 'Server' },
);
export type ServerV1 = Static<typeof ServerV1>;

export const ServerCollectionV1 = Collection(ServerV1, 'Servers of the workspace');
