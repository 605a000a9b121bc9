// The device seam: what OpenCOM asks of a managed server's BMC. The virtual fleet's simulator is the first
// implementation; a Redfish driver for real iLOs is the next. Job steps call drivers; HTTP handlers never do.
// Expected outcomes (unreachable BMC, refused update, unknown task) are values, not exceptions.

/** Which device a call is about: the workspace and COM server id, plus how to reach its BMC. */
export interface DeviceRef {
  workspaceId: string;
  serverId: string;
  /** BMC address and credentials; the simulator ignores them. */
  bmc?: { host: string; username?: string; password?: string; certificateFingerprint?: string };
}

/** Redfish ComputerSystem.Reset types (DMTF ResetType). */
export type PowerAction = 'On' | 'ForceOff' | 'GracefulShutdown' | 'ForceRestart' | 'GracefulRestart' | 'PowerCycle' | 'Nmi';
export type IndicatorLedState = 'Lit' | 'Blinking' | 'Off';

export type Outcome<T> =
  | { ok: true; value: T }
  | { ok: false; reason: 'UNREACHABLE' | 'AUTH_FAILED' | 'NOT_FOUND' | 'REFUSED' | 'BUSY' | 'TIMEOUT'; message: string };

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const refused = <T>(reason: Exclude<Outcome<T>, { ok: true }>['reason'], message: string): Outcome<T> => ({ ok: false, reason, message });

export interface DeviceStatus {
  powerState: 'ON' | 'OFF' | 'POWERING_ON' | 'POWERING_OFF' | 'RESET' | 'UNKNOWN';
  indicatorLed: 'LIT' | 'BLINKING' | 'OFF' | 'UNKNOWN';
  /** Overall health and the subsystem that drives it. */
  health: 'OK' | 'WARNING' | 'CRITICAL' | 'UNKNOWN';
  connected: boolean;
}

export interface FirmwareComponent {
  name: string;
  version: string;
  deviceContext: string;
}

/** A firmware update as a BMC task (Redfish UpdateService.SimpleUpdate → Task). */
export interface FirmwareUpdateRequest {
  components: readonly { name: string; version: string }[];
  downgrade: boolean;
  installSwDrivers: boolean;
  powerOff: boolean;
}

/** Components to store in the BMC's firmware repository without installing them (HPE's "stage" update method). */
export interface FirmwareStageRequest {
  components: readonly { name: string; version: string }[];
  installSwDrivers: boolean;
}

/** A Redfish Bios attribute value. */
export type BiosValue = string | number | boolean;

/** The Redfish Bios resource (attributes in effect) and its Settings object (what the next boot applies). */
export interface BiosSettings {
  attributes: Record<string, BiosValue>;
  pending: Record<string, BiosValue>;
  /** Bios.ResetBios was requested: the next boot restores the defaults before applying `pending`. */
  resetPending: boolean;
}

export interface TaskStatus {
  taskId: string;
  state: 'New' | 'Running' | 'Completed' | 'Exception' | 'Cancelled';
  percentComplete: number;
  messages: string[];
  /** Per component result once finished. */
  results?: { name: string; version: string; status: 'OK' | 'FAILED' | 'SKIPPED' | 'NOT_UPDATED' }[];
}

/** Redfish Volume.RAIDType values a storage controller builds. */
export type RaidType = 'RAID0' | 'RAID1' | 'RAID1Triple' | 'RAID10' | 'RAID10Triple' | 'RAID5' | 'RAID50' | 'RAID6' | 'RAID60';

/** A physical drive behind a storage controller (Redfish Drive: MediaType, Protocol, CapacityBytes). */
export interface StorageDrive {
  id: string;
  name: string;
  mediaType: 'HDD' | 'SSD';
  protocol: 'SAS' | 'SATA' | 'NVMe';
  capacityBytes: number;
}

