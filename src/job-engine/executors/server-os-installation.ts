// One server's part of GroupOSInstallation (job-templates.md §3), on OpenCOM's internal ServerOSInstallation
// template, as an iLO installs an OS: mount the group OS setting's ISO on the virtual CD (and its unattended
// install image on the virtual USB stick), boot once from the CD, restart, wait for the installer, check that
// the host now runs an OS of the setting's type, unmount the media, and record the host OS on the server.
// `os_completion_timeout_min` bounds the wait; past it HPE unmounts the ISO and marks the install complete
// without confirmation, and so does OpenCOM. A server without a storage volume is refused first, as HPE's
// analyze-os-install prerequisite warns (servers.md §5.3).
import type { DeviceDriver, DeviceRef, HostOs, Outcome } from '../../devices/driver.ts';
import { findDetails } from '../../resources/servers/repository.ts';
import type { Db } from '../../store/store.ts';
import { end, wait, type Executor, type StepOutcome } from '../executor.ts';
import { changeServer, deviceFailure, deviceOf } from './device.ts';
import { describeOs, isOsOfType, readOsSetting, type OsSetting } from './os-setting.ts';

/** Simulated time between looks at the installer. */
const LOOK_MS = 2 * 60_000;
/** Media mounts and a boot override are taken at once; a short pause lets the iLO settle. */
const SETTLE_MS = 10_000;

interface InstallCheckpoint {
  phase?: 'boot' | 'restart' | 'installing' | 'eject';
  /** Looks at the installer so far: the timeout is counted in looks, as power jobs count theirs. */
  looks?: number;
  installed?: HostOs | null;
}

function failed(messageId: string, message: string, results: Record<string, unknown> = {}): StepOutcome {
  return end('ERROR', 'FAILURE', `JobErrorException : ${message}`, { results, reason: { message_id: messageId, message_args: [message] } });
}

/** Unmounts what the job may have mounted: a failed install must not leave the next boot on the installer. */
async function ejectAll(driver: DeviceDriver, device: DeviceRef): Promise<void> {
  await driver.ejectVirtualMedia(device, 'CD');
  await driver.ejectVirtualMedia(device, 'USBStick');
}

async function failedOnDevice(driver: DeviceDriver, device: DeviceRef, refusal: Exclude<Outcome<unknown>, { ok: true }>, what: string): Promise<StepOutcome> {
  await ejectAll(driver, device);
  return deviceFailure(refusal, what);
}

const internalOnly: Executor['validate'] = async () => [
  { source: 'field', subject: 'jobTemplate', description: 'this job is created by GroupOSInstallation (e2952628-2629-4088-93db-91742304ef0c); create that job on the group' },
];

export const serverOsInstallation: Executor = {
  validate: internalOnly,
  async step({ job, store, driver }) {
    const device = deviceOf(job);
    const cp = job.run.checkpoint as InstallCheckpoint;
    const setting = await readOsSetting(store, job.workspaceId, String(job.params['setting_id']));
    if (!setting) {
      if (cp.phase) await ejectAll(driver, device);
      return failed('GROUP-SETTING-MISSING', `The OS setting ${String(job.params['setting_id'])} no longer exists`);
    }
    const results = { settingId: setting.id, osType: setting.osType, mediaUrl: setting.mediaUrl };
    const timeoutMin = Number(job.params['os_completion_timeout_min'] ?? 240);

    switch (cp.phase) {
      case undefined:
        return mountMedia(job.workspaceId, device, setting, store, driver);
      case 'boot': {
        const set = await driver.setBootOverride(device, { target: 'Cd', enabled: 'Once' });
        if (!set.ok) return failedOnDevice(driver, device, set, 'Setting a one-time boot from the virtual CD failed');
        return wait({ phase: 'restart' }, SETTLE_MS, { status: 'Step 2 of 5: One-time boot from the virtual CD set' });
      }
      case 'restart': {
        const status = await driver.readStatus(device);
        if (!status.ok) return failedOnDevice(driver, device, status, 'Restarting the server failed');
        const restarted = await driver.power(device, status.value.powerState === 'OFF' ? 'On' : 'ForceRestart');
        if (!restarted.ok) return failedOnDevice(driver, device, restarted, 'Restarting the server failed');
        return wait({ phase: 'installing', looks: 0 }, LOOK_MS, { status: 'Step 3 of 5: Server restarted into the OS installer' });
      }
      case 'installing':
        return watchInstaller(device, setting, driver, cp.looks ?? 0, timeoutMin, results);
      case 'eject': {
        await ejectAll(driver, device);
        const media = await driver.readVirtualMedia(device);
        if (!media.ok) return deviceFailure(media, 'Unmounting the OS image failed');
        const left = media.value.filter((m) => m.inserted);
        if (left.length) return failed('OS-INSTALL-MEDIA-NOT-EJECTED', `The iLO still holds ${left.map((m) => m.image).join(', ')} after the eject`, results);
        const installed = cp.installed ?? null;
        if (!installed) {
          return end('COMPLETE', 'SUCCESS', `Complete: the installation was not confirmed within ${timeoutMin} minutes; the OS image was unmounted`, {
            results: { ...results, osVerified: false, mediaEjected: true },
          });
        }
        return end('COMPLETE', 'SUCCESS', 'Complete', {
          results: { ...results, osVerified: true, mediaEjected: true, installedOs: installed },
          writes: async (tx) => void (await changeServer(tx, job, (s) => ({ ...s, host: { ...installed }, hardware: { ...s.hardware, powerState: 'ON' } }))),
        });
      }
    }
  },
};

