// The read-only settings HPE provides in every workspace: the BIOS settings built on the ProLiant UEFI
// workload profiles, and the iLO security setting — once in the published `ILO` category (settings.md §4.7)
// and once as `ILO_SETTINGS`, where current clients look it up by its exact name.
import { createHash } from 'node:crypto';
import type { SettingCategory, SettingsDocument } from './model.ts';

export const ILO_SECURITY_NAME = 'iLO settings enabled for security';

/** One HPE-provided record; `key` keeps its id stable per workspace. */
export interface HpeDefinedSetting {
  key: string;
  name: string;
  description: string;
  category: SettingCategory;
  settings: SettingsDocument;
}

// Display name → the Redfish `WorkloadProfile` value iLO expects.
const WORKLOAD_PROFILES: readonly [string, string][] = [
  ['General Power Efficient Compute', 'GeneralPowerEfficientCompute'],
  ['General Peak Frequency Compute', 'GeneralPeakFrequencyCompute'],
  ['General Throughput Compute', 'GeneralThroughputCompute'],
  ['Virtualization - Power Efficient', 'Virtualization-PowerEfficient'],
  ['Virtualization - Max Performance', 'Virtualization-MaxPerformance'],
  ['Low Latency', 'LowLatency'],
  ['Mission Critical', 'MissionCritical'],
  ['Transactional Application Processing', 'TransactionalApplicationProcessing'],
  ['High Performance Compute (HPC)', 'HighPerformanceCompute'],
  ['Decision Support', 'DecisionSupport'],
  ['Graphic Processing', 'GraphicProcessing'],
  ['I/O Throughput', 'I/OThroughput'],
  ['Virtual Radio Access Network (vRAN)', 'vRAN'],
];

const port = (Port: number, ProtocolEnabled: boolean) => ({ Port, ProtocolEnabled });

/** HPE's recommended iLO hardening, on the sections of settings.md §4.7 (our reading of "enabled for security"). */
const ILO_SECURITY_SECTIONS = {
  1: {
    IdleConnectionTimeoutMinutes: 30,
    PhysicalMonitorHealthStatusEnabled: true,
    RIBCLEnabled: false,
    RemoteConsoleThumbnailEnabled: false,
    RequireHostAuthentication: true,
    RequiredLoginForiLORBSU: true,
    SerialCLISpeed: 9600,
    SerialCLIStatus: 'EnabledAuthReq',
    VSPLogDownloadEnabled: false,
    VideoPresenceDetectOverride: true,
    VirtualNICEnabled: false,
    WebGuiEnabled: true,
    iLOIPduringPOSTEnabled: false,
    iLORBSUEnabled: true,
  },
  AccountService: {
    AuthFailureDelayTimeSeconds: 10,
    AuthFailureLoggingThreshold: 3,
    AuthFailuresBeforeDelay: 1,
    EnforcePasswordComplexity: true,
    MinPasswordLength: 8,
  },
  NetworkProtocol: {
    HTTP: port(80, true),
    HTTPS: port(443, true),
    IPMI: port(623, false),
    KVMIP: port(17990, true),
    SNMP: port(161, true),
    SNMPTrapPort: 162,
    SSH: port(22, true),
    SerialOverLanLogging: false,
    VirtualMedia: port(17988, true),
    XMLResponseEnabled: false,
  },
  SecurityService: { ComponentIntegrityPolicy: 'NoPolicy', GlobalComponentIntegrity: 'Enabled' },
  SnmpService: {
    PeriodicHSATrapConfig: 'Disabled',
    ReadCommunities: [],
    SNMPColdStartTrapBroadcast: true,
    SNMPv1RequestsEnabled: false,
    SNMPv1TrapEnabled: false,
    SNMPv3InformRetryAttempt: 2,
    SNMPv3InformRetryIntervalSeconds: 15,
    SNMPv3RequestsEnabled: true,
    SNMPv3TrapEnabled: true,
    TrapSourceHostname: 'Manager',
  },
  UpdateService: { Accept3rdPartyFirmware: false },
};

const ILO_DESCRIPTION = 'HPE-recommended iLO security settings';

export const HPE_DEFINED_SETTINGS: readonly HpeDefinedSetting[] = [
  ...WORKLOAD_PROFILES.map(([name, profile]): HpeDefinedSetting => ({
    key: `bios:${profile}`,
    name,
    description: `HPE-defined BIOS setting applying the ${name} workload profile`,
    category: 'BIOS',
    settings: { DEFAULT: { enableCustomWorkloadProfile: false, redfishData: { Attributes: { WorkloadProfile: profile } } } },
  })),
  { key: 'ilo:security', name: ILO_SECURITY_NAME, description: ILO_DESCRIPTION, category: 'ILO', settings: { DEFAULT: { Attributes: ILO_SECURITY_SECTIONS } } },
  {
    key: 'ilo-settings:security',
    name: ILO_SECURITY_NAME,
    description: ILO_DESCRIPTION,
    category: 'ILO_SETTINGS',
    settings: {
      DEFAULT: { ...ILO_SECURITY_SECTIONS, SnmpService: { ...ILO_SECURITY_SECTIONS.SnmpService, SNMPAlertDestinations: [], SNMPv3Users: [] } },
    },
  },
];

/**
 * The id of an HPE-provided record in one workspace: a name-based (version 5 style) UUID, so seeding twice,
 * or from two processes at once, lands on the same row.
 */
export function hpeDefinedId(workspaceId: string, key: string): string {
  const h = createHash('sha1').update(`opencom:hpe-defined-setting:${workspaceId}:${key}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
