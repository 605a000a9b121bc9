// The virtual fleet's DeviceDriver: devices live in memory, seeded from what the store knows about each
// server, and behave like iLOs — power transitions take time, firmware updates are tasks that progress
// with the clock, BIOS changes wait for the next boot, and faults can be switched on per device for tests.
import { randomUUID } from 'node:crypto';
// The simulator orders versions exactly as the firmware catalogue does, so what OpenCOM plans is what it applies.
import { compareFirmwareVersions } from '../../resources/firmware-bundles/versions.ts';
import type { Clock } from '../clock.ts';
import {
  ok,
  refused,
  type BiosSettings,
  type BiosValue,
  type DeviceDriver,
  type DeviceEvent,
  type DeviceRef,
  type DeviceStatus,
  type FirmwareComponent,
  type FirmwareStageRequest,
  type FirmwareUpdateRequest,
  type IndicatorLedState,
  type Outcome,
  type PowerAction,
  type TaskStatus,
  type AhsLogFile,
  type LogEntry,
  type LogService,
  type NetworkPort,
} from '../driver.ts';
import { ahsFile, appendLog, healthMessage, healthSeverity, powerMessage, seedLogs, type SimLogs } from './simulated-logs.ts';
import type { StorageController, VolumeRequest } from '../driver.ts';
import { controllersFrom, createVolume, deleteVolume, storageView, type SimController, type StorageSeed } from './storage.ts';
import { portsFromSeed, portView, type SeedNetworkAdapter, type SimPort } from './simulated-network.ts';
import type { BootOverride, HostOs, HostState, VirtualMediaSlot, VirtualMediaState } from '../driver.ts';
import { bootHost, ejectMedia, hostFromSeed, insertMedia, readHostState, readMedia, setOverride, type SimHostBoot } from './simulated-host.ts';
import type { ExternalStorageConnections, SecurityDashboard } from '../driver.ts';
import { defaultExternalStorage } from './simulated-external-storage.ts';
import { isSecurityParamId, securityDashboard, securityParamId } from './simulated-security.ts';

/** What a simulated device starts from. */
export interface DeviceSeed {
  status: DeviceStatus;
  firmware: FirmwareComponent[];
  iloSettings?: Record<string, unknown>;
  /** Storage controllers as the server's storage inventory lists them. */
  storage?: StorageSeed[];
  /** Network adapters and what their ports are cabled to; none when the inventory lists no NIC. */
  network?: SeedNetworkAdapter[];
  /** Names the exported AHS file; taken from the server id (productId+serialNumber) when absent. */
  serialNumber?: string;
  /** The host OS as the store knows it (the server's `host`): the SAN host is named after it, and an OS installation replaces it. */
  host?: HostOs;
  /** Security dashboard parameters (by name) the user chose to ignore; the iLO keeps that choice across restarts. */
  ignoredSecurityParams?: string[];
}

/** Faults a test can switch on for one device. */
export type Fault = 'unreachable' | 'auth-failure' | 'firmware-failure' | 'slow';

interface SimTask {
  id: string;
  /** An update installs the components; staging only stores them in the iLO repository. */
  kind: 'update' | 'stage';
  startedAt: number;
  durationMs: number;
  request: FirmwareUpdateRequest;
  fails: boolean;
  applied: boolean;
  before: FirmwareComponent[];
}

interface SimDevice {
  status: DeviceStatus;
  /** A power change under way: where it ends and when (clock time). Settled on read as well as by timer. */
  transition?: { target: DeviceStatus['powerState']; dueAt: number; boots: boolean };
  firmware: FirmwareComponent[];
  iloSettings: Record<string, unknown>;
  bios: BiosSettings;
  tasks: Map<string, SimTask>;
  faults: Set<Fault>;
  /** Virtual media, boot override, the OS on disk and a running installer. */
  hostBoot: SimHostBoot;
  storage: SimController[];
  ports: SimPort[];
  logs: SimLogs;
  serialNumber: string;
  /** Ids of the security dashboard parameters marked Ignore. */
  ignoredSecurityParams: Set<string>;
  externalStorage: ExternalStorageConnections | null;
}