async function mountMedia(workspaceId: string, device: DeviceRef, setting: OsSetting, db: Db, driver: DeviceDriver): Promise<StepOutcome> {
  const details = await findDetails(db, workspaceId, device.serverId);
  if (!details?.hasStorageVolume) {
    return failed('OS-INSTALL-NO-STORAGE-VOLUME', 'The server has no storage volume to install the operating system on; create one, then check with analyze-os-install');
  }
  const cd = await driver.insertVirtualMedia(device, 'CD', setting.mediaUrl);
  if (!cd.ok) return deviceFailure(cd, 'Mounting the OS image on the virtual CD failed');
  if (setting.unattendedInstallationFileUrl) {
    const usb = await driver.insertVirtualMedia(device, 'USBStick', setting.unattendedInstallationFileUrl);
    if (!usb.ok) return failedOnDevice(driver, device, usb, 'Mounting the unattended installation image failed');
  }
  return wait({ phase: 'boot' }, SETTLE_MS, { status: `Step 1 of 5: ${setting.mediaUrl} mounted on the virtual CD` });
}

async function watchInstaller(device: DeviceRef, setting: OsSetting, driver: DeviceDriver, looks: number, timeoutMin: number, results: Record<string, unknown>): Promise<StepOutcome> {
  const host = await driver.readHost(device);
  if (!host.ok) return failedOnDevice(driver, device, host, 'Watching the OS installation failed');
  const { activity, message, bootOverride, os } = host.value;
  if (activity === 'InstallFailed' || activity === 'NoBootableDevice') {
    await ejectAll(driver, device);
    return failed('OS-INSTALL-FAILED', `The OS installation failed: ${message ?? activity}`, results);
  }
  // Running an OS once the one-time boot was used: the installer has finished and rebooted into what it installed.
  if (activity === 'OSRunning' && os && bootOverride.enabled !== 'Once') {
    if (!isOsOfType(os, setting.osType)) {
      await ejectAll(driver, device);
      return failed('OS-INSTALL-WRONG-OS', `The image installed ${describeOs(os)}, but the OS setting ${setting.name} asks for ${setting.osType}`, { ...results, installedOs: os });
    }
    return wait({ phase: 'eject', installed: os }, 0, { status: `Step 4 of 5: ${describeOs(os)} installed; unmounting the OS image` });
  }
  if ((looks + 1) * LOOK_MS > timeoutMin * 60_000) {
    return wait({ phase: 'eject', installed: null }, 0, { status: `Step 4 of 5: No confirmation within ${timeoutMin} minutes; unmounting the OS image` });
  }
  return wait({ phase: 'installing', looks: looks + 1 }, LOOK_MS, { status: `Step 3 of 5: ${message ?? `Waiting for the OS installer (${activity})`}` });
}
