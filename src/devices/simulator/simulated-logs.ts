// A simulated iLO's logs: the iLO Event Log and the Integrated Management Log start from what the seed says
// about the server, and grow with what happens to the device; the Active Health System log is a file whose
// name follows iLO's download naming and whose size grows with the period and the events it covers.
import type { AhsLogFile, DeviceStatus, FirmwareComponent, LogEntry, LogService } from '../driver.ts';
import { stableHash } from '../stable-hash.ts';

/** iLO keeps a bounded number of entries per log and drops the oldest. */
const MAX_ENTRIES = 500;
const DAY_MS = 86_400_000;

export type SimLogs = Record<LogService, LogEntry[]>;

export function appendLog(logs: SimLogs, log: LogService, atMs: number, severity: LogEntry['severity'], message: string): void {
  const entries = logs[log];
  const lastId = Number(entries.at(-1)?.id ?? 0);
  entries.push({ id: String(lastId + 1), created: new Date(atMs).toISOString(), severity, message });
  if (entries.length > MAX_ENTRIES) entries.splice(0, entries.length - MAX_ENTRIES);
}

/** The history a device already has when it is first seen: last week's IML clear, its BMC firmware, its power and health. */
export function seedLogs(nowMs: number, status: DeviceStatus, firmware: readonly FirmwareComponent[]): SimLogs {
  const logs: SimLogs = { IEL: [], IML: [] };
  const since = nowMs - 7 * DAY_MS;
  appendLog(logs, 'IML', since, 'OK', 'IML Cleared (iLO user: Administrator)');
  const bmc = firmware.find((f) => /^iLO \d/.test(f.name));
  if (bmc) appendLog(logs, 'IEL', since + 60_000, 'OK', `Firmware flashed (${bmc.name} ${bmc.version})`);
  appendLog(logs, 'IEL', since + 120_000, 'OK', 'iLO network link up at 1000 Mbps.');
  if (status.powerState !== 'OFF') appendLog(logs, 'IEL', since + 180_000, 'OK', 'Server power restored.');
  if (status.health === 'WARNING' || status.health === 'CRITICAL') appendLog(logs, 'IML', since + DAY_MS, healthSeverity(status.health), healthMessage(status.health));
  return logs;
}

export function healthSeverity(health: 'WARNING' | 'CRITICAL'): LogEntry['severity'] {
  return health === 'WARNING' ? 'Warning' : 'Critical';
}

export function healthMessage(health: 'WARNING' | 'CRITICAL'): string {
  return health === 'WARNING' ? 'System health degraded: a monitored subsystem reports a warning.' : 'System health critical: a monitored subsystem has failed.';
}

/** How the IEL words a power change the BMC carried out. */
export function powerMessage(target: DeviceStatus['powerState'], wasOn: boolean): string {
  return target === 'OFF' ? 'Server power removed.' : wasOn ? 'Server reset.' : 'Server power restored.';
}

/**
 * The AHS file of the last `days` days, named as iLO names its downloads (HPE_<serial>_<yyyymmdd>.ahs). A
 * ProLiant records about 1.2–2 MB of AHS data a day (steady per server) plus a little per logged event.
 */
export function ahsFile(serverKey: string, serialNumber: string, nowMs: number, days: number, logs: SimLogs): AhsLogFile {
  const perDay = 1_200_000 + (stableHash(serverKey) % 800_000);
  const events = logs.IEL.length + logs.IML.length;
  const to = new Date(nowMs);
  const stamp = to.toISOString().slice(0, 10).replaceAll('-', '');
  return { fileName: `HPE_${serialNumber}_${stamp}.ahs`, sizeBytes: perDay * days + 2048 * events, from: new Date(nowMs - days * DAY_MS).toISOString(), to: to.toISOString() };
}
