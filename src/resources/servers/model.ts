// The hub model of a server: the richest shape COM publishes (v1), with no wire quirks. v1beta2 and the
// legacy v1beta1 are projections of it (servers.md §2.1: "keep one internal server model and project it").

export const HEALTH_STATES = ['UNKNOWN', 'OK', 'WARNING', 'CRITICAL', 'READY', 'NOT_PRESENT'] as const;
export type HealthState = (typeof HEALTH_STATES)[number];
export const REDUNDANCY_STATES = ['NON_REDUNDANT', 'REDUNDANT', 'FAILED_REDUNDANT', 'NOT_PRESENT', 'UNKNOWN'] as const;
export type RedundancyState = (typeof REDUNDANCY_STATES)[number];
export const POWER_STATES = ['UNKNOWN', 'ON', 'OFF', 'POWERING_ON', 'POWERING_OFF', 'RESET'] as const;
export type PowerState = (typeof POWER_STATES)[number];
export const INDICATOR_LED_STATES = ['UNKNOWN', 'LIT', 'BLINKING', 'OFF'] as const;
export type IndicatorLed = (typeof INDICATOR_LED_STATES)[number];
export const SERVER_GENERATIONS = ['GEN_8', 'GEN_9', 'GEN_10', 'GEN_11', 'GEN_12', 'UNKNOWN'] as const;
export type ServerGeneration = (typeof SERVER_GENERATIONS)[number];
export const PLATFORM_FAMILIES = ['PROLIANT', 'SDFLEX280', 'ALLETRA', 'EDGELINE', 'DMTF'] as const;
export type PlatformFamily = (typeof PLATFORM_FAMILIES)[number];
export const SUBSCRIPTION_STATES = ['REQUIRED', 'SUBSCRIBED', 'EXPIRED'] as const;
export type SubscriptionState = (typeof SUBSCRIPTION_STATES)[number];
/** Hub spelling of the tier; v1 publishes it upper-case, v1beta2 capitalised. */
export const SUBSCRIPTION_TIERS = ['STANDARD', 'ENHANCED', 'ADVANCED'] as const;
export type SubscriptionTier = (typeof SUBSCRIPTION_TIERS)[number];
export const CONNECTION_TYPES = ['DIRECT', 'ONEVIEW', 'GATEWAY', 'CREDENTIAL'] as const;
export type ConnectionType = (typeof CONNECTION_TYPES)[number];
export const DEVICE_CLAIM_TYPES = ['ZTP', 'MANUAL', 'MAGICLINK', 'UNKNOWN'] as const;
export type DeviceClaimType = (typeof DEVICE_CLAIM_TYPES)[number];
export const UPDATE_STATUSES = ['OK', 'FAILED', 'SKIPPED', 'NOT_UPDATED'] as const;
export type UpdateStatus = (typeof UPDATE_STATUSES)[number];

export interface ServerHealth {
  summary: HealthState;
  fans: HealthState;
  fanRedundancy: RedundancyState;
  liquidCooling: HealthState;
  liquidCoolingRedundancy: RedundancyState;
  memory: HealthState;
  network: HealthState;
  powerSupplies: HealthState;
  powerSupplyRedundancy: RedundancyState;
  processor: HealthState;
  storage: HealthState;
  temperature: HealthState;
  bios: HealthState;
  smartStorage: HealthState;
  healthLED: HealthState;
  airFilter: HealthState;
}

export interface BmcCredentials {
  host: string;
  username: string;
  password: string;
  certificateFingerprint: string;
}

export interface ServerHardware {
  serialNumber: string;
  model: string | null;
  uuid: string | null;
  productId: string;
  manufacturer: string;
  powerState: PowerState;
  indicatorLed: IndicatorLed;
  health: ServerHealth | null;
  platform: string | null;
  formFactor: string | null;
  memoryMb: number | null;
  bmc: {
    mac: string;
    ip: string;
    hostname: string;
    license: string | null;
    model: string | null;
    version: string | null;
    userDefined: BmcCredentials | null;
  } | null;
}

