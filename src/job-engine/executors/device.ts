// What server executors share: the device a job is about, turning a refused device call into the job's end,
// and store writes to the server the job changed.
import type { DeviceRef, Outcome } from '../../devices/driver.ts';
import type { Issue } from '../../http/com-error.ts';
import type { Server } from '../../resources/servers/model.ts';
import { findServer } from '../../resources/servers/repository.ts';
import { updateServerState } from '../../resources/servers/service.ts';
import type { Db } from '../../store/store.ts';
import { end, type StepOutcome } from '../executor.ts';
import type { StoredJob } from '../model.ts';

export function deviceOf(job: StoredJob): DeviceRef {
  return { workspaceId: job.workspaceId, serverId: job.resource.id };
}

/** Message ids of `data.state_reason_message` per device refusal (FWE-… for firmware, SRV-… otherwise). */
const REASON_IDS: Record<Exclude<Outcome<unknown>, { ok: true }>['reason'], string> = {
  UNREACHABLE: 'SRV-101',
  AUTH_FAILED: 'SRV-102',
  NOT_FOUND: 'SRV-104',
  REFUSED: 'SRV-105',
  BUSY: 'SRV-106',
  TIMEOUT: 'SRV-107',
};

/** The end of a job whose device call was refused. */
export function deviceFailure(refusal: Exclude<Outcome<unknown>, { ok: true }>, what: string, extra: Partial<Extract<StepOutcome, { kind: 'end' }>> = {}): StepOutcome {
  return end('ERROR', 'FAILURE', `JobErrorException : ${what}: ${refusal.message}`, {
    reason: { message_id: REASON_IDS[refusal.reason], message_args: [refusal.message] },
    ...extra,
  });
}

/** Applies a change to the job's server inside the step's transaction (no-op when it was deleted meanwhile). */
export async function changeServer(tx: Db, job: StoredJob, change: (s: Server) => Server): Promise<Server | undefined> {
  return updateServerState(tx, job.workspaceId, job.resource.id, change);
}

/** Creation check shared by server jobs: the server must be connected to be acted on. */
export async function serverConnectedIssues(db: Db, workspaceId: string, serverId: string): Promise<Issue[]> {
  const server = await findServer(db, workspaceId, serverId);
  if (!server) return [{ source: 'field', subject: 'resourceId', description: `server ${serverId} does not exist` }];
  return [];
}

export const boolParam = (params: Record<string, unknown>, name: string, fallback: boolean): boolean => (typeof params[name] === 'boolean' ? (params[name] as boolean) : fallback);