/** Simulated minutes per firmware component, and for the reboot that applies them; staging only downloads. */
const COMPONENT_MS = 3 * 60_000;
const STAGE_COMPONENT_MS = 90_000;
const REBOOT_MS = 5 * 60_000;
const POWER_TRANSITION_MS = 30_000;

const port = (Port: number, ProtocolEnabled: boolean) => ({ Port, ProtocolEnabled });

/** An iLO 6 as it leaves the factory, by Redfish resource (the sections of an ILO_SETTINGS setting). */
const DEFAULT_ILO_SETTINGS: Record<string, Record<string, unknown>> = {
  1: {
    IdleConnectionTimeoutMinutes: 30,
    PhysicalMonitorHealthStatusEnabled: true,
    RIBCLEnabled: true,
    RemoteConsoleThumbnailEnabled: true,
    RequireHostAuthentication: false,
    RequiredLoginForiLORBSU: false,
    SerialCLISpeed: 9600,
    SerialCLIStatus: 'EnabledAuthReq',
    VSPLogDownloadEnabled: false,
    VideoPresenceDetectOverride: true,
    VirtualNICEnabled: false,
    WebGuiEnabled: true,
    iLOIPduringPOSTEnabled: true,
    iLORBSUEnabled: true,
  },
  AccountService: { AuthFailureDelayTimeSeconds: 10, AuthFailureLoggingThreshold: 3, AuthFailuresBeforeDelay: 1, EnforcePasswordComplexity: false, MinPasswordLength: 8 },
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
    XMLResponseEnabled: true,
  },
  SecurityService: { ComponentIntegrityPolicy: 'NoPolicy', GlobalComponentIntegrity: 'Disabled' },
  SnmpService: {
    PeriodicHSATrapConfig: 'Disabled',
    ReadCommunities: [],
    SNMPColdStartTrapBroadcast: true,
    SNMPv1RequestsEnabled: true,
    SNMPv1TrapEnabled: true,
    SNMPv3InformRetryAttempt: 2,
    SNMPv3InformRetryIntervalSeconds: 15,
    SNMPv3RequestsEnabled: true,
    SNMPv3TrapEnabled: true,
    TrapSourceHostname: 'Manager',
    SNMPAlertDestinations: [],
    SNMPv3Users: [],
  },
  UpdateService: { Accept3rdPartyFirmware: false },
};

/** Passphrases can be written but never read back (Redfish reports them as null). */
const WRITE_ONLY = /Passphrase$|Password$/;

function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, WRITE_ONLY.test(k) ? null : withoutSecrets(v)]));
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A section PATCH: members given replace theirs, the others stay. */
function mergeSections(into: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out = structuredClone(into);
  for (const [section, value] of Object.entries(patch)) {
    const before = out[section];
    out[section] = isObject(before) && isObject(value) ? { ...before, ...structuredClone(value) } : structuredClone(value);
  }
  return out;
}

/** BIOS defaults of a ProLiant (what Bios.ResetBios restores). */
const DEFAULT_BIOS: Readonly<Record<string, BiosValue>> = {
  WorkloadProfile: 'GeneralPowerEfficientCompute',
  BootMode: 'Uefi',
  ProcHyperthreading: 'Enabled',
  ProcVirtualization: 'Enabled',
  IntelProcVtd: 'Enabled',
  Sriov: 'Enabled',
  ProcTurbo: 'Enabled',
  PowerRegulator: 'DynamicPowerSavings',
  MinProcIdlePower: 'C6',
  EnergyPerfBias: 'BalancedPerf',
  EmbeddedSerialPort: 'Com2Irq3',
  ServerAssetTag: '',
  AdminName: '',
  AdminEmail: '',
};

