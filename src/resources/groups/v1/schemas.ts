// groups v1 wire schemas (HPE's groupResponse-v1, groupCreateRequest-v1, groupUpdateRequest-v1,
// groupAssignRequest-v1, groupRemoveRequest-v1, deviceResponse-v1, deviceCompliance-v1). v1beta3 has the same
// model, so its schemas come from the same factory with its few differences switched on.
import { Type, type Static } from '@sinclair/typebox';
import { SUBSCRIPTION_STATES } from '../../servers/model.ts';
import { COMPLIANCE_CATEGORIES } from '../model.ts';
import {
  ComplianceStateEnum,
  Deviation,
  DeviceTypeEnum,
  GroupDescription,
  GroupName,
  Nullable,
  OnDeviceAddRequest,
  OnDeviceApplyRequest,
  Remediation,
  SecurityStateEnum,
  StringEnum,
} from '../wire.ts';

export interface CurrentVersionOptions {
  version: 'v1' | 'v1beta3';
  /** v1beta3 still shows onDeviceAdd.firmwareDowngrade (an alias of onDeviceApply.firmwareDowngrade). */
  addDowngradeAlias: boolean;
}

const flag = (description: string) => Type.Optional(Type.Boolean({ description }));

function policiesResponse() {
  const onDeviceAdd = Type.Object(
    {
      firmwareUpdate: flag('Update firmware to the group baseline when a server joins'),
      firmwarePowerOff: flag('Power the server off after that firmware update'),
      biosApplySettings: flag("Apply the group's BIOS setting when a server joins"),
      biosFactoryReset: flag('With biosApplySettings: factory-reset the BIOS first'),
      iloApplySettings: flag("Apply the group's iLO setting when a server joins"),
      storageConfiguration: flag("Apply the group's internal storage setting when a server joins"),
      storageVolumeDeletion: flag('Erase the existing internal storage configuration first'),
      storageVolumeName: Type.Optional(Type.String()),
      storageVolumes: Type.Optional(Type.Array(Type.Object({ id: Type.String(), name: Nullable(Type.String()) }))),
      externalStorageConfiguration: flag("Apply the group's external storage setting when a server joins"),
      osInstall: flag("Install the group's OS image when a server joins"),
      osCompletionTimeoutMin: Type.Optional(Type.Integer({ minimum: 60, maximum: 720 })),
      firmwareDowngrade: flag('v1beta3 only: deprecated alias of onDeviceApply.firmwareDowngrade'),
    },
    { additionalProperties: true },
  );
  return Type.Object(
    {
      onDeviceAdd: Nullable(onDeviceAdd, 'Server groups: what happens when a server joins. OneView appliance groups: the appliance policies as set'),
      onDeviceApply: Type.Optional(Type.Object({ firmwareDowngrade: Type.Boolean() }, { description: 'Server groups: policies applied when settings are applied' })),
    },
    { description: 'Server policies (DIRECT_CONNECT_SERVER) or OneView appliance policies' },
  );
}

/** The policies a group body shows. */
export const PoliciesResponse = policiesResponse();
export type PoliciesWire = Static<typeof PoliciesResponse>;

export function groupDeviceSchema(o: CurrentVersionOptions) {
  return Type.Object(
    {
      id: Type.String({ description: 'The device id (productId+serialNumber)' }),
      type: Type.String({ description: 'compute-ops-mgmt/group/device' }),
      resourceUri: Type.String({ description: `/compute-ops-mgmt/${o.version}/groups/{group-id}/devices/{device-id}` }),
      serial: Type.String(),
      productId: Type.String(),
      eTag: Type.String({ description: 'Changes every time the device moves between groups; send it to move the device' }),
      deviceId: Type.String(),
      deviceUri: Type.String({ description: 'URI of the server' }),
      groupId: Type.String({ format: 'uuid' }),
      subscriptionState: StringEnum(SUBSCRIPTION_STATES),
      subscriptionTier: Type.Optional(StringEnum(['ENHANCED'])),
      overallSecurityStatus: SecurityStateEnum,
    },
    { description: 'A device of the group' },
  );
}

const CategoryCompliance = Type.Object({ status: ComplianceStateEnum, statusReason: Type.String({ description: 'Why the status is not COMPLIANT; empty otherwise' }) });

