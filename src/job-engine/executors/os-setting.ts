// The OS setting of a group as the OS installation reads it (settings.md §4.4): the OS type it asks for, the
// ISO and the optional unattended-install image; and whether what a host reports is an OS of that type.
import type { HostOs } from '../../devices/driver.ts';
import { findSetting } from '../../resources/settings/service.ts';
import type { Db } from '../../store/store.ts';

export interface OsSetting {
  id: string;
  name: string;
  osType: string;
  mediaUrl: string;
  unattendedInstallationFileUrl: string | null;
}

export async function readOsSetting(db: Db, workspaceId: string, settingId: string): Promise<OsSetting | undefined> {
  const setting = await findSetting(db, workspaceId, settingId);
  const payload = setting?.category === 'OS' ? setting.settings.DEFAULT : undefined;
  if (!setting || typeof payload?.['mediaUrl'] !== 'string') return undefined;
  const unattended = payload['unattendedInstallationFileUrl'];
  return {
    id: setting.id,
    name: setting.name,
    osType: String(payload['osType']),
    mediaUrl: payload['mediaUrl'],
    unattendedInstallationFileUrl: typeof unattended === 'string' && unattended !== '' ? unattended : null,
  };
}

/** How each setting OS type shows in a host's report (AMS OS names); types without an entry (CUSTOM…) take any OS. */
const OS_NAMES: Record<string, RegExp> = {
  VMWARE_ESXI: /^VMware ESXi/,
  RHEL: /^Red Hat Enterprise Linux/,
  SUSE_LINUX: /^SUSE Linux/,
  UBUNTU_LINUX: /^Ubuntu/,
  MICROSOFT_WINDOWS: /^Microsoft Windows/,
  ORACLE_LINUX: /^Oracle Linux/,
  ROCKY_LINUX: /^Rocky Linux/,
  CENTOS_LINUX: /^CentOS/,
};

export function isOsOfType(os: HostOs, osType: string): boolean {
  const pattern = OS_NAMES[osType];
  return pattern ? pattern.test(os.osName ?? '') : true;
}

export const describeOs = (os: HostOs): string => os.osDescription ?? ([os.osName, os.osVersion].filter(Boolean).join(' ') || 'an unknown OS');
