// Which job is which approvable: the job templates whose actions an approval policy can guard
// (approvals.md §1.1 against the template catalogue, job-templates.md). Templates not listed are never held.
import type { ApprovableName } from './model.ts';

const BY_TEMPLATE_NAME: Readonly<Record<string, ApprovableName>> = {
  'FirmwareUpdate.New': 'Update firmware',
  GroupFirmwareUpdate: 'Update firmware',
  SppUpdate: 'Update firmware',
  GroupApplyInternalStorageSettings: 'Apply internal storage configuration',
  GroupOSInstallation: 'Install operating system image',
  GroupApplyExternalStorage: 'Apply external storage configuration',
  'PowerOn.New': 'Power on',
  'PowerOff.New': 'Power off',
  'Restart.New': 'Reset',
  ColdBoot: 'Cold boot',
  IloOnlyFirmwareUpdate: 'Update iLO firmware',
  GroupApplyServerSettings: 'Apply server settings (BIOS and iLO)',
  SetIloSettings: 'Apply server settings (BIOS and iLO)',
  FirmwareDownload: 'Download firmware',
  GroupFirmwareDownload: 'Download firmware',
};

/** The approvable a job of this template performs, or undefined when no policy can guard it. */
export function approvableOfTemplate(templateName: string): ApprovableName | undefined {
  return BY_TEMPLATE_NAME[templateName];
}
