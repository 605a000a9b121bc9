// The schema of each category's payload (settings.md §4), as the hub validates them: the widest shape any
// published version accepts. Members not listed are kept as sent (clients store free-form Redfish data).
import { Type, type TSchema } from '@sinclair/typebox';
import type { SettingCategory } from './model.ts';

const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const Nullable = <T extends TSchema>(schema: T) => Type.Optional(Type.Union([schema, Type.Null()]));
const Enum = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Section = (properties: Record<string, TSchema>) => Type.Optional(Type.Object(properties));
const Port = Section({ Port: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535 })), ProtocolEnabled: Type.Optional(Type.Boolean()) });
const Str = (max?: number) => Type.Optional(Type.String(max === undefined ? {} : { maxLength: max }));
const Bool = Type.Optional(Type.Boolean());
const Int = Type.Optional(Type.Integer());

export const RAID_TYPES = ['RAID0', 'RAID1', 'RAID1_TRIPLE', 'RAID10', 'RAID10_TRIPLE', 'RAID5', 'RAID50', 'RAID6', 'RAID60'] as const;

/** Fewest drives each RAID type needs, as clients apply when driveCount is null (settings.md §4.2). */
export const MIN_DRIVES: Readonly<Record<(typeof RAID_TYPES)[number], number>> = {
  RAID0: 1,
  RAID1: 2,
  RAID1_TRIPLE: 3,
  RAID10: 4,
  RAID10_TRIPLE: 6,
  RAID5: 3,
  RAID50: 6,
  RAID6: 4,
  RAID60: 8,
};

const Bios = Type.Object({
  enableCustomWorkloadProfile: Bool,
  redfishData: Type.Optional(
    Type.Object({ Attributes: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean()]))) }),
  ),
});

export const Volume = Type.Object({
  id: Nullable(Type.String({ pattern: UUID_PATTERN })),
  raidType: Enum(RAID_TYPES),
  capacityInGiB: Nullable(Type.Integer({ minimum: 1 })),
  driveCount: Nullable(Type.Integer({ minimum: 1 })),
  spareDriveCount: Nullable(Type.Integer({ minimum: 0 })),
  driveTechnology: Nullable(Enum(['SAS_HDD', 'SAS_SSD', 'SATA_HDD', 'SATA_SSD', 'NVME_SSD'])),
  ioPerfModeEnabled: Nullable(Type.Boolean()),
  readCachePolicy: Nullable(Enum(['READ_AHEAD', 'ADAPTIVE_READ_AHEAD', 'OFF'])),
  writeCachePolicy: Nullable(Enum(['PROTECTED_WRITE_BACK', 'UNPROTECTED_WRITE_BACK', 'WRITE_THROUGH', 'OFF'])),
});

export const MultiVolumeStorage = Type.Object({ volumes: Type.Array(Volume, { minItems: 1 }) });
export const SingleVolumeStorage = Type.Object({ raidType: Enum(['RAID0', 'RAID1', 'RAID5']), volumeSizeInGB: Type.Number() });

/** OS: osType is checked against the writing version's list (PayloadProfile), so it is only a string here. */
const Os = Type.Object({
  osType: Type.String(),
  mediaUrl: Type.String({ minLength: 1 }),
  unattendedInstallationFileUrl: Type.Optional(Type.String()),
  imageToMountOnCD: Type.Optional(Enum(['OS_IMAGE', 'UNATTENDED_INSTALLATION_FILE_IMAGE'])),
});

const ExternalStorage = Type.Object({
  externalStorageHostOs: Enum([
    'UNKNOWN', 'AIX', 'APPLE', 'CITRIX_HYPERVISOR', 'HP_UX', 'IBM_VIO_SERVER', 'INFORM', 'NETAPP', 'OE_LINUX_UEK', 'OPENVMS', 'ORACLE_VM',
    'RHE_LINUX', 'RHE_VIRTUALIZATION', 'SOLARIS', 'SUSE_LINUX', 'SUSE_VIRTUALIZATION', 'UBUNTU', 'VMWARE_ESXI', 'WINDOWS_SERVER',
  ]),
});

