// A server firmware job as one BMC task: compare the server's firmware with a bundle, hand the components it
// needs to the BMC — to install them (FirmwareUpdate.New, IloOnlyFirmwareUpdate) or only to store them in the
// iLO repository (FirmwareDownload) — follow the task, then store what changed on the server. Each phase is a
// checkpoint, so a restart resumes where it stood; a task the BMC no longer knows (the simulator forgets tasks
// when OpenCOM restarts) is started again, up to a limit. The jobs differ only in the bundle they take, which
// of its components they may send, and what the end changes.
import type { DeviceDriver, FirmwareComponent, TaskStatus } from '../../devices/driver.ts';
import { recordActivity } from '../../resources/activities/service.ts';
import { planFirmwareUpdate, type FirmwareBundle } from '../../resources/firmware-bundles/baseline.ts';
import type { LastFirmwareUpdate, Server } from '../../resources/servers/model.ts';
import { findServer } from '../../resources/servers/repository.ts';
import type { Db } from '../../store/store.ts';
import { nowTimestamp } from '../../store/time.ts';
import { end, wait, type Executor, type StepOutcome } from '../executor.ts';
import type { StoredJob } from '../model.ts';
import { boolParam, changeServer, deviceFailure, deviceOf } from './device.ts';

export interface FirmwareTaskSpec {
  /** `Update` installs (and activates with the BMC's reboot); `Stage` only stores the components in the iLO repository. */
  method: 'Update' | 'Stage';
  /** The bundle the job brings the server to, with only the components it may send; a failure when there is none. */
  bundle(db: Db, job: StoredJob, server: Server): Promise<{ bundle: FirmwareBundle } | { failure: string; messageId: string }>;
  /** Whether reaching the bundle makes it the server's firmware baseline (`firmwareBundleUri`); an iLO-only update does not. */
  setsBaseline: boolean;
  /** Firmware updates report through HPE's SERVER_JOB_FW_UPDATE_* activities; other jobs leave activities to the engine. */
  activities: boolean;
}

interface TaskCheckpoint {
  phase?: 'running';
  bundleId?: string;
  taskId?: string;
  components?: { name: string; version: string }[];
  startedAt?: string;
  taskStartedAt?: string;
  restarts?: number;
}

/** Simulated time between looks at a BMC task whose end cannot be estimated yet. */
const POLL_MS = 60_000;
/** What an iLO typically needs: a few minutes per component, then the reboot that activates them; a download only the transfer. */
const expectedMs = (method: FirmwareTaskSpec['method'], components: number): number => (method === 'Update' ? components * 3 * 60_000 + 5 * 60_000 : components * 90_000);
const MAX_RESTARTS = 2;

export function firmwareActivity(job: StoredJob, server: Pick<Server, 'id' | 'name'>, key: string, args: Record<string, string | number>) {
  return {
    key,
    args,
    source: { type: 'Job', id: job.id, name: job.name, resourceUri: `v1/jobs/${job.id}` },
    associatedServerId: server.id,
  };
}

const bundleUri = (bundleId: string): string => `/compute-ops-mgmt/v1/firmware-bundles/${bundleId}`;

