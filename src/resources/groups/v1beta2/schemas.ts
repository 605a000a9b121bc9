// groups v1beta2 wire schemas (HPE's groupResponse-v1beta2, groupCreateRequest-v1beta2,
// groupUpdateRequest-v1beta2, groupAssignRequest-v1beta2, deviceResponse-v1beta2, deviceCompliance-v1beta2,
// deviceiLOSettingsCompliance-v1beta2): the server-centric legacy spelling of the same groups.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Collection } from '../../../http/schemas.ts';
import { SUBSCRIPTION_STATES } from '../../servers/model.ts';
import { ComplianceStateEnum, Deviation, GroupDescription, GroupName, Nullable, Remediation, StringEnum } from '../wire.ts';

export const PLATFORM_FAMILIES_V1BETA2 = ['ANY', 'PROLIANT', 'OVE_APPLIANCE_SYNERGY', 'OVE_APPLIANCE_VM'] as const;
export const MEMBER_STATES_V1BETA2 = ['ASSIGNED', 'FAILED', 'ACTIVE', 'QUARANTINE', 'APPLYING_FIRMWARE', 'APPLYING_SCHEMA', 'APPLYING_OS'] as const;

type OnServerAddFlag =
  | 'firmwareUpdate'
  | 'biosApplySettings'
  | 'biosFactoryReset'
  | 'iloApplySettings'
  | 'storageConfiguration'
  | 'storageVolumeDeletion'
  | 'externalStorageConfiguration'
  | 'osImageSettings'
  | 'firmwareDowngrade';

const flag = (description?: string) => Type.Optional(Type.Boolean(description ? { description } : {}));
const patchFlag = (description?: string) => Type.Optional(Nullable(Type.Boolean(description ? { description } : {})));

const onServerAddMembers = <T extends TSchema>(f: (description?: string) => T): Record<OnServerAddFlag, T> => ({
  firmwareUpdate: f('Update firmware to the group baseline when a server joins (same as autoFwUpdateOnAdd)'),
  biosApplySettings: f("Apply the group's BIOS setting when a server joins"),
  biosFactoryReset: f('With biosApplySettings: factory-reset the BIOS first'),
  iloApplySettings: f("Apply the group's iLO setting when a server joins"),
  storageConfiguration: f("Apply the group's internal storage setting when a server joins"),
  storageVolumeDeletion: f('Erase the existing internal storage configuration first'),
  externalStorageConfiguration: f("Apply the group's external storage setting when a server joins"),
  osImageSettings: f("Install the group's OS image when a server joins"),
  firmwareDowngrade: f('Deprecated: see onSettingsApply.firmwareDowngrade'),
});

export const ServerMemberV1beta2 = Type.Object(
  {
    id: Type.String({ description: 'The server id (productId+serialNumber)' }),
    type: Type.String({ description: 'compute-ops/group/device' }),
    resourceUri: Type.Optional(Type.String()),
    serial: Type.Optional(Type.String()),
    productId: Type.Optional(Type.String()),
    eTag: Type.Optional(Type.String({ description: 'Changes every time the server moves between groups' })),
    serverId: Type.Optional(Type.String()),
    serverUri: Type.Optional(Type.String()),
    state: Type.Optional(StringEnum(MEMBER_STATES_V1BETA2)),
    groupId: Type.Optional(Type.String({ format: 'uuid' })),
    subscriptionState: Type.Optional(StringEnum(SUBSCRIPTION_STATES)),
    subscriptionTier: Type.Optional(StringEnum(['ENHANCED'])),
  },
  { description: 'A server of the group' },
);

const CategoryCompliance = Type.Object({ status: ComplianceStateEnum, statusReason: Type.String() });

export const GroupV1beta2 = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    type: Type.String({ description: 'compute-ops/group' }),
    generation: Type.Integer({ minimum: 1 }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    resourceUri: Type.String({ description: '/compute-ops/v1beta2/groups/{id}' }),
    selfUri: Type.String({ description: 'Same as resourceUri' }),
    name: GroupName,
    description: GroupDescription,
    autoFwUpdateOnAdd: Type.Boolean(),
    groupComplianceStatus: ComplianceStateEnum,
    serverSettingsUris: Type.Array(Type.String()),
    platformFamily: StringEnum(PLATFORM_FAMILIES_V1BETA2),
    devicesUri: Type.String(),
    devices: Type.Array(ServerMemberV1beta2),
    serverPolicies: Type.Optional(
      Type.Object({
        onServerAdd: Type.Object({ ...onServerAddMembers(flag), storageVolumeName: Type.Optional(Type.String()), osCompletionTimeoutMin: Type.Optional(Type.Integer({ minimum: 60, maximum: 720 })) }),
        onSettingsApply: Type.Object({ firmwareDowngrade: Type.Boolean() }),
      }),
    ),
    autoAddServerTags: Nullable(Type.Record(Type.String(), Type.String())),
    groupMeta: Type.Null(),
    groupCompliance: Type.Object({ summary: ComplianceStateEnum, firmware: CategoryCompliance, iloSettings: CategoryCompliance }),
  },
  { description: 'Group (v1beta2)' },
);