const Firmware = Type.Object({
  id: Type.String({ minLength: 1 }),
  componentExclusionsEnabled: Bool,
  componentExclusions: Type.Optional(
    Type.Array(
      Type.Object({
        componentCategory: Str(),
        componentsToExclude: Type.Optional(
          Type.Union([Type.Literal('ALL'), Type.Array(Type.Object({ name: Str(), target: Str() }))]),
        ),
      }),
    ),
  ),
});

// The iLO sections (settings.md §4.7); ILO wraps them in `Attributes`, ILO_SETTINGS sends them bare.
const Manager = Section({
  IdleConnectionTimeoutMinutes: Int,
  PhysicalMonitorHealthStatusEnabled: Bool,
  RIBCLEnabled: Bool,
  RemoteConsoleThumbnailEnabled: Bool,
  RequireHostAuthentication: Bool,
  RequiredLoginForiLORBSU: Bool,
  SerialCLISpeed: Int,
  SerialCLIStatus: Str(),
  VSPLogDownloadEnabled: Bool,
  VideoPresenceDetectOverride: Bool,
  VirtualNICEnabled: Bool,
  WebGuiEnabled: Bool,
  iLOIPduringPOSTEnabled: Bool,
  iLORBSUEnabled: Bool,
});
const AccountService = Section({
  AuthFailureDelayTimeSeconds: Type.Optional(Type.Union([2, 5, 10, 30].map((n) => Type.Literal(n)))),
  AuthFailureLoggingThreshold: Int,
  AuthFailuresBeforeDelay: Type.Optional(Type.Union([0, 1, 3, 5].map((n) => Type.Literal(n)))),
  EnforcePasswordComplexity: Bool,
  MinPasswordLength: Type.Optional(Type.Integer({ minimum: 0, maximum: 39 })),
});
const NetworkProtocol = Section({
  HTTP: Port,
  HTTPS: Port,
  IPMI: Port,
  KVMIP: Port,
  SNMP: Port,
  SNMPTrapPort: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535 })),
  SSH: Port,
  SerialOverLanLogging: Bool,
  VirtualMedia: Port,
  XMLResponseEnabled: Bool,
});
const AlertDestination = Type.Object({ AlertDestination: Str(), SNMPAlertProtocol: Str(), TrapCommunity: Str(), SecurityName: Str() });
const SnmpUser = Type.Object({
  SecurityName: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9]{1,32}$' })),
  AuthProtocol: Str(),
  AuthPassphrase: Type.Optional(Type.String({ minLength: 8, maxLength: 49 })),
  PrivacyProtocol: Str(),
  PrivacyPassphrase: Type.Optional(Type.String({ minLength: 8, maxLength: 49 })),
  UserEngineID: Str(),
});
const snmpService = {
  Contact: Str(49),
  Location: Str(49),
  PeriodicHSATrapConfig: Str(),
  ReadCommunities: Type.Optional(Type.Array(Type.String())),
  Role: Str(64),
  RoleDetail: Str(512),
  SNMPColdStartTrapBroadcast: Bool,
  SNMPv1RequestsEnabled: Bool,
  SNMPv1TrapEnabled: Bool,
  SNMPv3EngineID: Str(),
  SNMPv3InformRetryAttempt: Int,
  SNMPv3InformRetryIntervalSeconds: Int,
  SNMPv3RequestsEnabled: Bool,
  SNMPv3TrapEnabled: Bool,
  TrapSourceHostname: Str(),
};
const SecurityService = Section({ ComponentIntegrityPolicy: Str(), GlobalComponentIntegrity: Str() });
const UpdateService = Section({ Accept3rdPartyFirmware: Bool });