export function firmwareTask(spec: FirmwareTaskSpec, validate?: Executor['validate']): Executor {
  const verb = spec.method === 'Update' ? 'Updating' : 'Staging';
  const what = spec.method === 'Update' ? 'Firmware update failed' : 'Firmware download failed';
  const ctx = (job: StoredJob, server: Server) => new TaskContext(spec, job, server);

  return {
    ownActivities: spec.activities,
    ...(validate ? { validate } : {}),
    async step({ job, driver, store, clock }): Promise<StepOutcome> {
      const device = deviceOf(job);
      const cp = job.run.checkpoint as TaskCheckpoint;
      const server = await findServer(store, job.workspaceId, job.resource.id);
      if (!server) return end('ERROR', 'FAILURE', 'JobErrorException : the server no longer exists', { reason: { message_id: 'FWE-104', message_args: [job.resource.id] } });
      const c = ctx(job, server);

      if (cp.phase !== 'running' || !cp.taskId || !cp.bundleId) {
        const target = await spec.bundle(store, job, server);
        if ('failure' in target) return c.failed(target.failure, target.messageId, null);
        const { bundle } = target;
        if (boolParam(job.params, 'prerequisite_check', true) && !server.state.connected) {
          return c.failed('prerequisite check failed: the server is not connected to OpenCOM', 'FWE-110', bundle.id);
        }
        const inventory = await driver.readFirmwareInventory(device);
        if (!inventory.ok) return deviceFailure(inventory, what, { writes: c.failureWrites(inventory.message, bundle.id) });
        const components = planFirmwareUpdate(bundle, inventory.value, { downgrade: boolParam(job.params, 'downgrade', false) });
        if (components.length === 0) return c.nothingToDo(bundle.id, inventory.value);
        const installSwDrivers = boolParam(job.params, 'install_sw_drivers', false);
        const started =
          spec.method === 'Update'
            ? await driver.startFirmwareUpdate(device, { components, downgrade: boolParam(job.params, 'downgrade', false), installSwDrivers, powerOff: boolParam(job.params, 'power_off', false) })
            : await driver.stageFirmware(device, { components, installSwDrivers });
        if (!started.ok) return deviceFailure(started, what, { writes: c.failureWrites(started.message, bundle.id) });
        const next: TaskCheckpoint = {
          phase: 'running',
          bundleId: bundle.id,
          taskId: started.value.taskId,
          components,
          startedAt: cp.startedAt ?? nowTimestamp(),
          taskStartedAt: nowTimestamp(),
          restarts: cp.restarts ?? 0,
        };
        const status = `${verb} ${components.length} component(s)`;
        return wait(next as Record<string, unknown>, expectedMs(spec.method, components.length), {
          status: `Step 2 of 3: ${status}`,
          writes: cp.startedAt || !spec.activities ? undefined : async (tx) => recordActivity(tx, job.workspaceId, firmwareActivity(job, server, 'SERVER_JOB_FW_UPDATE_IN_PROGRESS', { status })),
        });
      }

      const task = await driver.readTask(device, cp.taskId);
      if (!task.ok) {
        if (task.reason === 'NOT_FOUND' && (cp.restarts ?? 0) < MAX_RESTARTS) {
          // The BMC lost the task (OpenCOM or the BMC restarted): start over from the prerequisite step.
          return wait({ startedAt: cp.startedAt, restarts: (cp.restarts ?? 0) + 1 }, 0, { status: 'Step 1 of 3: Restarting the interrupted task' });
        }
        return deviceFailure(task, what, { writes: c.failureWrites(task.message, cp.bundleId) });
      }
      if (task.value.state === 'New' || task.value.state === 'Running') {
        // Come back when the task should be done, judged by how far it got in the time it has run.
        const percent = task.value.percentComplete;
        const elapsed = Math.max(0, clock.now() - Date.parse(cp.taskStartedAt ?? job.createdAt)) * clock.factor;
        const remaining = percent > 0 ? (elapsed * (100 - percent)) / percent : POLL_MS;
        return wait(cp as Record<string, unknown>, Math.max(POLL_MS / 6, Math.min(remaining, 10 * POLL_MS)), {
          status: `Step 2 of 3: ${verb} ${cp.components?.length ?? 0} component(s) (${task.value.percentComplete}%)`,
        });
      }
      return c.settle(cp.bundleId, task.value, driver);
    },
  };
}

/** The end of one job's task, and the server writes and activities that go with it. */
class TaskContext {
  constructor(
    private readonly spec: FirmwareTaskSpec,
    private readonly job: StoredJob,
    private readonly server: Server,
  ) {}

  /**
   * The server already has what the bundle brings. The inventory just read is stored too: a step repeated after
   * its first run had already finished the task (a lease taken over) lands here, and must not leave the old one.
   */
  nothingToDo(bundleId: string, inventory: readonly FirmwareComponent[]): StepOutcome {
    const { job, server, spec } = this;
    const message = spec.method === 'Update' ? 'The server firmware already matches the bundle' : 'The server needs no component of the bundle';
    const firmwareInventory = inventory.map((f) => ({ name: f.name, version: f.version, deviceContext: f.deviceContext }));
    return end('COMPLETE', 'SUCCESS', 'Complete', {
      results: { components: [], message },
      writes: async (tx) => {
        await changeServer(tx, job, (s) => ({
          ...s,
          firmwareInventory,
          hardware: withBmcVersion(s.hardware, firmwareInventory),
          ...(spec.setsBaseline ? { firmwareBundleUri: bundleUri(bundleId) } : {}),
          lastFirmwareUpdate: this.lastUpdate(bundleId, 'OK', [], nowTimestamp()),
        }));
        if (spec.activities) await recordActivity(tx, job.workspaceId, firmwareActivity(job, server, 'SERVER_JOB_FW_UPDATE_COMPLETED', { note: 'No component needed an update' }));
      },
    });
  }