export interface ServerState {
  managed: boolean;
  connected: boolean;
  connectedModifiedAt: string | null;
  subscriptionState: SubscriptionState;
  subscriptionTier: SubscriptionTier | null;
  subscriptionExpiresAt: string | null;
  subscriptionKey: string | null;
}

export interface InventoryItem {
  name: string;
  version: string;
  deviceContext: string;
}

export interface LastFirmwareUpdate {
  status: UpdateStatus;
  attemptedAt: string;
  attemptedBaselineUri: string | null;
  installSwDrivers: boolean | null;
  downgrade: boolean | null;
  powerOff: boolean | null;
  completedAt: string | null;
  bundleUpdateMethod: 'Update' | 'Stage' | null;
  firmwareInventoryUpdates: { name: string; version: string; status: UpdateStatus }[];
}

export interface ServerHost {
  hostname: string | null;
  osName: string | null;
  osVersion: string | null;
  osDescription: string | null;
  osType: number | null;
}

export interface ServerOneView {
  applianceUri: string;
  maintenanceMode: boolean;
  name: string;
  state: string;
}

/** One server of a workspace. `id` is `<productId>+<serialNumber>`; `name` is the serial number. */
export interface Server {
  id: string;
  workspaceId: string;
  name: string;
  generation: number;
  createdAt: string;
  updatedAt: string;
  platformFamily: PlatformFamily | null;
  serverGeneration: ServerGeneration;
  maintenanceMode: boolean;
  hardware: ServerHardware;
  state: ServerState;
  firmwareInventory: InventoryItem[] | null;
  softwareInventory: InventoryItem[] | null;
  firmwareBundleUri: string | null;
  lastFirmwareUpdate: LastFirmwareUpdate | null;
  tags: Record<string, string> | null;
  processorVendor: string | null;
  biosFamily: string | null;
  host: ServerHost | null;
  autoIloFwUpdate: boolean;
  oneview: ServerOneView | null;
  lastFullInventoryCollectionAt: string | null;
  lastFullInventoryCollectionPowerState: string;
  deviceClaimType: DeviceClaimType | null;
  connectionType: ConnectionType | null;
  managedBy: string | null;
  lastServerLogCollectionAt: string | null;
  appliance: { applianceId: string | null; applianceUri: string | null } | null;
}

/** Redfish-shaped inventory by category (servers.md §5.6); `data` items are PascalCase Redfish records. */
export const INVENTORY_CATEGORIES = [
  'firmware',
  'software',
  'storage',
  'smartStorage',
  'device',
  'chassis',
  'memory',
  'networkAdapter',
  'processor',
  'powerSupply',
  'thermal',
] as const;
export type InventoryCategory = (typeof INVENTORY_CATEGORIES)[number];

export interface InventoryCategoryData {
  collectionState: string | null;
  modified: string | null;
  data: Record<string, unknown>[] | null;
}

export type ServerInventory = Record<InventoryCategory, InventoryCategoryData> & {
  smartUpdateToolInventory: { modified: string | null; data: Record<string, unknown>[] | null };
};

export interface SecurityParameter {
  id: string;
  name: string;
  description: string;
  recommendedAction: string;
  securityStatus: 'OK' | 'RISK' | 'IGNORE';
  state: 'DISABLED' | 'ENABLED' | 'FAILED' | 'INSUFFICIENT' | 'OFF' | 'OK' | 'REPAIRED' | 'TRUE' | 'FALSE';
  ignore: boolean;
}

export interface TorPortMapping {
  id: string;
  generation: number;
  createdAt: string;
  updatedAt: string;
  portMac: string;
  clientState: 'ONLINE' | 'OFFLINE' | 'UNKNOWN' | null;
  portLastConnectedAt: string;
  portConnectivityState: 'CURRENT' | 'CACHED' | 'UNDETERMINED' | 'NOMAPPING' | null;
  switchPortAdminState: 'UP' | 'DOWN' | 'UNKNOWN' | null;
  switchPortLinkStatus: 'UP' | 'DOWN' | 'UNKNOWN' | null;
  switchPort: string;
  switchPortSpeed: string;
  switchPortNativeVlan: string;
  switchPortVlans: string;
  switchName: string;
  switchModel: string;
  switchSerialNumber: string;
  switchSite: string;
  switchGroupName: string;
  switchFwVersion: string;
  switchIpAddress: string;
  switchStatus: 'UP' | 'DOWN' | 'UNKNOWN' | null;
}