/** A logical volume (Redfish Volume); `Initializing` while the controller builds it (Volume.Operations). */
export interface StorageVolume {
  id: string;
  name: string;
  raidType: RaidType;
  capacityBytes: number;
  /** Drive ids (Links.Drives) and dedicated spares (Links.DedicatedSpareDrives). */
  drives: string[];
  spareDrives: string[];
  state: 'Enabled' | 'Initializing';
  percentComplete: number;
}

/** A storage controller with its drives and volumes (Redfish Storage/{id}, its StorageControllers, Drives, Volumes). */
export interface StorageController {
  id: string;
  name: string;
  model: string;
  supportedRaidTypes: RaidType[];
  drives: StorageDrive[];
  volumes: StorageVolume[];
}

/** What a Volume POST to Storage/{id}/Volumes carries. */
export interface VolumeRequest {
  name: string;
  raidType: RaidType;
  /** null: all the capacity the drives give. */
  capacityBytes: number | null;
  drives: string[];
  spareDrives: string[];
  readCachePolicy?: 'ReadAhead' | 'AdaptiveReadAhead' | 'Off';
  writeCachePolicy?: 'ProtectedWriteBack' | 'UnprotectedWriteBack' | 'WriteThrough' | 'Off';
  ioPerfModeEnabled?: boolean;
}

/** Something that happened on a device on its own (Redfish events / polling differences). */
export type DeviceEvent =
  | { kind: 'power'; device: DeviceRef; powerState: DeviceStatus['powerState']; outOfBand: boolean; at: string }
  | { kind: 'health'; device: DeviceRef; subsystem: string; health: DeviceStatus['health']; at: string }
  | { kind: 'alert'; device: DeviceRef; messageId: string; originOfCondition: string; cleared: boolean; at: string }
  | { kind: 'connection'; device: DeviceRef; connected: boolean; at: string }
  | {
      kind: 'telemetry';
      device: DeviceRef;
      at: string;
      powerWatts: number;
      /** Percentages; null when the device does not report utilization (e.g. powered off). */
      cpuUtilization: number | null;
      memoryBusUtilization: number | null;
      ioBusUtilization: number | null;
      cpuInterconnectUtilization: number | null;
    };

/** What the port's link partner announces over LLDP (Redfish Port.Ethernet.LLDPReceive). */
export interface LldpNeighbor {
  chassisId: string;
  /** The switch's name (SystemName). */
  systemName: string;
  /** The switch port the server port is cabled to (PortId), e.g. `1/1/17`. */
  portId: string;
  /** Model and firmware as the switch describes itself (SystemDescription). */
  systemDescription: string;
  managementAddressIPv4: string | null;
}

/** A network adapter port (Chassis/…/NetworkAdapters/{id}/Ports/{id}) with the MAC the host uses on it. */
export interface NetworkPort {
  adapterId: string;
  adapterName: string;
  portId: string;
  macAddress: string;
  /** Redfish Port.LinkStatus. */
  linkStatus: 'LinkUp' | 'LinkDown' | 'NoLink';
  /** Null while the link is down. */
  currentSpeedGbps: number | null;
  /** Null when nothing was received (link down, or the switch does not send LLDP). */
  lldpNeighbor: LldpNeighbor | null;
}

/** The BMC's logs: the iLO Event Log (Managers/1/LogServices/IEL) and the Integrated Management Log (Systems/1/LogServices/IML). */
export type LogService = 'IEL' | 'IML';

/** A Redfish LogEntry, oldest first in a log. */
export interface LogEntry {
  id: string;
  created: string;
  severity: 'OK' | 'Warning' | 'Critical';
  message: string;
}

/** An Active Health System log the BMC exported as a file (HPE's .ahs download). */
export interface AhsLogFile {
  fileName: string;
  sizeBytes: number;
  /** The period the file covers. */
  from: string;
  to: string;
}

/** One parameter of the iLO security dashboard (Managers/1/SecurityService/SecurityDashboard/SecurityParams/{Id}, HpeiLOSecurityParam). */
export interface SecurityParam {
  id: string;
  name: string;
  /** Whether the parameter's state is a risk; `Ignore` does not change it, only whether it counts. */
  securityStatus: 'Ok' | 'Risk';
  state: 'On' | 'Off' | 'Enabled' | 'Disabled' | 'Failed' | 'Ok' | 'Insufficient' | 'Repaired' | 'True' | 'False';
  ignore: boolean;
  /** Empty when the iLO gives none (iLO 5 explains a parameter and what to do only while it is at risk). */
  description: string;
  recommendedAction: string;
}

