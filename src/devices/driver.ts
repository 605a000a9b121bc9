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
  /** Events the device raises by itself; returns an unsubscribe function. */
  onEvent(listener: (event: DeviceEvent) => void): () => void;
}
