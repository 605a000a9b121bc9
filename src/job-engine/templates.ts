// The job-template catalogue (job-templates.md §2–3): HPE's durable template ids and exact names, the target
// each accepts and the schema of its jobParams. Static data: clients resolve ids by name, so names are exact.
import { Type, type TObject, type TSchema } from '@sinclair/typebox';
import type { JobResourceType } from './model.ts';

export interface JobTemplate {
  id: string;
  name: string;
  /** The Job Definitions title, used as the template description. */
  description: string;
  /** Targets the template accepts. */
  resourceTypes: readonly JobResourceType[];
  /** JSON Schema of jobParams (legacy `data`); unknown keys are allowed and ignored. */
  params: TObject;
  /** Documented as a creatable job (Job Definitions), rather than only visible in the template list. */
  public: boolean;
  /** When the catalogue row was created and last changed at HPE (fixed, so `generation` and dates are stable). */
  createdAt: string;
  updatedAt: string;
  generation: number;
}

const bool = (description: string, def: boolean): TSchema => Type.Boolean({ description, default: def });
const devices = Type.Array(Type.String({ minLength: 1 }), { description: 'Server ids of group members; all members when absent' });
const waitTimeout = Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(4), Type.Literal(8), Type.Literal(12), Type.Literal(24)], {
  description: 'Hours to wait for a power off or reboot done outside COM',
  default: 4,
});
const bundleId = Type.String({ minLength: 1, description: 'Firmware bundle id from GET /firmware-bundles' });
const targetApplianceIds = Type.Array(Type.String({ minLength: 1 }), { minItems: 1, description: 'OneView appliance ids' });

const firmwareCommon = {
  downgrade: Type.Optional(bool('Allow installing older versions than the installed ones', false)),
  prerequisite_check: Type.Optional(bool('Check prerequisites first and fail with recommendations when they are not met', true)),
  skip_blocklisted_components: Type.Optional(bool('Skip components on the blocklist', false)),
};

const NONE = Type.Object({});

interface Row {
  id: string;
  name: string;
  description: string;
  on: JobResourceType | readonly JobResourceType[];
  params?: TObject;
  public?: boolean;
}

