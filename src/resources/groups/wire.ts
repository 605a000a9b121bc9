// Wire schema pieces every groups version shares: enums, path and query parameters, the server-policy members
// requests may carry (types only: the hub merges them), and the device-compliance deviations.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { COMPLIANCE_STATES, DEVICE_TYPES, SECURITY_STATES } from './model.ts';

export function StringEnum<T extends string>(values: readonly T[], description?: string) {
  return Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
}

export function Nullable<T extends TSchema>(schema: T, description?: string) {
  return Type.Union([schema, Type.Null()], description ? { description } : {});
}

export const DeviceTypeEnum = StringEnum(DEVICE_TYPES, 'Device type of all devices in the group; immutable after create');
export const ComplianceStateEnum = StringEnum(COMPLIANCE_STATES);
export const SecurityStateEnum = StringEnum(SECURITY_STATES);

export const GroupName = Type.String({ minLength: 1, maxLength: 100, description: 'Unique name for the group (case-insensitive)' });
export const GroupDescription = Nullable(Type.String({ maxLength: 10000 }), 'Description of the group');

export const GroupParams = Type.Object({ group_id: Type.String({ description: 'Group id (UUID)' }) });
export const MemberParams = Type.Object({ group_id: Type.String({ description: 'Group id (UUID)' }), device_id: Type.String({ description: 'Device id: productId+serialNumber' }) });
export const ComplianceParams = Type.Object({ group_id: Type.String({ description: 'Group id (UUID)' }), compliance_id: Type.String({ description: 'Compliance record id (UUID)' }) });
export const IloComplianceParams = Type.Object({
  group_id: Type.String({ description: 'Group id (UUID)' }),
  ilo_settings_compliance_id: Type.String({ description: 'iLO settings compliance record id (UUID)' }),
});

// Python clients send force=True: any case is accepted (client-compat.md), anything else is a 400.
const BooleanText = (description: string) => Type.String({ pattern: '^(?:[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$', description });
export const isTrue = (text: string | undefined) => text?.toLowerCase() === 'true';

export const DeleteGroupQuery = Type.Object({ force: Type.Optional(BooleanText('true: unassign every device, then delete the group (default false)')) });
export const ResetSubsystems = Type.Array(Type.String(), { description: 'After removal, factory-reset these Redfish subsystems of the removed servers; only BIOS' });
export const UnassignQuery = Type.Object({
  force: Type.Optional(BooleanText('true: remove every device of the group; send no body')),
  'reset-subsystems': Type.Optional(ResetSubsystems),
});
export type UnassignQuery = Static<typeof UnassignQuery>;

const Flag = (description: string) => Type.Optional(Nullable(Type.Boolean({ description })));

/** onDeviceAdd as a request may carry it (hub names); OneView appliance groups keep whatever else is sent. */
export const OnDeviceAddRequest = Type.Object(
  {
    firmwareUpdate: Flag('Update firmware to the group baseline when a server joins'),
    firmwarePowerOff: Flag('Power the server off after that firmware update'),
    biosApplySettings: Flag("Apply the group's BIOS setting when a server joins"),
    biosFactoryReset: Flag('With biosApplySettings: factory-reset the BIOS first'),
    iloApplySettings: Flag("Apply the group's iLO setting when a server joins"),
    storageConfiguration: Flag("Apply the group's internal storage setting when a server joins"),
    storageVolumeDeletion: Flag('Erase the existing internal storage configuration first'),
    storageVolumeName: Type.Optional(Nullable(Type.String({ maxLength: 255, description: 'Name of the created volume' }))),
    storageVolumes: Type.Optional(
      Nullable(Type.Array(Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.Optional(Nullable(Type.String({ maxLength: 255 }))) }), { description: "Names for the setting's volumes, by volume id" })),
    ),
    externalStorageConfiguration: Flag("Apply the group's external storage setting when a server joins"),
    osInstall: Flag("Install the group's OS image when a server joins"),
    osCompletionTimeoutMin: Type.Optional(Nullable(Type.Integer({ minimum: 60, maximum: 720, description: 'Per-server OS install timeout in minutes (default 240)' }))),
  },
  { additionalProperties: true, description: 'Policies applied when a device is added to the group' },
);

export const OnDeviceApplyRequest = Type.Object({ firmwareDowngrade: Flag('Allow firmware downgrades when firmware is applied') });

/** A deviation as stored: firmware ({componentName, …}) or iLO settings ({category, settingName, …}). */
export const Deviation = Type.Object({}, { additionalProperties: true, description: 'One difference between the device and the group settings' });

export const Remediation = Type.Object({}, { additionalProperties: true, description: 'How to remediate (updateInfo.criticality, gracefulShutdown, installSetSizeInMB)' });

const Named = Type.Object({ id: Type.Optional(Type.String()), name: Type.Optional(Type.String()) });
const HostRef = Type.Object({ name: Type.Optional(Type.String()) });
const list = (item: TSchema) => Type.Optional(Type.Array(item));

/** ExternalStorageCompliance (groups.md §3.11): one object per group. */
export const ExternalStorageComplianceWire = Type.Object(
  {
    groupId: Type.String({ format: 'uuid' }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time', description: 'When the compliance was checked' }),
    generation: Type.Integer({ minimum: 1 }),
    hostOs: Type.String({ description: 'Host operating system of the group in Data Services Cloud Console' }),
    complianceState: ComplianceStateEnum,
    deviations: Type.Object(
      {
        mismatchOperatingSystem: list(Type.Object({ server: Type.Optional(Named), host: Type.Optional(HostRef), operatingSystem: Type.Optional(Type.String()) })),
        missingInitiators: list(Type.Object({ server: Type.Optional(Named), initiators: Type.Optional(Type.Array(Type.String())) })),
        extraInitiator: list(Type.Object({ host: Type.Optional(HostRef), initiators: Type.Optional(Type.Array(Type.String())) })),
        missingHostsFromHostGroup: list(Type.Object({ server: Type.Optional(Named) })),
        extraHostsInHostGroup: list(Type.Object({ host: Type.Optional(HostRef) })),
        initiatorsWithMultipleHosts: list(Type.Object({ server: Type.Optional(Named), hosts: Type.Optional(Type.Array(HostRef)) })),
        missingHostGroups: list(Type.Object({ hostGroup: Type.Optional(HostRef) })),
        hostGroupsNotCreated: list(Type.Object({ hostGroup: Type.Optional(HostRef) })),
        noInitiators: list(Type.Object({ server: Type.Optional(Named) })),
        preExistingHostNames: list(Type.Object({ server: Type.Optional(Named), host: Type.Optional(HostRef) })),
      },
      { description: 'What differs between the group and its host group in Data Services Cloud Console' },
    ),
  },
  { description: 'External storage compliance of the group' },
);

// No content: COM documents these by description only (type null makes the OpenAPI response content-free).
export const NoContent = Type.Unsafe<undefined>({ type: 'null', description: 'No content' });
export const Accepted = Type.Unsafe<undefined>({ type: 'null', description: 'Accepted; the Location header names the async operation reporting the outcome' });
