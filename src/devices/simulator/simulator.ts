// The virtual fleet's DeviceDriver: devices live in memory, seeded from what the store knows about each
// server, and behave like iLOs — power transitions take time, firmware updates are tasks that progress
// with the clock, and faults can be switched on per device for tests.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import {
  ok,
  refused,
  type DeviceDriver,
  type DeviceEvent,
  type DeviceRef,
  type DeviceStatus,
  type FirmwareComponent,
  type FirmwareUpdateRequest,
  type IndicatorLedState,
  type Outcome,
  type PowerAction,
  type TaskStatus,
} from '../driver.ts';

/** What a simulated device starts from. */
export interface DeviceSeed {
  status: DeviceStatus;
  firmware: FirmwareComponent[];
  iloSettings?: Record<string, unknown>;
}

/** Faults a test can switch on for one device. */
export type Fault = 'unreachable' | 'auth-failure' | 'firmware-failure' | 'slow';

interface SimTask {
  id: string;
  startedAt: number;
  durationMs: number;
  request: FirmwareUpdateRequest;
  fails: boolean;
  applied: boolean;
  before: FirmwareComponent[];
}

interface SimDevice {
  status: DeviceStatus;
  firmware: FirmwareComponent[];
  iloSettings: Record<string, unknown>;
  tasks: Map<string, SimTask>;
  faults: Set<Fault>;
}

/** Simulated minutes per firmware component, and for the reboot that applies them. */
const COMPONENT_MS = 3 * 60_000;
const REBOOT_MS = 5 * 60_000;
const POWER_TRANSITION_MS = 30_000;

const DEFAULT_ILO_SETTINGS = {
  MinPasswordLength: 8,
  RequireLoginForiLORBSU: true,
  IPMIDCMIOverLAN: false,
  AuthFailureLoggingThreshold: 1,
  SessionTimeoutMinutes: 30,
  SNMPv1Enabled: false,
};

function compareVersions(a: string, b: string): number {
  const pa = a.match(/\d+/g)?.map(Number) ?? [];
  const pb = b.match(/\d+/g)?.map(Number) ?? [];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

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
      d = { status: { ...seed.status }, firmware: seed.firmware.map((f) => ({ ...f })), iloSettings: { ...DEFAULT_ILO_SETTINGS, ...seed.iloSettings }, tasks: new Map(), faults: new Set() };
      this.devices.set(this.key(ref), d);
    }
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
    d.status = { ...d.status, ...change };
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
    status.powerState = target === 'ON' ? (status.powerState === 'OFF' ? 'POWERING_ON' : 'RESET') : 'POWERING_OFF';
    const at = new Date(this.clock.now()).toISOString();
    this.emit({ kind: 'power', device: ref, powerState: status.powerState, outOfBand: false, at });
    setTimeout(() => {
      status.powerState = target;
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
    const d = await this.device(ref);
    if (!d.ok) return d;
    for (const task of d.value.tasks.values()) {
      this.settle(d.value, task);
      if (!task.applied) return refused('BUSY', 'Another firmware update is in progress');
    }
    const slow = d.value.faults.has('slow') ? 5 : 1;
    const task: SimTask = {
      id: randomUUID(),
      startedAt: this.clock.now(),
      durationMs: (request.components.length * COMPONENT_MS + REBOOT_MS) * slow,
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
    if (!task.applied) return ok({ taskId, state: percent === 0 ? 'New' : 'Running', percentComplete: percent, messages: [`Updating ${task.request.components.length} component(s)`] });
    const results = task.request.components.map((c) => {
      const was = task.before.find((f) => f.name === c.name);
      const status = task.fails ? 'FAILED' : !was ? 'SKIPPED' : compareVersions(c.version, was.version) === 0 || (!task.request.downgrade && compareVersions(c.version, was.version) < 0) ? 'NOT_UPDATED' : 'OK';
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
    if (task.fails) return;
    for (const c of task.request.components) {
      const f = d.firmware.find((x) => x.name === c.name);
      if (!f) continue;
      const cmp = compareVersions(c.version, f.version);
      if (cmp > 0 || (cmp < 0 && task.request.downgrade)) f.version = c.version;
    }
  }

  async readIloSettings(ref: DeviceRef): Promise<Outcome<Record<string, unknown>>> {
    const d = await this.device(ref);
    return d.ok ? ok({ ...d.value.iloSettings }) : d;
  }

  async applyIloSettings(ref: DeviceRef, settings: Record<string, unknown>): Promise<Outcome<void>> {
    const d = await this.device(ref);
    if (!d.ok) return d;
    d.value.iloSettings = { ...d.value.iloSettings, ...settings };
    return ok(undefined);
  }
}
