// servers v1beta2 wire schemas (HPE's server-v1beta2, serverCollection-v1beta2, notifications*-v1beta2): the
// v1 server without manufacturer, BMC model/version, airFilter, subscriptionKey and the v1-only members, with a
// reduced platformFamily and lastFirmwareUpdate, and the tier spelled Standard|Enhanced|Advanced (servers.md §2.1).
import { Type, type Static } from '@sinclair/typebox';
import { Collection } from '../../../http/schemas.ts';
import { INDICATOR_LED_STATES, POWER_STATES, SUBSCRIPTION_STATES } from '../model.ts';
import { BMC_PROPERTIES, COMMON_PROPERTIES, DateTime, HEALTH_PROPERTIES, Nullable, NullableEnum, StringEnum } from '../v1/schemas.ts';

export const PLATFORM_FAMILIES_V1BETA2 = ['PROLIANT', 'ALLETRA', 'EDGELINE'] as const;
export const SUBSCRIPTION_TIERS_V1BETA2 = ['Standard', 'Enhanced', 'Advanced'] as const;
const UPDATE_STATUSES_V1BETA2 = ['OK', 'FAILED'] as const;

export const SERVER_V1BETA2_PROPERTIES = {
  ...COMMON_PROPERTIES,
  platformFamily: NullableEnum(PLATFORM_FAMILIES_V1BETA2),
  hardware: Type.Object({
    serialNumber: Type.String(),
    model: Nullable(Type.String()),
    uuid: Nullable(Type.String({ format: 'uuid' })),
    productId: Type.String(),
    powerState: Type.Optional(StringEnum(POWER_STATES)),
    indicatorLed: Type.Optional(StringEnum(INDICATOR_LED_STATES)),
    health: Type.Optional(Nullable(Type.Object(HEALTH_PROPERTIES))),
    platform: Type.Optional(Nullable(Type.String())),
    formFactor: Type.Optional(Nullable(Type.String())),
    memoryMb: Type.Optional(Nullable(Type.Integer({ description: 'Total memory in MiB' }))),
    bmc: Type.Optional(Nullable(Type.Object(BMC_PROPERTIES))),
  }),
  state: Type.Object({
    managed: Type.Boolean(),
    connected: Type.Boolean(),
    connectedModifiedAt: Nullable(DateTime()),
    subscriptionState: StringEnum(SUBSCRIPTION_STATES),
    subscriptionTier: NullableEnum(SUBSCRIPTION_TIERS_V1BETA2),
    subscriptionExpiresAt: Nullable(DateTime()),
  }),
  lastFirmwareUpdate: Type.Optional(
    Nullable(
      Type.Object({
        status: StringEnum(UPDATE_STATUSES_V1BETA2),
        attemptedAt: DateTime(),
        firmwareInventoryUpdates: Type.Array(Type.Object({ name: Type.String(), version: Type.String(), status: StringEnum(UPDATE_STATUSES_V1BETA2) })),
      }),
    ),
  ),
};

export const ServerV1beta2 = Type.Object(SERVER_V1BETA2_PROPERTIES, { description: 'Server' });
export type ServerV1beta2 = Static<typeof ServerV1beta2>;

export const ServerCollectionV1beta2 = Collection(ServerV1beta2, 'Servers of the workspace');

const Flag = (description: string) => Type.Optional(Nullable(Type.Boolean(), `${description}; null or absent is off`));

export const NotificationsRequestV1beta2 = Type.Object(
  {
    criticalNotification: Type.Boolean({ description: 'E-mail for service events' }),
    criticalNonServiceNotification: Flag('Also critical non-service events; requires criticalNotification'),
    warningNotification: Flag('Also warning events; requires criticalNonServiceNotification'),
    healthNotification: Flag('Daily health summary'),
  },
  { additionalProperties: false, description: "The caller's choices for this server" },
);
export type NotificationsRequestV1beta2 = Static<typeof NotificationsRequestV1beta2>;

export const NotificationsResponseV1beta2 = Type.Object(
  {
    serverId: Type.String(),
    criticalNotification: Type.Boolean(),
    criticalNonServiceNotification: Nullable(Type.Boolean()),
    warningNotification: Nullable(Type.Boolean()),
    healthNotification: Nullable(Type.Boolean()),
  },
  { description: 'E-mail choices of a user for a server' },
);
export type NotificationsResponseV1beta2 = Static<typeof NotificationsResponseV1beta2>;