  async settle(bundleId: string, task: TaskStatus, driver: DeviceDriver): Promise<StepOutcome> {
    const { job, server, spec } = this;
    const results = task.results ?? [];
    const completedAt = nowTimestamp();
    if (task.state !== 'Completed' || results.some((r) => r.status === 'FAILED')) {
      const message = task.messages.join('; ') || `the task ended ${task.state}`;
      return end('ERROR', 'FAILURE', `JobErrorException : ${message}`, {
        results: { components: results },
        reason: { message_id: 'FWE-115', message_args: [message] },
        writes: this.failureWrites(message, bundleId, results),
      });
    }
    const done = results.filter((r) => r.status === 'OK').length;
    if (spec.method === 'Stage') {
      return end('COMPLETE', 'SUCCESS', 'Complete', {
        results: { components: results, message: `${done} component(s) stored in the iLO repository` },
        writes: async (tx) => void (await changeServer(tx, job, (s) => ({ ...s, lastFirmwareUpdate: this.lastUpdate(bundleId, 'OK', results, completedAt) }))),
      });
    }
    const inventory = await driver.readFirmwareInventory(deviceOf(job));
    return end('COMPLETE', 'SUCCESS', 'Complete', {
      results: { components: results },
      writes: async (tx) => {
        await changeServer(tx, job, (s) => {
          const firmwareInventory = inventory.ok ? inventory.value.map((f) => ({ name: f.name, version: f.version, deviceContext: f.deviceContext })) : s.firmwareInventory;
          return {
            ...s,
            firmwareInventory,
            hardware: withBmcVersion(s.hardware, firmwareInventory),
            ...(spec.setsBaseline ? { firmwareBundleUri: bundleUri(bundleId) } : {}),
            lastFirmwareUpdate: this.lastUpdate(bundleId, 'OK', results, completedAt),
          };
        });
        if (spec.activities) await recordActivity(tx, job.workspaceId, firmwareActivity(job, server, 'SERVER_JOB_FW_UPDATE_COMPLETED', { note: `${done} of ${results.length} component(s) updated` }));
      },
    });
  }

  failureWrites(message: string, bundleId: string | undefined | null, results: NonNullable<TaskStatus['results']> = []) {
    const { job, server, spec } = this;
    return async (tx: Db) => {
      await changeServer(tx, job, (s) => ({ ...s, lastFirmwareUpdate: this.lastUpdate(bundleId ?? null, 'FAILED', results, nowTimestamp()) }));
      if (spec.activities) await recordActivity(tx, job.workspaceId, firmwareActivity(job, server, 'SERVER_JOB_FW_UPDATE_FAILED', { reason: message, errorCode: 'FWE-115' }));
    };
  }

  failed(message: string, messageId: string, bundleId: string | null): StepOutcome {
    return end('ERROR', 'FAILURE', `JobErrorException : ${message}`, {
      reason: { message_id: messageId, message_args: [message] },
      writes: this.failureWrites(message, bundleId),
    });
  }

  private lastUpdate(bundleId: string | null, status: LastFirmwareUpdate['status'], results: NonNullable<TaskStatus['results']>, completedAt: string | null): LastFirmwareUpdate {
    const { job, spec } = this;
    return {
      status,
      attemptedAt: job.startedAt ?? job.createdAt,
      attemptedBaselineUri: bundleId ? bundleUri(bundleId) : null,
      installSwDrivers: boolParam(job.params, 'install_sw_drivers', false),
      downgrade: boolParam(job.params, 'downgrade', false),
      powerOff: spec.method === 'Stage' ? null : boolParam(job.params, 'power_off', false),
      completedAt,
      bundleUpdateMethod: spec.method,
      firmwareInventoryUpdates: results.map((r) => ({ name: r.name, version: r.version, status: r.status })),
    };
  }
}

/** The BMC's own version as servers show it (`iLO 6 v1.66`), following its firmware inventory entry. */
function withBmcVersion(hardware: Server['hardware'], inventory: Server['firmwareInventory']): Server['hardware'] {
  const bmc = hardware.bmc;
  const ilo = bmc?.model ? inventory?.find((f) => f.name === bmc.model) : undefined;
  if (!bmc || !ilo) return hardware;
  return { ...hardware, bmc: { ...bmc, version: `${bmc.model} v${ilo.version.split(' ')[0]}` } };
}

