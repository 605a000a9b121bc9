// The virtual fleet while OpenCOM runs: loads the demo and declared fleets, serves them through the
// simulator driver, and — when live — lets them age: health degrades and recovers (raising and clearing
// alerts), servers disconnect and come back, power changes out of band, and every five simulated minutes
// the reporting servers send power and utilization samples.
import type { Config } from '../config.ts';
import { acceleratedClock, type Clock } from '../devices/clock.ts';
import type { DeviceEvent } from '../devices/driver.ts';
import { SimulatorDriver, type DeviceSeed } from '../devices/simulator/simulator.ts';
import { stableHash } from '../devices/stable-hash.ts';
import { recordActivity } from '../resources/activities/service.ts';
import { workspacesWithPendingRegistrations } from '../resources/servers/registration-repository.ts';
import { completePendingRegistrations } from '../resources/servers/registration-service.ts';
import { findDeviceFacts, findServer } from '../resources/servers/repository.ts';
import type { Store } from '../store/store.ts';
import { networkSeedOf } from './device-network-seed.ts';
import { storageSeedOf } from './device-storage-seed.ts';
import { DEGRADABLE_SUBSYSTEMS, ingestDeviceEvent, ingestTelemetry } from './ingest.ts';
import { planTick, utilizationAt, type ServerCondition } from './life-plan.ts';
import { loadFleets, type FleetLoad } from './load-fleets.ts';
import { Random } from './random.ts';

export interface FleetLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

interface ConditionRow {
  workspace_id: string;
  id: string;
  health_summary: string | null;
  connected: boolean | number;
  power_state: string;
}

const TELEMETRY_PERIOD_MS = 5 * 60_000;
const REFRESH_EVERY_TICKS = 10;

export class FleetRuntime {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private conditions = new Map<string, ServerCondition[]>();
  private ticks = 0;
  private sinceTelemetryMs = TELEMETRY_PERIOD_MS;
  private readonly rng: Random;
  private stopped = false;

  private constructor(
    private readonly store: Store,
    private readonly config: Config['fleet'],
    readonly driver: SimulatorDriver,
    readonly clock: Clock,
    readonly loaded: FleetLoad,
    private readonly log: FleetLogger,
  ) {
    this.rng = new Random(config.seed ^ 0x5eed);
    driver.onEvent((event) => this.enqueue(() => this.ingest(event)));
  }

  /** `autoTick: false` leaves ticking to the caller (tests drive time themselves). */
  static async start(store: Store, config: Config['fleet'], workspaceId: string, log: FleetLogger, options: { autoTick?: boolean } = {}): Promise<FleetRuntime> {
    const loaded = await loadFleets(store, config, workspaceId);
    const clock = acceleratedClock(config.timeFactor);
    const driver = simulatorFor(store, clock);
    const runtime = new FleetRuntime(store, config, driver, clock, loaded, log);
    if (options.autoTick ?? true) runtime.schedule();
    return runtime;
  }

  /** One real tick lasts at least a second and covers a simulated minute or more. */
  private get tickMs(): number {
    return Math.max(1000, Math.min(60_000, 60_000 / this.config.timeFactor));
  }

  private schedule(): void {
    this.timer = setInterval(() => this.enqueue(() => this.tick()), this.tickMs);
    this.timer.unref();
  }

  /** Work runs one piece at a time, so a slow tick never overlaps the next. */
  private enqueue(work: () => Promise<void>): void {
    this.running = this.running.then(work).catch((err: unknown) => this.log.error({ err }, 'virtual fleet step failed'));
  }

  private async ingest(event: DeviceEvent, pick = 0): Promise<void> {
    if (this.stopped) return;
    if (event.kind === 'telemetry') await ingestTelemetry(this.store, [event]);
    else await ingestDeviceEvent(this.store, event, pick);
  }

  private async refreshConditions(): Promise<void> {
    const rows = await this.store.all<ConditionRow>('SELECT workspace_id, id, health_summary, connected, power_state FROM servers ORDER BY workspace_id, id');
    const next = new Map<string, ServerCondition[]>();
    for (const r of rows) {
      const list = next.get(r.workspace_id) ?? [];
      list.push({ serverId: r.id, degraded: r.health_summary === 'WARNING' || r.health_summary === 'CRITICAL', connected: Boolean(r.connected), poweredOn: r.power_state === 'ON' });
      next.set(r.workspace_id, list);
    }
    this.conditions = next;
  }

  /**
   * Servers added through POST /servers (credential or gateway connections) join once the device layer has
   * reached their BMC: here, on the next tick, whether or not the fleet is live.
   */
  async completeRegistrations(): Promise<void> {
    for (const workspaceId of await workspacesWithPendingRegistrations(this.store)) {
      await this.store.transaction(async (tx) => {
        for (const outcome of await completePendingRegistrations(tx, workspaceId)) {
          if (outcome.state !== 'COMPLETE' || !outcome.serverId) continue;
          const server = await findServer(tx, workspaceId, outcome.serverId);
          if (!server) continue;
          await recordActivity(tx, workspaceId, {
            key: 'SERVER_ASSIGNED',
            args: { serverName: server.name },
            source: { type: 'Server', id: server.id, name: server.name, resourceUri: `v1/servers/${server.id}` },
            associatedServerId: server.id,
          });
        }
      });
    }
  }

