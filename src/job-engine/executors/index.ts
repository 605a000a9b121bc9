// Executors by template name: what the engine runs for each job template. A template without an executor
// cannot be created through the API (400) — the catalogue still lists it so lookups by name succeed. Those are
// the templates OpenCOM cannot honestly perform with its device layer: OneView appliances, vCenter, internal
// and external storage, and HPE's internal reports.
import type { Executor } from '../executor.ts';
import { firmwareDownload, groupFirmwareDownload } from './firmware-download.ts';
import { firmwareUpdate, iloOnlyFirmwareUpdate } from './firmware-update.ts';
import { groupApplyServerSettings } from './group-apply-settings.ts';
import { groupFirmwareCompliance } from './group-compliance.ts';
import { groupFirmwareUpdate } from './group-firmware-update.ts';
import { groupOsInstallation } from './group-os-installation.ts';
import { serverExternalStorage } from './external-storage.ts';
import { calculateIloSettingsCompliance, groupIloSettingsCompliance } from './ilo-compliance.ts';
import { iloSecurity } from './ilo-security.ts';
import { groupApplyInternalStorageSettings } from './internal-storage.ts';
import { serverNetworkConnectivity } from './network-connectivity.ts';
import { coldBoot, powerOff, powerOn, restart } from './power.ts';
import { collectServerLog } from './server-logs.ts';
import { serverOsInstallation } from './server-os-installation.ts';
import { fullInventory, maintenanceOff, maintenanceOn, uidOff, uidOn } from './server-simple.ts';
import { applyBiosSettings, setIloSettings } from './server-settings.ts';

const EXECUTORS = new Map<string, Executor>([
  ['PowerOn.New', powerOn],
  ['PowerOff.New', powerOff],
  ['Restart.New', restart],
  ['ColdBoot', coldBoot],
  ['UidIndicatorOn', uidOn],
  ['UidIndicatorOff', uidOff],
  ['ServerMaintenanceModeEnable', maintenanceOn],
  ['ServerMaintenanceModeDisable', maintenanceOff],
  ['GetFullServerInventory', fullInventory],
  ['iLOSecurity', iloSecurity],
  ['GetServerExternalStorage', serverExternalStorage],
  ['ServerNetworkConnectivity', serverNetworkConnectivity],
  ['CollectServerLog', collectServerLog],
  ['FirmwareUpdate.New', firmwareUpdate],
  ['GroupFirmwareUpdate', groupFirmwareUpdate],
  ['GroupFirmwareCompliance', groupFirmwareCompliance],
  ['IloOnlyFirmwareUpdate', iloOnlyFirmwareUpdate],
  ['FirmwareDownload', firmwareDownload],
  ['GroupFirmwareDownload', groupFirmwareDownload],
  ['GroupApplyServerSettings', groupApplyServerSettings],
  // Both template ids; on a server, the per-server child of the group job (refused through the jobs API).
  ['GroupApplyInternalStorageSettings', groupApplyInternalStorageSettings],
  ['GroupiLOSettingsCompliance', groupIloSettingsCompliance],
  ['CalculateiLOSettingsCompliance', calculateIloSettingsCompliance],
  // Children of GroupApplyServerSettings only (their executors refuse creation through the jobs API).
  ['SetIloSettings', setIloSettings],
  ['ApplySettingsTemplate', applyBiosSettings],
  ['GroupOSInstallation', groupOsInstallation],
  // The per-server child of GroupOSInstallation (refused through the jobs API).
  ['ServerOSInstallation', serverOsInstallation],
]);

export function executorFor(templateName: string): Executor | undefined {
  return EXECUTORS.get(templateName);
}

/** Adds or replaces an executor (tests register probes; later groups register their own templates). */
export function registerExecutor(templateName: string, executor: Executor): void {
  EXECUTORS.set(templateName, executor);
}