const ROWS: readonly Row[] = [
  { id: 'd0c13b58-748c-461f-9a61-c0c5c71f1bb4', name: 'PowerOff.New', description: 'Server Power Off', on: 'server', params: Type.Object({ operationType: Type.Optional(Type.Union([Type.Literal('ForceOff'), Type.Literal('GracefulShutdown')], { default: 'ForceOff' })) }) },
  { id: '0cbb2377-1834-488d-840c-d5bf788c34fb', name: 'PowerOn.New', description: 'Server Power On', on: 'server' },
  { id: '30110551-cad6-4069-95b8-dbce9bbd8525', name: 'Restart.New', description: 'Server Restart', on: 'server' },
  { id: 'aacfb3e0-6575-4d4f-a711-1ee1ae768407', name: 'ColdBoot', description: 'Server Cold Boot', on: 'server' },
  {
    id: 'fd54a96c-cabc-42e3-aee3-374a2d009dba',
    name: 'FirmwareUpdate.New',
    description: 'Server Firmware Update',
    on: 'server',
    params: Type.Object({
      bundle_id: bundleId,
      ...firmwareCommon,
      install_sw_drivers: Type.Optional(bool('Install software and drivers too', false)),
      power_off: Type.Optional(bool('Power the server off after the update', false)),
      wait_for_power_off_or_reboot: Type.Optional(bool('Wait for a reboot or power off done outside COM to activate the update', false)),
      wait_for_power_off_or_reboot_timeout: Type.Optional(waitTimeout),
    }),
  },
  { id: '94caa4ef-9ff8-4805-9e97-18a09e673b66', name: 'IloOnlyFirmwareUpdate', description: 'Server iLO Firmware Update', on: 'server' },
  {
    id: '0683ada8-1a89-49dd-bf04-6df715b708a6',
    name: 'FirmwareDownload',
    description: 'Server Firmware Download',
    // The PowerShell module also resolves group downloads through this template (job-templates.md, open questions).
    on: ['server', 'group'],
    params: Type.Object({
      bundle_id: Type.Optional(bundleId),
      ...firmwareCommon,
      install_sw_drivers: Type.Optional(bool('Store software and drivers in the iLO repository too', false)),
      devices: Type.Optional(devices),
    }),
  },
  { id: '9310319e-7b7f-41ba-8b24-8b34eed1ca62', name: 'GetServerExternalStorage', description: 'Server External Storage Details', on: 'server' },
  { id: 'a46b210a-b0c7-4223-ab43-c4c1e77e680c', name: 'UidIndicatorOn', description: 'Server UID Indicator On', on: 'server' },
  { id: 'fd837434-a2f2-4bc8-b1b4-ec068bd036aa', name: 'UidIndicatorOff', description: 'Server UID Indicator Off', on: 'server' },
  { id: '4eb92af1-1ce4-4cb0-8581-fb5a7dcdbf2b', name: 'ServerMaintenanceModeEnable', description: 'Server Enable Maintenance Mode', on: 'server' },
  { id: '2798720f-b090-427d-b210-e48d33ce2f27', name: 'ServerMaintenanceModeDisable', description: 'Server Disable Maintenance Mode', on: 'server' },
  {
    id: 'd6595f1b-84e6-4587-ade5-656e2a5ea20d',
    name: 'GetFullServerInventory',
    description: 'Collect Server Inventory',
    on: 'server',
    params: Type.Object({
      filters: Type.Optional(Type.Array(Type.String(), { description: 'Inventory parts to collect; all when empty' })),
      is_reports_call: Type.Optional(bool('Make the data available to the SERVER_HARDWARE_INVENTORY report', false)),
    }),
  },
  { id: 'b21ca9e2-8a1b-11ee-b9d1-0242ac120002', name: 'ServerNetworkConnectivity', description: 'Collect Server Network Connectivity', on: 'server' },
  {
    id: 'e1d69e76-38cc-4079-9192-a380baea2973',
    name: 'iLOSecurity',
    description: 'Configure ignore iLO security risk settings',
    on: 'server',
    params: Type.Object({
      ignoreSecuritySettings: Type.Array(Type.Object({ name: Type.String({ minLength: 1 }), ignore: Type.Boolean(), id: Type.String({ minLength: 1 }) })),
    }),
  },
  { id: '2d744494-22d4-4d61-8c65-647ccadeb6b6', name: 'CollectServerLog', description: 'Collect Server log', on: 'server', params: Type.Object({ collect_ahs_log: Type.Optional(bool('Collect the Active Health System log too', false)) }) },
  {
    id: '91159b5e-9eeb-11ec-a9da-00155dc0a0c0',
    name: 'GroupFirmwareUpdate',
    description: 'Group Firmware Update',
    on: 'group',
    params: Type.Object({
      devices: Type.Optional(devices),
      parallel: Type.Optional(bool('Update the servers at the same time rather than one after another', false)),
      stopOnFailure: Type.Optional(bool('Serial only: skip the remaining servers after the first failure', false)),
      ...firmwareCommon,
      installSWDrivers: Type.Optional(bool('Install software and drivers too', false)),
      powerOff: Type.Optional(bool('Power the servers off after the update', false)),
      wait_for_power_off_or_reboot: Type.Optional(bool('Wait for a reboot or power off done outside COM to activate the update', false)),
      wait_for_power_off_or_reboot_timeout: Type.Optional(waitTimeout),
    }),
  },
  { id: '23b8ba2a-6c46-4223-b028-919382c7dcac', name: 'GroupFirmwareCompliance', description: 'Group Firmware Compliance', on: 'group', params: Type.Object({ devices: Type.Optional(devices) }) },
  {
    id: 'a17a7aa9-4540-4c21-bbf2-31af4ff65e98',
    name: 'GroupFirmwareDownload',
    description: 'Group Firmware Download',
    on: 'group',
    params: Type.Object({
      devices: Type.Optional(devices),
      ...firmwareCommon,
      installSWDrivers: Type.Optional(bool('Store software and drivers in the iLO repository too', false)),
      test_connection: Type.Optional(Type.Boolean()),
    }),
  },
  {
    id: '54095626-3911-4fea-9741-816e2531994e',
    name: 'GroupApplyInternalStorageSettings',
    description: 'Group Apply Internal Storage Settings',
    on: 'group',
    params: Type.Object({
      devices: Type.Optional(devices),
      initialize: Type.Boolean({ description: 'Erase the existing storage configuration first' }),
      volumes: Type.Array(Type.Object({ id: Type.String({ minLength: 1 }), name: Type.Optional(Type.String()) })),
    }),
  },
  {
    id: 'beff07ce-f36d-4699-9ac3-f872dcd63133',
    name: 'GroupApplyServerSettings',
    description: 'Group Apply Server Setting',
    on: 'group',
    params: Type.Object({
      redfish_subsystem: Type.Union([Type.Literal('BIOS'), Type.Literal('ILO_SETTINGS')]),
      devices: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })),
      batch_size: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 1 })),
      factory_reset: Type.Optional(Type.Boolean()),
    }),
  },
  { id: 'fcb79270-5954-42e9-9374-6a065b6d494a', name: 'GroupApplyExternalStorage', description: 'Group Apply External Storage Settings', on: 'group' },
  { id: '7177aa6a-e8f8-4e9b-ae31-e01dafcc81df', name: 'GroupExternalStorageCompliance', description: 'Group External Storage Compliance', on: 'group' },
  { id: 'a55c8b26-3c57-4044-a4ee-1d0e3c108286', name: 'GroupiLOSettingsCompliance', description: 'Group iLO Settings Compliance', on: 'group', params: Type.Object({ devices: Type.Optional(devices) }) },
  {
    id: 'e2952628-2629-4088-93db-91742304ef0c',
    name: 'GroupOSInstallation',
    description: 'Group Operating System Installation',
    on: 'group',
    params: Type.Object({
      devices: Type.Optional(devices),
      parallel: Type.Optional(bool('Install on the servers at the same time', true)),
      stopOnFailure: Type.Optional(bool('Serial only: skip the remaining servers after the first failure', false)),
      osCompletionTimeoutMin: Type.Optional(Type.Integer({ minimum: 60, maximum: 720, default: 240 })),
    }),
  },
  { id: 'f69f553a-5004-4a08-9283-5b60abd9eb4a', name: 'GroupApplianceUpdate', description: 'Group Appliance Update', on: 'group', params: Type.Object({ targetApplianceIds }) },
  { id: 'a229a162-b43f-45b0-b7bb-692df77b9746', name: 'GroupApplyOneviewSettings', description: 'Group Apply OneView appliance settings', on: 'group', params: Type.Object({ targetApplianceIds }) },
  { id: 'db3620d4-19a4-4b54-9804-83f8f59d48a4', name: 'GroupCopyServerProfileTemplates', description: 'Group Apply OneView Server Templates', on: 'group', params: Type.Object({ targetApplianceIds }) },
  {
    id: 'abfda355-6e58-4c00-be0a-af35dbd70398',
    name: 'OrchestratorAddUpdateServerTemplates',
    description: 'Settings Update OneView Server Template',
    on: 'setting',
    params: Type.Object({
      templatesData: Type.Array(Type.Object({ applianceId: Type.String({ minLength: 1 }), templates: Type.Array(Type.Object({ uri: Type.String({ minLength: 1 }) })) })),
    }),
  },
  { id: '1c4ac4be-8eeb-49f2-a86a-fd8c9182616c', name: 'ApplianceUpdate', description: 'Appliance Software Update', on: 'oneview-appliance', params: Type.Object({ applianceFirmwareId: Type.String({ minLength: 1 }) }) },
  { id: 'fc16aa48-c73c-4463-9112-e061383ebfa9', name: 'GetOneViewSettings', description: 'Refresh OneView appliance settings', on: 'oneview-appliance' },
  { id: '0fe73adb-9d52-4f00-9540-6ec82f265d82', name: 'VCenterFirmwareBundlesSync', description: 'vCenter Firmware Bundles Sync', on: 'external-service' },
  {
    id: '3f06fd6b-dfb1-4bad-bd04-939951797e97',
    name: 'DeleteVCenter',
    description: 'Delete vCenter',
    on: 'external-service',
    params: Type.Object({
      vCenterUrl: Type.String({ minLength: 1 }),
      associatedGatewayUri: Type.String({ minLength: 1 }),
      externalServiceId: Type.String({ format: 'uuid' }),
      vCenterUuid: Type.String({ format: 'uuid' }),
    }),
  },
  // Internal and legacy templates: visible in the list so lookups by name succeed (job-templates.md §2).
  { id: '5a657c6f-777d-4c7e-874a-1650b95b37f2', name: 'AnalyzeFirmwareUpdate', description: 'Analyze a server firmware update', on: 'server', public: false },
  { id: '87f47eff-7245-4788-bf58-5b6af361d1ba', name: 'AnalyzeFirmwareUpdateOrchestrator', description: 'Analyze a group firmware update', on: 'group', public: false },
  { id: '2d0f40f7-2a07-4c74-92e1-d1afaf49e632', name: 'ApplySettingsTemplate', description: 'Apply a settings template', on: 'server', public: false },
  { id: '497a5418-cbc2-4870-a1e7-1fc30c885f2f', name: 'CalculateiLOSettingsCompliance', description: 'Calculate iLO settings compliance of a server', on: 'server', public: false, params: Type.Object({ group_id: Type.Optional(Type.String()) }) },
  { id: 'aae145a1-79a2-4516-b191-c98039c96542', name: 'CreateOneviewComplianceReport', description: 'Create a OneView compliance report', on: 'oneview-appliance', public: false },
  { id: 'b0001d36-6490-48ac-93af-a87adfb997ed', name: 'DataRoundupReportOrchestrator', description: 'Carbon footprint report (removed; use POST /reports)', on: 'filter', public: false },
  { id: 'a0124cb1-00f1-46b7-818f-a9eb5f60591f', name: 'GetOneviewServerInventory', description: 'Collect OneView server inventory', on: 'oneview-appliance', public: false },
  { id: '50fa7d05-5941-4e8e-90c3-5995f1d600a8', name: 'GetPowerMeterData', description: 'Collect power meter data', on: 'server', public: false },
  { id: '2c7de503-77af-4340-b68d-7a26e5359b8e', name: 'GetSSOUrl', description: 'Get an iLO single sign-on URL', on: 'server', public: false },
  { id: '6cd671db-ce6b-45ce-894e-7b5ae23e0399', name: 'GetSettingsForTemplate', description: 'Read settings for a template', on: 'setting', public: false },
  {
    id: 'c708eb57-235d-4ea8-9e21-8ceea2438773',
    name: 'GroupApplyInternalStorageSettings',
    description: 'Group Apply Internal Storage Settings (earlier template id)',
    // On a group it is the job itself (clients list this id); on a server, the per-server child OpenCOM creates.
    on: ['group', 'server'],
    public: false,
    params: Type.Object({
      devices: Type.Optional(devices),
      initialize: Type.Boolean(),
      volumes: Type.Array(Type.Object({ id: Type.String({ minLength: 1 }), name: Type.Optional(Type.String()) })),
    }),
  },
  { id: '08be2b1b-a9b3-4abb-82a2-8048f35dbccb', name: 'GroupGetIloSecurityParams', description: 'Read iLO security parameters of a group', on: 'group', public: false },
  { id: '2dfe138a-21b7-4797-8c6b-4d8e7e5f847c', name: 'GroupServerInventoryReport', description: 'Group server inventory report', on: 'group', public: false },
  { id: 'cf4f929b-d44a-4a90-93a9-820955458fd4', name: 'SetIloSettings', description: 'Apply iLO settings to a server', on: 'server', public: false },
  { id: '2626e682-7bd4-40e3-b93a-745133deecd2', name: 'SppUpdate', description: 'Service Pack for ProLiant update (old)', on: 'server', public: false },
  { id: '7983f2de-1ea7-4399-91ec-62d3647409e0', name: 'GroupAddActions', description: 'Group add actions (old)', on: 'group', public: false },
  // OpenCOM's own: the per-server child of GroupOSInstallation. HPE publishes no template for it; only its
  // parent creates it (its executor refuses API creation).
  {
    id: 'c1e08e3e-f9f5-408e-9f16-62f75f2e82f9',
    name: 'ServerOSInstallation',
    description: 'Install an operating system on a server from its group OS setting',
    on: 'server',
    public: false,
    params: Type.Object({
      setting_id: Type.String({ minLength: 1, description: 'The OS setting whose image is installed' }),
      group_id: Type.String({ minLength: 1 }),
      os_completion_timeout_min: Type.Integer({ minimum: 60, maximum: 720 }),
    }),
  },
  // OpenCOM's own: POST /servers answers with a job (servers.md §4.4) but HPE publishes no template for it.
  // Created only by that POST (its executor refuses API creation); the server id is its target once known.
  {
    id: '1d1b5d7d-56ec-43eb-b229-3b22eb90f506',
    name: 'AddCredentialServer',
    description: 'Add a server reached with stored BMC credentials',
    on: 'server',
    public: false,
    params: Type.Object({ host: Type.String({ description: 'BMC host name or address' }), applianceId: Type.Optional(Type.String({ description: 'Secure Gateway appliance that reaches the BMC' })) }),
  },
];