  /** One tick: pending registrations, then (when live) a stretch of simulated life. */
  async tick(): Promise<void> {
    if (this.stopped) return;
    await this.completeRegistrations();
    if (!this.config.live) return;
    if (this.ticks++ % REFRESH_EVERY_TICKS === 0) await this.refreshConditions();
    const minutes = (this.tickMs * this.config.timeFactor) / 60_000;
    const at = new Date(this.clock.now()).toISOString();
    for (const [workspaceId, fleet] of this.conditions) {
      for (const change of planTick(fleet, minutes, this.rng)) {
        const device = { workspaceId, serverId: change.serverId };
        const condition = fleet.find((c) => c.serverId === change.serverId)!;
        switch (change.kind) {
          case 'degrade': {
            const subsystem = DEGRADABLE_SUBSYSTEMS[change.pick % DEGRADABLE_SUBSYSTEMS.length]!;
            await this.driver.mutate(device, { health: change.severity });
            await this.ingest({ kind: 'health', device, subsystem, health: change.severity, at }, change.pick);
            condition.degraded = true;
            break;
          }
          case 'recover':
            await this.driver.mutate(device, { health: 'OK' });
            await this.ingest({ kind: 'health', device, subsystem: 'system', health: 'OK', at });
            condition.degraded = false;
            break;
          case 'disconnect':
          case 'reconnect': {
            const connected = change.kind === 'reconnect';
            await this.driver.mutate(device, { connected });
            await this.ingest({ kind: 'connection', device, connected, at });
            condition.connected = connected;
            break;
          }
          case 'power': {
            await this.driver.mutate(device, { powerState: change.on ? 'ON' : 'OFF' });
            await this.ingest({ kind: 'power', device, powerState: change.on ? 'ON' : 'OFF', outOfBand: true, at });
            condition.poweredOn = change.on;
            break;
          }
        }
      }
    }
    this.sinceTelemetryMs += minutes * 60_000;
    if (this.sinceTelemetryMs >= TELEMETRY_PERIOD_MS) {
      this.sinceTelemetryMs = 0;
      await this.reportTelemetry(at);
    }
  }

  private async reportTelemetry(at: string): Promise<void> {
    const events: Extract<DeviceEvent, { kind: 'telemetry' }>[] = [];
    const nowMs = this.clock.now();
    for (const [workspaceId, fleet] of this.conditions) {
      for (const c of fleet.slice(0, this.config.telemetryServers)) {
        if (!c.connected) continue;
        const rng = Random.for(this.config.seed, nowMs / TELEMETRY_PERIOD_MS, stableHash(c.serverId));
        const cpu = c.poweredOn ? utilizationAt(nowMs, 20 + (stableHash(c.serverId) % 50), rng) : 0;
        events.push({
          kind: 'telemetry',
          device: { workspaceId, serverId: c.serverId },
          at,
          powerWatts: c.poweredOn ? Math.round(140 + cpu * 4.5 + rng.int(0, 25)) : 12,
          cpuUtilization: c.poweredOn ? cpu : null,
          memoryBusUtilization: c.poweredOn ? Math.min(100, cpu * 0.7 + rng.int(0, 8)) : null,
          ioBusUtilization: c.poweredOn ? Math.min(100, cpu * 0.4 + rng.int(0, 5)) : null,
          cpuInterconnectUtilization: c.poweredOn ? Math.min(100, cpu * 0.5 + rng.int(0, 5)) : null,
        });
      }
    }
    if (events.length) await ingestTelemetry(this.store, events);
  }

  /** Stops the life loop and waits for the step in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}

/** What a simulated device starts from: the server as the store last saw it. */
/** The simulator over the servers the store knows: each device starts from its stored state. */
export function simulatorFor(store: Store, clock: Clock): SimulatorDriver {
  return new SimulatorDriver(clock, async (ref) => seedOf(store, ref.workspaceId, ref.serverId));
}

async function seedOf(store: Store, workspaceId: string, serverId: string): Promise<DeviceSeed | undefined> {
  const s = await findServer(store, workspaceId, serverId);
  if (!s) return undefined;
  const health = s.hardware.health?.summary;
  const facts = await findDeviceFacts(store, workspaceId, serverId);
  return {
    status: {
      powerState: s.hardware.powerState,
      indicatorLed: s.hardware.indicatorLed,
      health: health === 'OK' || health === 'WARNING' || health === 'CRITICAL' ? health : 'UNKNOWN',
      connected: s.state.connected,
    },
    firmware: s.firmwareInventory ?? [],
    network: networkSeedOf(facts),
    storage: storageSeedOf(facts),
    serialNumber: s.hardware.serialNumber,
    host: s.host ?? undefined,
    ignoredSecurityParams: (facts?.securityParameters ?? []).filter((p) => p.ignore).map((p) => p.name),
  };
}