/**
 * How an iLO orders firmware versions: HPE's many spellings (`U46 v2.80 (01/19/2024)`, `0x2C`, `22.41.1000`)
 * are ordered as the catalogue orders them; versions that cannot be ordered are simply different.
 */
function compareVersions(a: string, b: string): number | null {
  return a === b ? 0 : compareFirmwareVersions(a, b);
}

const SETTLED_POWER: Partial<Record<DeviceStatus['powerState'], DeviceStatus['powerState']>> = { POWERING_ON: 'ON', POWERING_OFF: 'OFF', RESET: 'ON' };

export class SimulatorDriver implements DeviceDriver {
  readonly kind = 'simulator' as const;
  private readonly devices = new Map<string, SimDevice>();
  private readonly listeners = new Set<(event: DeviceEvent) => void>();

  constructor(
    private readonly clock: Clock,
    private readonly seedOf: (device: DeviceRef) => Promise<DeviceSeed | undefined>,
  ) {}

  private key(ref: DeviceRef): string {
    return `${ref.workspaceId}\u0000${ref.serverId}`;
  }

  private async device(ref: DeviceRef): Promise<Outcome<SimDevice>> {
    let d = this.devices.get(this.key(ref));
    if (!d) {
      const seed = await this.seedOf(ref);
      if (!seed) return refused('NOT_FOUND', `no device ${ref.serverId}`);
      // A power change the store saw start has long finished on the real machine by the time a device is
      // (re)created, e.g. after OpenCOM restarted: the BMC reports where it ended.
      const powerState = SETTLED_POWER[seed.status.powerState] ?? seed.status.powerState;
      d = {
        status: { ...seed.status, powerState },
        firmware: seed.firmware.map((f) => ({ ...f })),
        iloSettings: mergeSections(DEFAULT_ILO_SETTINGS, seed.iloSettings ?? {}),
        bios: { attributes: { ...DEFAULT_BIOS }, pending: {}, resetPending: false },
        tasks: new Map(),
        faults: new Set(),
        hostBoot: hostFromSeed(ref.serverId, seed.host),
        storage: controllersFrom(seed.storage ?? []),
        ports: portsFromSeed(seed.network ?? []),
        logs: seedLogs(this.clock.now(), { ...seed.status, powerState }, seed.firmware),
        serialNumber: seed.serialNumber ?? ref.serverId.split('+').at(-1) ?? ref.serverId,
        ignoredSecurityParams: new Set((seed.ignoredSecurityParams ?? []).flatMap((name) => securityParamId(name) ?? [])),
        externalStorage: defaultExternalStorage(ref.serverId, seed.host),
      };
      this.devices.set(this.key(ref), d);
    }
    // A power change whose time has come is done, whatever is asked next (the timer may not have fired yet).
    if (d.transition && this.clock.now() >= d.transition.dueAt) this.settlePower(d);
    if (d.faults.has('unreachable') || !d.status.connected) return refused('UNREACHABLE', `BMC of ${ref.serverId} does not answer`);
    if (d.faults.has('auth-failure')) return refused('AUTH_FAILED', `BMC of ${ref.serverId} refused the credentials`);
    return ok(d);
  }

  /** Switches a fault on or off (tests and the fleet's life use this). */
  async setFault(ref: DeviceRef, fault: Fault, on: boolean): Promise<void> {
    await this.device(ref);
    const d = this.devices.get(this.key(ref));
    if (!d) return;
    if (on) d.faults.add(fault);
    else d.faults.delete(fault);
  }