/** The iLO security dashboard (HpeiLOSecurityDashboard): `Ignored` when every parameter at risk is ignored. */
export interface SecurityDashboard {
  overallSecurityStatus: 'Ok' | 'Risk' | 'Ignored';
  params: SecurityParam[];
}

/**
 * What a server sees of its SAN: the host as its operating system names itself (Systems/1 Oem.Hpe.HostOS), the
 * Fibre Channel initiators of its HBAs, and the array volumes presented to them with the array's host group.
 */
export interface ExternalStorageConnections {
  hostName: string;
  /** As the host OS reports it, e.g. `VMware ESXi`. */
  osName: string;
  initiators: { adapter: string; wwpn: string }[];
  volumes: { lun: number; name: string; array: string; hostGroup: { id: string; name: string } }[];
}

/** The iLO's virtual media devices: Managers/1/VirtualMedia/2 (CD/DVD) and Managers/1/VirtualMedia/1 (floppy / USB stick). */
export type VirtualMediaSlot = 'CD' | 'USBStick';

/** One virtual media device (Redfish VirtualMedia: Image, Inserted). */
export interface VirtualMediaState {
  slot: VirtualMediaSlot;
  /** The URL the BMC serves the media from; null when nothing is inserted. */
  image: string | null;
  inserted: boolean;
}

/** Systems/1 Boot override (BootSourceOverrideTarget, BootSourceOverrideEnabled); a `Once` override is consumed by the next boot. */
export interface BootOverride {
  target: 'None' | 'Cd' | 'Usb' | 'Hdd' | 'Pxe';
  enabled: 'Disabled' | 'Once' | 'Continuous';
}

/** The host operating system as its management agent reports it to the BMC (iLO: Systems/1 HostName and the AMS host OS facts). */
export interface HostOs {
  hostname: string | null;
  osName: string | null;
  osVersion: string | null;
  osDescription: string | null;
  /** AMS OS type number (16 RHEL, 17 SLES, 33 ESXi, 35 Windows Server, 36 Ubuntu). */
  osType: number | null;
}

/** What the host is doing, as far as the BMC can tell. */
export interface HostState {
  /**
   * `Installing`: booted from virtual media, an installer runs; `InstallFailed`: the installer stopped with an
   * error; `NoBootableDevice`: POST found nothing to boot; `OSRunning`: the installed OS runs and reports itself.
   */
  activity: 'Off' | 'POST' | 'Installing' | 'InstallFailed' | 'NoBootableDevice' | 'OSRunning';
  /** The installer's or POST's last message, when there is one. */
  message: string | null;
  bootOverride: BootOverride;
  /** Reported by the running OS only; null otherwise. */
  os: HostOs | null;
}

