// The jobs membership changes start (groups.md §6.4, §6.6): a group's onDeviceAdd policies when devices join
// (or, for devices not yet activated, when they are), and the BIOS factory reset `reset-subsystems=BIOS` asks
// for after removal. Jobs are submitted in the change's transaction, one per policy for all joining devices,
// in the order a person would run them: firmware, BIOS, iLO, internal storage, external storage, OS.
import { submitJob } from '../../job-engine/submit.ts';
import type { Db } from '../../store/store.ts';
import { findSetting } from '../settings/service.ts';
import { isServerPolicies, type Group, type ServerPolicies } from './model.ts';
import { settingLinks } from './repository.ts';

/** HPE's fixed template ids (job-templates.md §2). */
export const ON_ADD_TEMPLATES = {
  groupFirmwareUpdate: '91159b5e-9eeb-11ec-a9da-00155dc0a0c0',
  groupApplyServerSettings: 'beff07ce-f36d-4699-9ac3-f872dcd63133',
  groupApplyInternalStorage: '54095626-3911-4fea-9741-816e2531994e',
  groupApplyExternalStorage: 'fcb79270-5954-42e9-9374-6a065b6d494a',
  groupOsInstallation: 'e2952628-2629-4088-93db-91742304ef0c',
} as const;

interface PlannedJob {
  templateId: string;
  params: Record<string, unknown>;
}

/**
 * Volume names for the internal-storage job: the policy's explicit id→name list, else the policy's single
 * volume name given to the STORAGE setting's first volume, else none (the job's default names).
 */
async function storageVolumes(db: Db, group: Group, policies: ServerPolicies): Promise<{ id: string; name?: string }[]> {
  const add = policies.onDeviceAdd;
  if (add.storageVolumes) return add.storageVolumes.map((v) => (v.name === null ? { id: v.id } : { id: v.id, name: v.name }));
  if (!add.storageVolumeName) return [];
  const link = (await settingLinks(db, group.workspaceId, group.id)).find((l) => l.category === 'STORAGE');
  const setting = link && (await findSetting(db, group.workspaceId, link.id));
  const volumes = (setting?.settings.DEFAULT?.volumes ?? []) as { id?: string | null }[];
  const first = volumes.find((v) => typeof v.id === 'string');
  return first?.id ? [{ id: first.id, name: add.storageVolumeName }] : [];
}

/** The jobs the group's policies ask for when `devices` join, in run order. */
export async function plannedOnAddJobs(db: Db, group: Group, devices: readonly string[]): Promise<PlannedJob[]> {
  if (!isServerPolicies(group.policies) || devices.length === 0) return [];
  const p = group.policies;
  const add = p.onDeviceAdd;
  const list = [...devices];
  const jobs: PlannedJob[] = [];
  if (add.firmwareUpdate) {
    jobs.push({
      templateId: ON_ADD_TEMPLATES.groupFirmwareUpdate,
      params: { devices: list, parallel: true, powerOff: add.firmwarePowerOff, downgrade: p.onDeviceApply.firmwareDowngrade },
    });
  }
  if (add.biosApplySettings) {
    jobs.push({ templateId: ON_ADD_TEMPLATES.groupApplyServerSettings, params: { redfish_subsystem: 'BIOS', devices: list, factory_reset: add.biosFactoryReset } });
  }
  if (add.iloApplySettings) jobs.push({ templateId: ON_ADD_TEMPLATES.groupApplyServerSettings, params: { redfish_subsystem: 'ILO_SETTINGS', devices: list } });
  if (add.storageConfiguration) {
    jobs.push({
      templateId: ON_ADD_TEMPLATES.groupApplyInternalStorage,
      params: { devices: list, initialize: add.storageVolumeDeletion, volumes: await storageVolumes(db, group, p) },
    });
  }
  if (add.externalStorageConfiguration) jobs.push({ templateId: ON_ADD_TEMPLATES.groupApplyExternalStorage, params: { devices: list } });
  if (add.osInstall) {
    jobs.push({ templateId: ON_ADD_TEMPLATES.groupOsInstallation, params: { devices: list, parallel: true, osCompletionTimeoutMin: add.osCompletionTimeoutMin } });
  }
  return jobs;
}

/** Submits the on-add jobs for activated devices that just joined; returns the job ids. */
export async function submitOnAddJobs(tx: Db, group: Group, devices: readonly string[], createdBy: string | null): Promise<string[]> {
  const ids: string[] = [];
  for (const job of await plannedOnAddJobs(tx, group, devices)) {
    const { id } = await submitJob(tx, { workspaceId: group.workspaceId, templateId: job.templateId, resource: { type: 'group', id: group.id }, params: job.params, createdBy });
    ids.push(id);
  }
  return ids;
}

/**
 * `reset-subsystems=BIOS` (groups.md §3.8, §6.4): one GroupApplyServerSettings job that factory-resets the BIOS
 * of the devices just removed. They are no longer members, which `removed_from_group` tells the executor: reset
 * only, apply none of the group's settings, and do not require membership.
 */
export async function submitBiosReset(tx: Db, group: Group, devices: readonly string[], createdBy: string | null): Promise<string | undefined> {
  if (devices.length === 0) return undefined;
  const { id } = await submitJob(tx, {
    workspaceId: group.workspaceId,
    templateId: ON_ADD_TEMPLATES.groupApplyServerSettings,
    resource: { type: 'group', id: group.id },
    params: { redfish_subsystem: 'BIOS', devices: [...devices], factory_reset: true, removed_from_group: true },
    createdBy,
  });
  return id;
}
