// What a download-logs archive holds: a summary of the server and, once CollectServerLog succeeded, the
// entries of its latest collection — the iLO Event Log and the IML as JSON (the Redfish LogEntry fields the
// BMC reported) and a note describing the Active Health System export, whose bytes OpenCOM does not hold.
import type { LogEntry, LogService } from '../../devices/driver.ts';
import type { ArchiveFile } from './log-archive.ts';
import type { ServerLogCollection } from './log-collections.ts';
import type { Server } from './model.ts';

const LOG_FILES: Record<LogService, { file: string; name: string }> = {
  IEL: { file: 'iel.json', name: 'iLO Event Log' },
  IML: { file: 'iml.json', name: 'Integrated Management Log' },
};

/** Folder of every file in the archive, as COM's own archive is named (HPE-<serial>.zip). */
export const archiveFolder = (server: Server): string => `HPE-${server.hardware.serialNumber}`;

function summary(server: Server, collection: ServerLogCollection | undefined): string {
  const lines = [
    'OpenCOM server log archive',
    `server: ${server.id}`,
    `serialNumber: ${server.hardware.serialNumber}`,
    `model: ${server.hardware.model ?? 'unknown'}`,
    `collectedAt: ${collection?.collectedAt ?? server.lastServerLogCollectionAt}`,
  ];
  if (collection) {
    lines.push(
      `${LOG_FILES.IEL.file}: ${collection.iel.length} entries`,
      `${LOG_FILES.IML.file}: ${collection.iml.length} entries`,
      `ahs.txt: ${collection.ahsLog ? collection.ahsLog.fileName : 'not collected (collect_ahs_log was false)'}`,
    );
  }
  return [...lines, ''].join('\n');
}

function logFile(service: LogService, collectedAt: string, entries: readonly LogEntry[]): string {
  const { name } = LOG_FILES[service];
  return JSON.stringify({ name, service, collectedAt, entryCount: entries.length, entries }, null, 2) + '\n';
}

function ahsNote(ahs: NonNullable<ServerLogCollection['ahsLog']>): string {
  return [
    'Active Health System log export',
    `fileName: ${ahs.fileName}`,
    `sizeBytes: ${ahs.sizeBytes}`,
    `startDate: ${ahs.from}`,
    `endDate: ${ahs.to}`,
    '',
    'The BMC exported this file; OpenCOM keeps only what the BMC reported about it, not the .ahs data itself,',
    'so the file is not part of this archive. Download it from the iLO (Active Health System Log page) if needed.',
    '',
  ].join('\n');
}

/** The archive's files: the summary alone before any collection, the collected logs after one. */
export function logArchiveFiles(server: Server, collection: ServerLogCollection | undefined): ArchiveFile[] {
  const folder = archiveFolder(server);
  const files: ArchiveFile[] = [{ name: `${folder}/summary.txt`, content: summary(server, collection) }];
  if (!collection) return files;
  files.push(
    { name: `${folder}/${LOG_FILES.IEL.file}`, content: logFile('IEL', collection.collectedAt, collection.iel) },
    { name: `${folder}/${LOG_FILES.IML.file}`, content: logFile('IML', collection.collectedAt, collection.iml) },
  );
  if (collection.ahsLog) files.push({ name: `${folder}/ahs.txt`, content: ahsNote(collection.ahsLog) });
  return files;
}