const ServerPoliciesRequest = Nullable(
  Type.Object({
    onServerAdd: Type.Optional(
      Nullable(
        Type.Object({
          ...onServerAddMembers(patchFlag),
          storageVolumeName: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
          osCompletionTimeoutMin: Type.Optional(Nullable(Type.Integer({ minimum: 60, maximum: 720 }))),
        }),
      ),
    ),
    onSettingsApply: Type.Optional(Nullable(Type.Object({ firmwareDowngrade: patchFlag() }))),
  }),
);
const Tags = Nullable(Type.Record(Type.String(), Type.Union([Type.String(), Type.Null()])), 'At most one tag, e.g. {"Rack": "R12"}; case-insensitive, unique across groups');

export const GroupCreateBodyV1beta2 = Type.Object({
  name: GroupName,
  description: Type.Optional(GroupDescription),
  autoFwUpdateOnAdd: Type.Optional(Type.Boolean({ description: 'Must agree with serverPolicies.onServerAdd.firmwareUpdate when both are sent' })),
  platformFamily: Type.Optional(StringEnum(['ANY', 'PROLIANT'], 'Stored as ANY whatever is sent')),
  serverSettingsUris: Type.Optional(Type.Array(Type.String({ maxLength: 500 }))),
  data: Type.Optional(Type.Object({}, { additionalProperties: true })),
  serverPolicies: Type.Optional(ServerPoliciesRequest),
  autoAddServerTags: Type.Optional(Tags),
});
export type GroupCreateBodyV1beta2 = Static<typeof GroupCreateBodyV1beta2>;

export const GroupPatchBodyV1beta2 = Type.Object({
  name: Type.Optional(GroupName),
  description: Type.Optional(GroupDescription),
  autoFwUpdateOnAdd: Type.Optional(Type.Boolean()),
  platformFamily: Type.Optional(Type.String({ description: 'Immutable: a GET body may be echoed back' })),
  serverSettingsUris: Type.Optional(Type.Array(Type.String({ maxLength: 500 }), { description: 'Replaces the whole list' })),
  serverPolicies: Type.Optional(ServerPoliciesRequest),
  autoAddServerTags: Type.Optional(Tags),
  firmwareBaseline: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }), 'Legacy: point the group FIRMWARE setting at this firmware bundle id; null removes it')),
});
export type GroupPatchBodyV1beta2 = Static<typeof GroupPatchBodyV1beta2>;

export const AssignBodyV1beta2 = Type.Object({
  devices: Type.Array(
    Type.Object({
      serverId: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
      serial: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
      productId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
      eTag: Type.Optional(Type.String({ maxLength: 100 })),
    }),
    { minItems: 1, maxItems: 10000, description: 'Servers named by serverId, or by serial and productId; eTag is required to move one from another group' },
  ),
});
export type AssignBodyV1beta2 = Static<typeof AssignBodyV1beta2>;

export const AssignQueryV1beta2 = Type.Object({
  'dry-run': Type.Optional(Type.String({ pattern: '^(?:[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$', description: 'true: validate only and return the current eTags' })),
});

export const AssignResponseV1beta2 = Type.Object({ devices: Type.Array(ServerMemberV1beta2) });

export const ComplianceV1beta2 = Type.Object({
  id: Type.String({ format: 'uuid' }),
  type: Type.String({ description: 'compute-ops/group/compliance' }),
  generation: Type.Integer({ minimum: 1 }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  resourceUri: Type.String(),
  groupId: Type.String({ format: 'uuid' }),
  serial: Type.String(),
  productId: Type.String(),
  serverId: Type.String(),
  complianceStatus: ComplianceStateEnum,
  deviations: Type.Array(Deviation),
  errorReason: Type.String(),
  complianceCategory: Type.Literal('FIRMWARE'),
});

export const IloComplianceV1beta2 = Type.Object({
  id: Type.String({ format: 'uuid' }),
  type: Type.String({ description: 'compute-ops/group/ilo-settings-compliance' }),
  generation: Type.Integer({ minimum: 1 }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  resourceUri: Type.String(),
  serial: Type.String(),
  productId: Type.String(),
  serverId: Type.String(),
  serverUri: Type.String(),
  deviations: Type.Array(Deviation),
  complianceState: ComplianceStateEnum,
  remediation: Remediation,
  complianceCategory: Type.Literal('ILO_SETTINGS'),
  groupId: Type.String({ format: 'uuid' }),
  errorReason: Type.String(),
});

/** v1beta2 compliance collections also carry the legacy `start` (= offset). */
export function legacyCollection<T extends Parameters<typeof Collection>[0]>(item: T, description: string) {
  const base = Collection(item, description);
  return Type.Object({ ...base.properties, start: Type.Integer({ minimum: 0, description: 'Legacy alias of offset' }) }, { description });
}