export interface DeviceDriver {
  readonly kind: 'simulator' | 'redfish';
  readStatus(device: DeviceRef): Promise<Outcome<DeviceStatus>>;
  readFirmwareInventory(device: DeviceRef): Promise<Outcome<FirmwareComponent[]>>;
  power(device: DeviceRef, action: PowerAction): Promise<Outcome<void>>;
  setIndicatorLed(device: DeviceRef, state: IndicatorLedState): Promise<Outcome<void>>;
  /** Starts a firmware update; progress is read with `readTask`. */
  startFirmwareUpdate(device: DeviceRef, request: FirmwareUpdateRequest): Promise<Outcome<{ taskId: string }>>;
  /** Stores components in the BMC's repository without installing them; progress is read with `readTask`. */
  stageFirmware(device: DeviceRef, request: FirmwareStageRequest): Promise<Outcome<{ taskId: string }>>;
  readTask(device: DeviceRef, taskId: string): Promise<Outcome<TaskStatus>>;
  /**
   * iLO settings by Redfish resource, the sections of an ILO_SETTINGS setting (`1` = Managers/1, `AccountService`,
   * `NetworkProtocol`, `SecurityService`, `SnmpService`, `UpdateService`); write-only values (passphrases) read as null.
   */
  readIloSettings(device: DeviceRef): Promise<Outcome<Record<string, unknown>>>;
  /** PATCHes each given section; members not given keep their values. */
  applyIloSettings(device: DeviceRef, settings: Record<string, unknown>): Promise<Outcome<void>>;
  readBiosSettings(device: DeviceRef): Promise<Outcome<BiosSettings>>;
  /** Adds attributes to the pending BIOS settings; they take effect when the server next boots. */
  applyBiosSettings(device: DeviceRef, attributes: Record<string, BiosValue>): Promise<Outcome<void>>;
  /** Bios.ResetBios: drops pending attributes; the next boot restores the BIOS defaults (then applies what is pending by then). */
  resetBios(device: DeviceRef): Promise<Outcome<void>>;
  /** Every network adapter port with its link and LLDP neighbor (NetworkAdapters/Ports + EthernetInterfaces). */
  readNetworkPorts(device: DeviceRef): Promise<Outcome<NetworkPort[]>>;
  /** The entries of one BMC log, oldest first. */
  readLogEntries(device: DeviceRef, log: LogService): Promise<Outcome<LogEntry[]>>;
  /** Exports the Active Health System log of the last `days` days as a file. */
  exportAhsLog(device: DeviceRef, days: number): Promise<Outcome<AhsLogFile>>;
  /** The server's storage controllers with their drives and volumes. */
  readStorage(device: DeviceRef): Promise<Outcome<StorageController[]>>;
  /**
   * POSTs a Volume; the controller then initializes it for a while (its progress shows in `readStorage`).
   * REFUSED when the controller cannot build it (drives in use, too few for the RAID type, capacity too large).
   */
  createVolume(device: DeviceRef, controllerId: string, request: VolumeRequest): Promise<Outcome<{ volumeId: string }>>;
  /** DELETEs a volume; its drives become free at once. */
  deleteVolume(device: DeviceRef, controllerId: string, volumeId: string): Promise<Outcome<void>>;
  /** The iLO security dashboard; each parameter's status follows the setting it watches. */
  readSecurityDashboard(device: DeviceRef): Promise<Outcome<SecurityDashboard>>;
  /** PATCHes one dashboard parameter's `Ignore`; NOT_FOUND when the iLO has no parameter with that id. */
  setSecurityParamIgnore(device: DeviceRef, paramId: string, ignore: boolean): Promise<Outcome<void>>;
  /** The server's SAN connections; null when no external volume is presented to it. */
  readExternalStorage(device: DeviceRef): Promise<Outcome<ExternalStorageConnections | null>>;
  /** The virtual media devices and what each holds. */
  readVirtualMedia(device: DeviceRef): Promise<Outcome<VirtualMediaState[]>>;
  /**
   * VirtualMedia.InsertMedia with an image URL (http or https). REFUSED when the BMC cannot reach the image, or
   * the slot holds another image (eject it first); inserting the image already there succeeds.
   */
  insertVirtualMedia(device: DeviceRef, slot: VirtualMediaSlot, imageUrl: string): Promise<Outcome<void>>;
  /** VirtualMedia.EjectMedia; ejecting an empty slot succeeds. */
  ejectVirtualMedia(device: DeviceRef, slot: VirtualMediaSlot): Promise<Outcome<void>>;
  /** PATCHes Systems/1 Boot; takes effect at the next boot. */
  setBootOverride(device: DeviceRef, override: BootOverride): Promise<Outcome<void>>;
  /** What the host runs: POST, an installer booted from virtual media, or its OS (with the OS's own report). */
  readHost(device: DeviceRef): Promise<Outcome<HostState>>;
  /** Events the device raises by itself; returns an unsubscribe function. */
  onEvent(listener: (event: DeviceEvent) => void): () => void;
}