const Ilo = Type.Object({
  Attributes: Type.Object({
    1: Manager,
    AccountService,
    NetworkProtocol,
    SNMPAlertDestinations: Type.Optional(AlertDestination),
    SNMPUsers: Type.Optional(SnmpUser),
    SecurityService,
    SnmpService: Section(snmpService),
    UpdateService,
  }),
});

const IloSettings = Type.Object({
  1: Manager,
  AccountService,
  NetworkProtocol,
  SecurityService,
  UpdateService,
  SnmpService: Section({
    ...snmpService,
    SNMPAlertDestinations: Type.Optional(Type.Array(AlertDestination)),
    SNMPv3Users: Type.Optional(Type.Array(SnmpUser)),
  }),
});

const Consent = { allowSensitiveInfoUse: Type.Boolean(), sourceApplianceId: Type.String({ minLength: 1 }) };
const ApplianceAny = Type.Object({
  ...Consent,
  globalSettings: Section({ serverManagementProcessorNtpSource: Type.Optional(Enum(['APPLIANCE', 'EXTERNAL_NTP_SERVERS'])) }),
  notifications: Section({
    senderEmailAddress: Type.String(),
    smtpServer: Type.String(),
    smtpPort: Type.Integer({ minimum: 1, maximum: 65535 }),
    smtpProtocol: Enum(['PLAINTEXT', 'TLS', 'STARTTLS']),
    alertEmailFilters: Type.Optional(Type.Array(Type.Object({ filterName: Type.String() }))),
  }),
  proxy: Section({ port: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535 })) }),
  remoteSupport: Section({}),
  security: Section({}),
  snmp: Section({}),
  timeAndLocale: Section({ timeSource: Type.Optional(Enum(['MANUAL', 'SYNCHRONIZE_WITH_TIME_SERVER'])) }),
  updates: Section({
    state: Enum(['ENABLED', 'DISABLED']),
    scheduleInterval: Type.Optional(Enum(['WEEKLY', 'MANUAL'])),
    scheduleDay: Type.Optional(Enum(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'])),
    scheduleTimeUTC: Type.Optional(Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' })),
  }),
});
const ApplianceSynergy = Type.Object({
  ...Consent,
  globalSettings: Section({
    interconnectManagerNtpSource: Type.Optional(Enum(['APPLIANCE', 'EXTERNAL_NTP_SERVERS'])),
    reservedVlanRange: Section({ start: Type.Optional(Type.Integer({ minimum: 1, maximum: 4094 })), length: Int, vlanRange: Str() }),
  }),
});
const ServerTemplates = Type.Object({
  data: Type.Array(Type.Object({ applianceId: Type.String(), templates: Type.Optional(Type.Array(Type.Object({ uri: Type.String() }))) })),
});
const ApplianceSoftware = Type.Object({ applianceFirmwareId: Type.String({ minLength: 1 }) });

/** The schema of one payload of a category; STORAGE has two shapes and is resolved by its members. */
export function payloadSchema(category: SettingCategory, payload: Record<string, unknown>): TSchema {
  switch (category) {
    case 'BIOS':
      return Bios;
    case 'STORAGE':
      return 'volumes' in payload ? MultiVolumeStorage : SingleVolumeStorage;
    case 'OS':
      return Os;
    case 'EXTERNAL_STORAGE':
      return ExternalStorage;
    case 'FIRMWARE':
      return Firmware;
    case 'ILO':
      return Ilo;
    case 'ILO_SETTINGS':
      return IloSettings;
    case 'OVE_APPLIANCE_SETTINGS_ANY':
      return ApplianceAny;
    case 'OVE_APPLIANCE_SETTINGS_SYNERGY':
      return ApplianceSynergy;
    case 'OVE_SERVER_TEMPLATES_VM':
    case 'OVE_SERVER_TEMPLATES_SYNERGY':
      return ServerTemplates;
    case 'OVE_SOFTWARE_VM':
    case 'OVE_SOFTWARE_SYNERGY':
      return ApplianceSoftware;
  }
}
