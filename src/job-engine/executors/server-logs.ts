// "Collect Server log" (CollectServerLog, `collect_ahs_log` default false): reads the iLO Event Log and the
// Integrated Management Log from the BMC and, when asked, has it export the Active Health System log of the
// last week. The job's results say what was collected; the server's lastServerLogCollectionAt moves, which
// is what GET /v1/servers/{id}/download-logs needs to hand out a link, and the entries are kept (replacing the
// previous collection's) so that link's archive holds them.
import type { LogEntry, LogService } from '../../devices/driver.ts';
import { saveLogCollection } from '../../resources/servers/log-collections.ts';
import { formatMicros } from '../../store/time.ts';
import { end, type Executor } from '../executor.ts';
import { boolParam, changeServer, deviceFailure, deviceOf } from './device.ts';

/** COM's AHS tooling works on a week of data ("logs cover the last 7 days", ahs-files.md). */
const AHS_DAYS = 7;

const LOG_NAMES: Record<LogService, string> = { IEL: 'iLO Event Log', IML: 'Integrated Management Log' };

function logSummary(service: LogService, entries: readonly LogEntry[]) {
  const count = (severity: LogEntry['severity']) => entries.filter((e) => e.severity === severity).length;
  return {
    name: LOG_NAMES[service],
    service,
    entryCount: entries.length,
    criticalCount: count('Critical'),
    warningCount: count('Warning'),
    latestEntryAt: entries.at(-1)?.created ?? null,
    entries: entries.map((e) => ({ id: e.id, created: e.created, severity: e.severity, message: e.message })),
  };
}

export const collectServerLog: Executor = {
  async step({ job, driver, clock }) {
    const device = deviceOf(job);
    const withAhs = boolParam(job.params, 'collect_ahs_log', false);
    const iel = await driver.readLogEntries(device, 'IEL');
    if (!iel.ok) return deviceFailure(iel, 'Server log collection failed');
    const iml = await driver.readLogEntries(device, 'IML');
    if (!iml.ok) return deviceFailure(iml, 'Server log collection failed');
    const ahs = withAhs ? await driver.exportAhsLog(device, AHS_DAYS) : undefined;
    if (ahs && !ahs.ok) return deviceFailure(ahs, 'Active Health System log collection failed');
    // Stored timestamps carry microseconds, as every other timestamp in the store.
    const now = formatMicros(BigInt(clock.now()) * 1000n);
    return end('COMPLETE', 'SUCCESS', 'Complete', {
      results: {
        collectedAt: now,
        collectAhsLog: withAhs,
        logs: [logSummary('IEL', iel.value), logSummary('IML', iml.value)],
        ahsLog: ahs?.ok ? { fileName: ahs.value.fileName, sizeBytes: ahs.value.sizeBytes, startDate: ahs.value.from, endDate: ahs.value.to } : null,
      },
      writes: async (tx) => {
        const server = await changeServer(tx, job, (s) => ({ ...s, lastServerLogCollectionAt: now }));
        // A server deleted while the job ran has nothing to keep the logs with.
        if (server) await saveLogCollection(tx, job.workspaceId, server.id, { collectedAt: now, iel: iel.value, iml: iml.value, ahsLog: ahs?.ok ? ahs.value : null });
      },
    });
  },
};
