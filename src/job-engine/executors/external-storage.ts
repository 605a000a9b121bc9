// GetServerExternalStorage, "Server External Storage Details": reads what the server sees of its SAN and stores
// it as the server's external storage details (servers.md §5.5), which GET …/external-storage-details serves
// from then on. A server with no external volume has none: the view answers 404 again.
import type { ExternalStorageConnections } from '../../devices/driver.ts';
import { saveExternalStorage, storedDetails } from '../../resources/servers/details-service.ts';
import type { ExternalStorageHostOs, ServerDetails } from '../../resources/servers/model.ts';
import type { Db } from '../../store/store.ts';
import { nowTimestamp } from '../../store/time.ts';
import { end, type Executor } from '../executor.ts';
import type { StoredJob } from '../model.ts';
import { deviceFailure, deviceOf, serverConnectedIssues } from './device.ts';

/** The host OS as the server reports it → the array's host personas COM names (externalStorageHostOS). */
const HOST_OSES: readonly [RegExp, ExternalStorageHostOs][] = [
  [/esxi|vmware/i, 'VMWARE_ESXI'],
  [/windows/i, 'WINDOWS_SERVER'],
  [/red hat.*virtualization|rhev/i, 'RHE_VIRTUALIZATION'],
  [/red hat|rhel/i, 'RHE_LINUX'],
  [/suse.*virtualization/i, 'SUSE_VIRTUALIZATION'],
  [/suse|sles/i, 'SUSE_LINUX'],
  [/ubuntu/i, 'UBUNTU'],
  [/oracle linux|uek/i, 'OE_LINUX_UEK'],
  [/oracle vm/i, 'ORACLE_VM'],
  [/citrix|xenserver/i, 'CITRIX_HYPERVISOR'],
  [/solaris/i, 'SOLARIS'],
  [/hp-ux/i, 'HP_UX'],
  [/openvms/i, 'OPENVMS'],
  [/aix/i, 'AIX'],
];

export function hostOsOf(osName: string): ExternalStorageHostOs {
  return HOST_OSES.find(([pattern]) => pattern.test(osName))?.[1] ?? 'UNKNOWN';
}

type Details = NonNullable<ServerDetails['externalStorage']>;

/** The details COM shows: host groups once each, volumes by LUN; first gathered when it first had some. */
function detailsOf(connections: ExternalStorageConnections, previous: Details | null, at: string): Details {
  const hostGroups = [...new Map(connections.volumes.map((v) => [v.hostGroup.id, { id: v.hostGroup.id, name: v.hostGroup.name }])).values()];
  return {
    createdAt: previous?.createdAt ?? at,
    updatedAt: at,
    generation: (previous?.generation ?? 0) + 1,
    hostName: connections.hostName,
    hostOs: hostOsOf(connections.osName),
    hostGroups,
    volumeDetails: connections.volumes.map((v) => ({ lun: v.lun, name: v.name })).sort((a, b) => a.lun - b.lun),
  };
}

async function store(tx: Db, job: StoredJob, connections: ExternalStorageConnections | null): Promise<void> {
  const previous = (await storedDetails(tx, job.workspaceId, job.resource.id))?.externalStorage ?? null;
  await saveExternalStorage(tx, job.workspaceId, job.resource.id, connections && detailsOf(connections, previous, nowTimestamp()));
}

export const serverExternalStorage: Executor = {
  validate: (db, job) => serverConnectedIssues(db, job.workspaceId, job.resource.id),

  async step({ job, driver }) {
    const read = await driver.readExternalStorage(deviceOf(job));
    if (!read.ok) return deviceFailure(read, 'Collecting external storage details failed');
    const connections = read.value && read.value.volumes.length ? read.value : null;
    return end('COMPLETE', 'SUCCESS', 'Complete', {
      results: {
        externalStorageFound: connections !== null,
        hostName: connections?.hostName ?? null,
        volumes: connections?.volumes.length ?? 0,
        arrays: [...new Set(connections?.volumes.map((v) => v.array) ?? [])],
      },
      writes: (tx) => store(tx, job, connections),
    });
  },
};