export function groupSchema(o: CurrentVersionOptions) {
  return Type.Object(
    {
      id: Type.String({ format: 'uuid', description: 'Primary identifier for the group supplied by the system' }),
      type: Type.String({ description: 'compute-ops-mgmt/group' }),
      generation: Type.Integer({ minimum: 1, description: 'Monotonically increasing update counter; also bumped by membership changes' }),
      createdAt: Type.String({ format: 'date-time' }),
      updatedAt: Type.String({ format: 'date-time' }),
      resourceUri: Type.String({ description: `/compute-ops-mgmt/${o.version}/groups/{id}` }),
      selfUri: Type.String({ description: 'Same as resourceUri (read by existing clients)' }),
      name: GroupName,
      description: GroupDescription,
      deviceType: DeviceTypeEnum,
      settingsUris: Type.Array(Type.String(), { description: `URIs of the group settings, /compute-ops-mgmt/${o.version === 'v1' ? 'v1' : 'v1beta1'}/settings/{id}` }),
      policies: PoliciesResponse,
      autoAddTags: Type.Record(Type.String(), Type.String(), { description: 'The auto-add tag, {} when none' }),
      complianceStatus: ComplianceStateEnum,
      securityStatus: SecurityStateEnum,
      devicesUri: Type.String(),
      devices: Type.Array(groupDeviceSchema(o)),
      groupCompliance: Type.Object({ summary: ComplianceStateEnum, firmware: CategoryCompliance, iloSettings: CategoryCompliance }),
    },
    { description: 'Group' },
  );
}

export function complianceSchema(o: CurrentVersionOptions) {
  return Type.Object(
    {
      id: Type.String({ format: 'uuid' }),
      type: Type.String({ description: 'compute-ops-mgmt/group/compliance' }),
      resourceUri: Type.String({ description: `/compute-ops-mgmt/${o.version}/groups/{group-id}/compliance/{compliance-id}` }),
      generation: Type.Integer({ minimum: 1 }),
      createdAt: Type.String({ format: 'date-time' }),
      updatedAt: Type.String({ format: 'date-time', description: 'When the compliance was computed' }),
      groupId: Type.String({ format: 'uuid' }),
      serial: Type.String(),
      productId: Type.String(),
      deviceId: Type.String(),
      deviceUri: Type.String(),
      bundleId: Type.Optional(Type.String({ description: 'Firmware bundle the device was compared to' })),
      deviations: Type.Array(Deviation),
      score: Type.Optional(Type.Integer({ description: 'Percent compliant' })),
      complianceState: ComplianceStateEnum,
      errorReason: Type.String(),
      remediation: Remediation,
      complianceCategory: StringEnum(COMPLIANCE_CATEGORIES),
    },
    { description: 'Compliance of one device of the group' },
  );
}

const Policies = Type.Object(
  { onDeviceAdd: Type.Optional(Nullable(OnDeviceAddRequest)), onDeviceApply: Type.Optional(Nullable(OnDeviceApplyRequest)) },
  { description: 'Server policies (DIRECT_CONNECT_SERVER) or OneView appliance policies (merge patch: null resets)' },
);
const Tags = Type.Record(Type.String(), Type.Union([Type.String(), Type.Null()]), { description: 'At most one tag, e.g. {"Rack": "R12"}; case-insensitive, unique across groups' });

export const GroupCreateBody = Type.Object({
  name: GroupName,
  description: Type.Optional(GroupDescription),
  deviceType: DeviceTypeEnum,
  settingsUris: Type.Optional(Type.Array(Type.String({ maxLength: 500 }), { description: 'Setting URIs; one setting per category' })),
  policies: Type.Optional(Nullable(Policies)),
  autoAddTags: Type.Optional(Nullable(Tags)),
});
export type GroupCreateBody = Static<typeof GroupCreateBody>;

export const GroupPatchBody = Type.Object({
  name: Type.Optional(GroupName),
  description: Type.Optional(GroupDescription),
  deviceType: Type.Optional(Type.String({ description: 'Immutable: a GET body may be echoed back, but a different value is refused' })),
  settingsUris: Type.Optional(Type.Array(Type.String({ maxLength: 500 }), { description: 'Replaces the whole list' })),
  policies: Type.Optional(Nullable(Policies)),
  autoAddTags: Type.Optional(Nullable(Tags)),
});
export type GroupPatchBody = Static<typeof GroupPatchBody>;

export const AssignBody = Type.Object({
  devices: Type.Array(
    Type.Object({
      deviceId: Type.String({ minLength: 1, maxLength: 500, description: 'e.g. P52560-B21+CZJ3210ABC' }),
      eTag: Type.Optional(Type.String({ maxLength: 100, description: "Required to move a device from another group: its latest eTag" })),
    }),
    { minItems: 1, maxItems: 10000 },
  ),
});
export type AssignBody = Static<typeof AssignBody>;

export const UnassignBody = Nullable(
  Type.Object({ devices: Type.Array(Type.Object({ deviceId: Type.String({ minLength: 1, maxLength: 500 }) }), { minItems: 1, maxItems: 10000 }) }),
  'The devices to remove; omit the body with force=true',
);
export type UnassignBody = Static<typeof UnassignBody>;
