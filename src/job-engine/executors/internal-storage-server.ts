// One server of GroupApplyInternalStorageSettings: the group's STORAGE setting built as volumes on the server's
// storage controller, the way a Redfish client does it — read the controller's drives and volumes, erase the
// volumes when `initialize` asks (else refuse to touch a controller that has some), POST one Volume per
// setting volume over drives it chose, then poll until the controller has initialized them. What was built
// is the child's `results`, and the server's storage inventory counts the new volumes.
import type { StorageController, StorageVolume } from '../../devices/driver.ts';
import { GIB } from '../../devices/raid.ts';
import { findDetails, saveDetails } from '../../resources/servers/repository.ts';
import { findSetting } from '../../resources/settings/service.ts';
import type { Db } from '../../store/store.ts';
import { end, wait, type StepContext, type StepOutcome } from '../executor.ts';
import type { StoredJob } from '../model.ts';
import { deviceFailure, deviceOf } from './device.ts';
import { comRaidType, planVolumes, settingVolumes } from './internal-storage-plan.ts';

/** How often the controller is asked how far the volumes' initialization got (simulated). */
const POLL_MS = 30_000;

interface Checkpoint {
  phase?: 'initializing';
  controllerId?: string;
  erased?: number;
  created?: { volumeId: string; settingVolumeId: string }[];
}

function failure(messageId: string, message: string, results?: Record<string, unknown>): StepOutcome {
  return end('ERROR', 'FAILURE', `JobErrorException : ${message}`, { reason: { message_id: messageId, message_args: [message] }, ...(results ? { results } : {}) });
}

/** The names the job gives setting volumes (`volumes: [{id, name}]`), by lower-cased volume id. */
function namesOf(params: Record<string, unknown>): Map<string, string> {
  const given = Array.isArray(params['volumes']) ? (params['volumes'] as { id?: unknown; name?: unknown }[]) : [];
  return new Map(given.filter((v) => typeof v.id === 'string' && typeof v.name === 'string').map((v) => [String(v.id).toLowerCase(), String(v.name)]));
}

export async function buildServerVolumes(ctx: StepContext): Promise<StepOutcome> {
  const cp = ctx.job.run.checkpoint as Checkpoint;
  return cp.phase === 'initializing' ? awaitInitialized(ctx, cp) : createVolumes(ctx);
}

async function createVolumes({ job, store, driver }: StepContext): Promise<StepOutcome> {
  const device = deviceOf(job);
  const settingId = String(job.params['setting_id']);
  const setting = await findSetting(store, job.workspaceId, settingId);
  if (!setting || setting.category !== 'STORAGE') return failure('GROUP-SETTING-MISSING', `the STORAGE setting ${settingId} no longer exists`);
  const volumes = settingVolumes(settingId, setting.settings.DEFAULT ?? {});

  const storage = await driver.readStorage(device);
  if (!storage.ok) return deviceFailure(storage, 'Reading the storage controllers failed');
  const controller = storage.value.find((c) => c.drives.length > 0);
  if (!controller) return failure('STORAGE-NO-DRIVES', 'the server has no storage controller with drives');
  const initialize = job.params['initialize'] === true;
  if (controller.volumes.length && !initialize) {
    return failure('STORAGE-VOLUMES-EXIST', `${controller.model} already has ${controller.volumes.length} volume(s) and initialize is false; nothing was changed`);
  }
  const plan = planVolumes(controller, volumes, namesOf(job.params));
  if ('problem' in plan) return failure('STORAGE-SETTING-UNSATISFIABLE', plan.problem);

  for (const v of controller.volumes) {
    const erased = await driver.deleteVolume(device, controller.id, v.id);
    if (!erased.ok) return deviceFailure(erased, `Erasing volume ${v.name} failed`);
  }
  const created: NonNullable<Checkpoint['created']> = [];
  for (const p of plan.planned) {
    const made = await driver.createVolume(device, controller.id, p.request);
    if (!made.ok) return deviceFailure(made, `Creating volume ${p.request.name} failed`, { results: { erasedVolumes: controller.volumes.length, createdVolumes: created } });
    created.push({ volumeId: made.value.volumeId, settingVolumeId: p.settingVolumeId });
  }
  const checkpoint: Checkpoint = { phase: 'initializing', controllerId: controller.id, erased: controller.volumes.length, created };
  return wait(checkpoint as Record<string, unknown>, POLL_MS, { status: `Step 1 of 2: ${created.length} volume(s) created on ${controller.model}` });
}

async function awaitInitialized({ job, driver, clock }: StepContext, cp: Checkpoint): Promise<StepOutcome> {
  const storage = await driver.readStorage(deviceOf(job));
  if (!storage.ok) return deviceFailure(storage, 'Reading the storage controllers failed');
  const controller = storage.value.find((c) => c.id === cp.controllerId);
  const created = cp.created ?? [];
  const volumes = created.map((c) => controller?.volumes.find((v) => v.id === c.volumeId));
  if (!controller || volumes.some((v) => !v)) return failure('STORAGE-VOLUME-LOST', 'a volume the job created is no longer on the controller');
  const built = volumes as StorageVolume[];
  const pending = built.filter((v) => v.state !== 'Enabled');
  if (pending.length) {
    const percent = Math.min(...pending.map((v) => v.percentComplete));
    return wait(cp as Record<string, unknown>, POLL_MS, { status: `Step 2 of 2: initializing ${pending.length} volume(s), ${percent}%` });
  }
  const driveName = (id: string) => controller.drives.find((d) => d.id === id)?.name ?? id;
  const results = {
    settingId: String(job.params['setting_id']),
    controller: { id: controller.id, model: controller.model },
    erasedVolumes: cp.erased ?? 0,
    volumes: built.map((v, i) => ({
      id: v.id,
      settingVolumeId: created[i]!.settingVolumeId,
      name: v.name,
      raidType: comRaidType(v.raidType),
      capacityInGiB: Math.floor(v.capacityBytes / GIB),
      drives: v.drives.map(driveName),
      spareDrives: v.spareDrives.map(driveName),
    })),
  };
  const at = new Date(clock.now()).toISOString();
  return end('COMPLETE', 'SUCCESS', 'Complete', { results, writes: (tx, saved) => recordStorageInventory(tx, saved, controller, at) });
}

/** The server's storage inventory as the controller now is: its drive and volume counts, and an OS-ready volume. */
async function recordStorageInventory(tx: Db, job: StoredJob, controller: StorageController, at: string): Promise<void> {
  const details = await findDetails(tx, job.workspaceId, job.resource.id);
  if (!details) return;
  const storage = details.inventory.storage;
  const entries = storage.data ?? [];
  const known = entries.some((e) => e['Id'] === controller.id);
  const entry = (e: Record<string, unknown>) => ({ ...e, Drives: controller.drives.length, Volumes: controller.volumes.length });
  const data = known ? entries.map((e) => (e['Id'] === controller.id ? entry(e) : e)) : [...entries, entry({ Id: controller.id, Name: controller.name, Status: { Health: 'OK', State: 'Enabled' } })];
  await saveDetails(tx, job.workspaceId, job.resource.id, {
    ...details,
    inventory: { ...details.inventory, storage: { ...storage, collectionState: 'Success', modified: at, data } },
    hasStorageVolume: details.hasStorageVolume || controller.volumes.length > 0,
  });
}