/** When HPE published the catalogue; fixed so template rows never change between starts. */
const CATALOGUE_CREATED = '2022-03-08T17:21:05.442130Z';
const CATALOGUE_UPDATED = '2025-10-16T08:00:12.090112Z';

export const JOB_TEMPLATES: readonly JobTemplate[] = ROWS.map((r) => ({
  id: r.id,
  name: r.name,
  description: r.description,
  resourceTypes: typeof r.on === 'string' ? [r.on] : r.on,
  params: r.params ?? NONE,
  public: r.public ?? true,
  createdAt: CATALOGUE_CREATED,
  updatedAt: CATALOGUE_UPDATED,
  generation: 1,
}));

const BY_ID = new Map(JOB_TEMPLATES.map((t) => [t.id, t]));

export function templateById(id: string): JobTemplate | undefined {
  return BY_ID.get(id.toLowerCase());
}

export function templateByName(name: string): JobTemplate | undefined {
  return JOB_TEMPLATES.find((t) => t.name === name && t.public) ?? JOB_TEMPLATES.find((t) => t.name === name);
}

/** Well-known ids other modules refer to. */
export const TEMPLATE_IDS = {
  firmwareUpdate: 'fd54a96c-cabc-42e3-aee3-374a2d009dba',
  iloOnlyFirmwareUpdate: '94caa4ef-9ff8-4805-9e97-18a09e673b66',
  firmwareDownload: '0683ada8-1a89-49dd-bf04-6df715b708a6',
  groupFirmwareDownload: 'a17a7aa9-4540-4c21-bbf2-31af4ff65e98',
  setIloSettings: 'cf4f929b-d44a-4a90-93a9-820955458fd4',
  applySettingsTemplate: '2d0f40f7-2a07-4c74-92e1-d1afaf49e632',
  calculateIloSettingsCompliance: '497a5418-cbc2-4870-a1e7-1fc30c885f2f',
  groupFirmwareUpdate: '91159b5e-9eeb-11ec-a9da-00155dc0a0c0',
  groupFirmwareCompliance: '23b8ba2a-6c46-4223-b028-919382c7dcac',
  groupApplyServerSettings: 'beff07ce-f36d-4699-9ac3-f872dcd63133',
  groupIloSettingsCompliance: 'a55c8b26-3c57-4044-a4ee-1d0e3c108286',
  groupApplyInternalStorage: '54095626-3911-4fea-9741-816e2531994e',
  groupOsInstallation: 'e2952628-2629-4088-93db-91742304ef0c',
  powerOn: '0cbb2377-1834-488d-840c-d5bf788c34fb',
  powerOff: 'd0c13b58-748c-461f-9a61-c0c5c71f1bb4',
  addCredentialServer: '1d1b5d7d-56ec-43eb-b229-3b22eb90f506',
  serverOsInstallation: 'c1e08e3e-f9f5-408e-9f16-62f75f2e82f9',
} as const;