/** Host operating systems Data Services Cloud Console knows (`externalStorageHostOS`, servers.md §5.5). */
export const EXTERNAL_STORAGE_HOST_OSES = [
  'UNKNOWN', 'AIX', 'APPLE', 'CITRIX_HYPERVISOR', 'HP_UX', 'IBM_VIO_SERVER', 'INFORM', 'NETAPP', 'OE_LINUX_UEK', 'OPENVMS',
  'ORACLE_VM', 'RHE_LINUX', 'RHE_VIRTUALIZATION', 'SOLARIS', 'SUSE_LINUX', 'SUSE_VIRTUALIZATION', 'UBUNTU', 'VMWARE_ESXI', 'WINDOWS_SERVER',
] as const;
export type ExternalStorageHostOs = (typeof EXTERNAL_STORAGE_HOST_OSES)[number];

/** The heavier per-server documents, kept out of the list table. */
export interface ServerDetails {
  inventory: ServerInventory;
  securityParameters: SecurityParameter[];
  torPortMappings: TorPortMapping[];
  /** Present once the "Server External Storage Details" job has run. */
  externalStorage: {
    createdAt: string;
    updatedAt: string;
    generation: number;
    hostName: string;
    hostOs: ExternalStorageHostOs;
    hostGroups: { id: string; name: string }[];
    volumeDetails: { lun: number; name: string }[];
  } | null;
  /** Whether the server has a logical volume an OS can be installed on (analyze-os-install). */
  hasStorageVolume: boolean;
}

/** Subscription gating (conventions §4): a server without a valid subscription hides these. */
export function isSubscribed(server: Pick<Server, 'state'>): boolean {
  return server.state.subscriptionState === 'SUBSCRIBED';
}

export function serverId(productId: string, serialNumber: string): string {
  return `${productId}+${serialNumber}`;
}

/**
 * Wire paths a server without a valid subscription omits entirely, in every version and on list, get and
 * patch (servers.md §0.8). `originIp` and `storageInventory` are in COM's list but in no published schema,
 * so they are never emitted at all; the list's `autoIloFwupdate` is the property `autoIloFwUpdate`.
 */
export const GATED_PATHS: readonly (readonly string[])[] = [
  ['hardware', 'health'],
  ['hardware', 'memoryMb'],
  ['hardware', 'formFactor'],
  ['hardware', 'bmc'],
  ['hardware', 'platform'],
  ['hardware', 'powerState'],
  ['hardware', 'indicatorLed'],
  ['firmwareInventory'],
  ['softwareInventory'],
  ['lastFirmwareUpdate'],
  ['host'],
  ['firmwareBundleUri'],
  ['tags'],
  ['biosFamily'],
  ['processorVendor'],
  ['autoIloFwUpdate'],
  ['serverGeneration'],
  ['connectionType'],
  ['oneview'],
];

/** Connection types whose servers were added with stored BMC credentials (servers.md §4.4, §4.5). */
export const CREDENTIAL_CONNECTIONS: readonly ConnectionType[] = ['CREDENTIAL', 'GATEWAY'];

/**
 * What a merge-patch asks of a server, whatever version it came through (serverUpdateRequest, servers.md §4.1).
 * Absent members are untouched; `null` clears.
 */
export interface ServerPatch {
  autoIloFwUpdate?: boolean;
  applianceId?: string | null;
  /** `null` removes the stored credentials; an object merges into them. */
  credentials?: Partial<BmcCredentials> | null;
  /** Body members as the client wrote them (dotted), for issue subjects. */
  members: string[];
}

/** The appliance URI COM publishes for a Secure Gateway (servers.md §2, `appliance.applianceUri`). */
export function gatewayUri(applianceId: string): string {
  return `/compute-ops-mgmt/v1beta1/appliances/gateway+${applianceId}`;
}