  /** Changes a device behind OpenCOM's back (the living fleet): health, connection or out-of-band power. */
  async mutate(ref: DeviceRef, change: Partial<DeviceStatus>): Promise<DeviceStatus | undefined> {
    await this.device(ref);
    const d = this.devices.get(this.key(ref));
    if (!d) return undefined;
    if (change.powerState) d.transition = undefined; // an out-of-band change overrides one under way
    const boots = change.powerState === 'ON' && d.status.powerState !== 'ON';
    if (change.powerState && change.powerState !== d.status.powerState && (change.powerState === 'ON' || change.powerState === 'OFF')) {
      appendLog(d.logs, 'IEL', this.clock.now(), 'OK', powerMessage(change.powerState, false));
    }
    if (change.health && change.health !== d.status.health && (change.health === 'WARNING' || change.health === 'CRITICAL')) {
      appendLog(d.logs, 'IML', this.clock.now(), healthSeverity(change.health), healthMessage(change.health));
    }
    d.status = { ...d.status, ...change };
    if (boots) this.boot(d, this.clock.now());
    return { ...d.status };
  }

  /** Forgets a device, e.g. when its server is deleted. */
  forget(ref: DeviceRef): void {
    this.devices.delete(this.key(ref));
  }

  emit(event: DeviceEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  onEvent(listener: (event: DeviceEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async readStatus(ref: DeviceRef): Promise<Outcome<DeviceStatus>> {
    const d = await this.device(ref);
    return d.ok ? ok({ ...d.value.status }) : d;
  }

  private settlePower(d: SimDevice): void {
    if (!d.transition) return;
    const { target, boots, dueAt } = d.transition;
    d.status.powerState = target;
    d.transition = undefined;
    // Settled late (on a read), the server still booted when the transition ended, not when it was read.
    if (boots) this.boot(d, Math.min(dueAt, this.clock.now()));
  }

  /** POST applies what the BIOS was asked for: the defaults first when a reset is pending, then the pending attributes. */
  private boot(d: SimDevice, at: number): void {
    bootHost(d.hostBoot, at, this.clock.factor, d.faults.has('slow'));
    const { bios } = d;
    if (!bios.resetPending && Object.keys(bios.pending).length === 0) return;
    d.bios = { attributes: { ...(bios.resetPending ? DEFAULT_BIOS : bios.attributes), ...bios.pending }, pending: {}, resetPending: false };
  }

  async readFirmwareInventory(ref: DeviceRef): Promise<Outcome<FirmwareComponent[]>> {
    const d = await this.device(ref);
    if (!d.ok) return d;
    for (const task of d.value.tasks.values()) this.settle(d.value, task);
    return ok(d.value.firmware.map((f) => ({ ...f })));
  }

  async power(ref: DeviceRef, action: PowerAction): Promise<Outcome<void>> {
    const d = await this.device(ref);
    if (!d.ok) return d;
    const status = d.value.status;
    const target: DeviceStatus['powerState'] = action === 'On' || action.endsWith('Restart') || action === 'PowerCycle' ? 'ON' : action === 'Nmi' ? status.powerState : 'OFF';
    if (action === 'On' && status.powerState === 'ON') return refused('REFUSED', 'The server is already powered on');
    if ((action === 'ForceOff' || action === 'GracefulShutdown') && status.powerState === 'OFF') return refused('REFUSED', 'The server is already powered off');
    appendLog(d.value.logs, 'IEL', this.clock.now(), 'OK', action === 'Nmi' ? 'Virtual NMI selected.' : powerMessage(target, status.powerState !== 'OFF'));
    status.powerState = target === 'ON' ? (status.powerState === 'OFF' ? 'POWERING_ON' : 'RESET') : 'POWERING_OFF';
    const transition = { target, dueAt: this.clock.now() + this.clock.realDuration(POWER_TRANSITION_MS), boots: target === 'ON' && action !== 'Nmi' };
    d.value.transition = transition;
    const at = new Date(this.clock.now()).toISOString();
    this.emit({ kind: 'power', device: ref, powerState: status.powerState, outOfBand: false, at });
    // The timer announces the change; reads settle it too, so at high time factors no reader depends on
    // the timer's millisecond granularity.
    setTimeout(() => {
      if (d.value.transition === transition) this.settlePower(d.value);
      this.emit({ kind: 'power', device: ref, powerState: target, outOfBand: false, at: new Date(this.clock.now()).toISOString() });
    }, this.clock.realDuration(POWER_TRANSITION_MS)).unref();
    return ok(undefined);
  }

  async setIndicatorLed(ref: DeviceRef, state: IndicatorLedState): Promise<Outcome<void>> {
    const d = await this.device(ref);
    if (!d.ok) return d;
    d.value.status.indicatorLed = state === 'Lit' ? 'LIT' : state === 'Blinking' ? 'BLINKING' : 'OFF';
    return ok(undefined);
  }

  async startFirmwareUpdate(ref: DeviceRef, request: FirmwareUpdateRequest): Promise<Outcome<{ taskId: string }>> {
    return this.startTask(ref, 'update', request, request.components.length * COMPONENT_MS + REBOOT_MS);
  }

  async stageFirmware(ref: DeviceRef, request: FirmwareStageRequest): Promise<Outcome<{ taskId: string }>> {
    const asUpdate: FirmwareUpdateRequest = { components: request.components, installSwDrivers: request.installSwDrivers, downgrade: true, powerOff: false };
    return this.startTask(ref, 'stage', asUpdate, request.components.length * STAGE_COMPONENT_MS);
  }

  /** The iLO runs one update task at a time, installing or staging. */
  private async startTask(ref: DeviceRef, kind: SimTask['kind'], request: FirmwareUpdateRequest, durationMs: number): Promise<Outcome<{ taskId: string }>> {
    const d = await this.device(ref);
    if (!d.ok) return d;
    for (const task of d.value.tasks.values()) {
      this.settle(d.value, task);
      if (!task.applied) return refused('BUSY', 'Another firmware update is in progress');
    }
    const slow = d.value.faults.has('slow') ? 5 : 1;
    const task: SimTask = {
      id: randomUUID(),
      kind,
      startedAt: this.clock.now(),
      durationMs: durationMs * slow,
      request,
      fails: d.value.faults.has('firmware-failure'),
      applied: false,
      before: d.value.firmware.map((f) => ({ ...f })),
    };
    d.value.tasks.set(task.id, task);
    return ok({ taskId: task.id });
  }

  async readTask(ref: DeviceRef, taskId: string): Promise<Outcome<TaskStatus>> {
    const d = await this.device(ref);
    if (!d.ok) return d;
    const task = d.value.tasks.get(taskId);
    if (!task) return refused('NOT_FOUND', `no task ${taskId}`);
    this.settle(d.value, task);
    const elapsed = (this.clock.now() - task.startedAt) * this.clock.factor;
    const percent = Math.min(100, Math.floor((elapsed / task.durationMs) * 100));
    const verb = task.kind === 'stage' ? 'Staging' : 'Updating';
    if (!task.applied) return ok({ taskId, state: percent === 0 ? 'New' : 'Running', percentComplete: percent, messages: [`${verb} ${task.request.components.length} component(s)`] });
    if (task.kind === 'stage') {
      return ok({
        taskId,
        state: task.fails ? 'Exception' : 'Completed',
        percentComplete: 100,
        messages: task.fails ? ['The component download failed: image verification error'] : ['Components stored in the iLO repository'],
        results: task.request.components.map((c) => ({ name: c.name, version: c.version, status: task.fails ? 'FAILED' : 'OK' })),
      });
    }
    const results = task.request.components.map((c) => {
      const was = task.before.find((f) => f.name === c.name);
      const cmp = was ? compareVersions(c.version, was.version) : null;
      const status = task.fails ? 'FAILED' : !was ? 'SKIPPED' : cmp === 0 || (!task.request.downgrade && cmp !== null && cmp < 0) ? 'NOT_UPDATED' : 'OK';
      return { name: c.name, version: c.version, status } as const;
    });
    return ok({
      taskId,
      state: task.fails ? 'Exception' : 'Completed',
      percentComplete: 100,
      messages: task.fails ? ['The firmware flash failed: image verification error'] : ['Firmware update completed'],
      results,
    });
  }

  /** Applies a finished task's versions to the device once its time has passed. */
  private settle(d: SimDevice, task: SimTask): void {
    if (task.applied) return;
    if ((this.clock.now() - task.startedAt) * this.clock.factor < task.durationMs) return;
    task.applied = true;
    if (task.fails || task.kind === 'stage') return;
    for (const c of task.request.components) {
      const f = d.firmware.find((x) => x.name === c.name);
      if (!f) continue;
      const cmp = compareVersions(c.version, f.version);
      if (cmp === null || cmp > 0 || (cmp < 0 && task.request.downgrade)) {
        f.version = c.version;
        appendLog(d.logs, 'IEL', task.startedAt + this.clock.realDuration(task.durationMs), 'OK', `Firmware flashed (${f.name} ${f.version})`);
      }
    }
  }

  async readIloSettings(ref: DeviceRef): Promise<Outcome<Record<string, unknown>>> {
    const d = await this.device(ref);
    return d.ok ? ok(withoutSecrets(d.value.iloSettings) as Record<string, unknown>) : d;
  }

  async applyIloSettings(ref: DeviceRef, settings: Record<string, unknown>): Promise<Outcome<void>> {
    const d = await this.device(ref);
    if (!d.ok) return d;
    d.value.iloSettings = mergeSections(d.value.iloSettings, settings);
    return ok(undefined);
  }

  async readBiosSettings(ref: DeviceRef): Promise<Outcome<BiosSettings>> {
    const d = await this.device(ref);
    return d.ok ? ok(structuredClone(d.value.bios)) : d;
  }

  async applyBiosSettings(ref: DeviceRef, attributes: Record<string, BiosValue>): Promise<Outcome<void>> {
    const d = await this.device(ref);
    if (!d.ok) return d;
    d.value.bios.pending = { ...d.value.bios.pending, ...attributes };
    return ok(undefined);
  }

  async resetBios(ref: DeviceRef): Promise<Outcome<void>> {
    const d = await this.device(ref);
    if (!d.ok) return d;
    d.value.bios = { ...d.value.bios, pending: {}, resetPending: true };
    return ok(undefined);
  }

  async readVirtualMedia(ref: DeviceRef): Promise<Outcome<VirtualMediaState[]>> {
    const d = await this.device(ref);
    return d.ok ? ok(readMedia(d.value.hostBoot)) : d;
  }

  async insertVirtualMedia(ref: DeviceRef, slot: VirtualMediaSlot, imageUrl: string): Promise<Outcome<void>> {
    const d = await this.device(ref);
    return d.ok ? insertMedia(d.value.hostBoot, slot, imageUrl) : d;
  }

  async ejectVirtualMedia(ref: DeviceRef, slot: VirtualMediaSlot): Promise<Outcome<void>> {
    const d = await this.device(ref);
    if (!d.ok) return d;
    ejectMedia(d.value.hostBoot, slot);
    return ok(undefined);
  }

  async setBootOverride(ref: DeviceRef, override: BootOverride): Promise<Outcome<void>> {
    const d = await this.device(ref);
    return d.ok ? setOverride(d.value.hostBoot, override) : d;
  }

  async readHost(ref: DeviceRef): Promise<Outcome<HostState>> {
    const d = await this.device(ref);
    return d.ok ? ok(readHostState(d.value.hostBoot, d.value.status.powerState, this.clock.now(), this.clock.factor)) : d;
  }

  async readSecurityDashboard(ref: DeviceRef): Promise<Outcome<SecurityDashboard>> {
    const d = await this.device(ref);
    return d.ok ? ok(securityDashboard(d.value.iloSettings, d.value.ignoredSecurityParams)) : d;
  }

  async setSecurityParamIgnore(ref: DeviceRef, paramId: string, ignore: boolean): Promise<Outcome<void>> {
    const d = await this.device(ref);
    if (!d.ok) return d;
    if (!isSecurityParamId(paramId)) return refused('NOT_FOUND', `the iLO has no security parameter ${paramId}`);
    if (ignore) d.value.ignoredSecurityParams.add(paramId);
    else d.value.ignoredSecurityParams.delete(paramId);
    return ok(undefined);
  }

  async readExternalStorage(ref: DeviceRef): Promise<Outcome<ExternalStorageConnections | null>> {
    const d = await this.device(ref);
    return d.ok ? ok(structuredClone(d.value.externalStorage)) : d;
  }

  /** Cables a device to a SAN, or takes it off one (tests and the fleet's life use this). */
  async setExternalStorage(ref: DeviceRef, connections: ExternalStorageConnections | null): Promise<void> {
    await this.device(ref);
    const d = this.devices.get(this.key(ref));
    if (d) d.externalStorage = structuredClone(connections);
  }

  async readStorage(ref: DeviceRef): Promise<Outcome<StorageController[]>> {
    const d = await this.device(ref);
    return d.ok ? ok(storageView(d.value.storage, this.clock.now(), this.clock.factor)) : d;
  }

  async createVolume(ref: DeviceRef, controllerId: string, request: VolumeRequest): Promise<Outcome<{ volumeId: string }>> {
    const d = await this.device(ref);
    if (!d.ok) return d;
    const controller = d.value.storage.find((c) => c.id === controllerId);
    return controller ? createVolume(controller, request, this.clock.now()) : refused('NOT_FOUND', `no storage controller ${controllerId}`);
  }

  async deleteVolume(ref: DeviceRef, controllerId: string, volumeId: string): Promise<Outcome<void>> {
    const d = await this.device(ref);
    if (!d.ok) return d;
    const controller = d.value.storage.find((c) => c.id === controllerId);
    return controller ? deleteVolume(controller, volumeId) : refused('NOT_FOUND', `no storage controller ${controllerId}`);
  }

  async readNetworkPorts(ref: DeviceRef): Promise<Outcome<NetworkPort[]>> {
    const d = await this.device(ref);
    return d.ok ? ok(d.value.ports.map((p) => portView(p, d.value.status.powerState))) : d;
  }

  /** Pulls or plugs back the cable of one port (by MAC); a link lost while the host runs is logged in the IML. */
  async setPortCabled(ref: DeviceRef, macAddress: string, cabled: boolean): Promise<boolean> {
    await this.device(ref);
    const d = this.devices.get(this.key(ref));
    const port = d?.ports.find((p) => p.macAddress === macAddress.toLowerCase());
    if (!d || !port) return false;
    const wasUp = portView(port, d.status.powerState).linkStatus === 'LinkUp';
    port.cabled = cabled && port.neighbor !== null;
    const isUp = portView(port, d.status.powerState).linkStatus === 'LinkUp';
    const where = `(${port.adapterName}, Port ${port.portId})`;
    if (wasUp && !isUp) appendLog(d.logs, 'IML', this.clock.now(), 'Warning', `Network Adapter Link Down ${where}`);
    if (!wasUp && isUp) appendLog(d.logs, 'IML', this.clock.now(), 'OK', `Network Adapter Link Up ${where}`);
    return true;
  }

  async readLogEntries(ref: DeviceRef, log: LogService): Promise<Outcome<LogEntry[]>> {
    const d = await this.device(ref);
    if (!d.ok) return d;
    // A flash whose time has come is in the log, whether or not anyone asked for its task yet.
    for (const task of d.value.tasks.values()) this.settle(d.value, task);
    return ok(d.value.logs[log].map((e) => ({ ...e })));
  }

  async exportAhsLog(ref: DeviceRef, days: number): Promise<Outcome<AhsLogFile>> {
    const d = await this.device(ref);
    if (!d.ok) return d;
    if (!Number.isInteger(days) || days < 1 || days > 365) return refused('REFUSED', `AHS logs cover 1 to 365 days, not ${days}`);
    return ok(ahsFile(this.key(ref), d.value.serialNumber, this.clock.now(), days, d.value.logs));
  }
}
