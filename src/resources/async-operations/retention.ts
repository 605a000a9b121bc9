// The 7-day retention of async operations (conventions §11: list and get cover the last 7 days). Reads
// apply the window themselves, so purging is housekeeping only: late or skipped purges change no answer.
import type { Db } from '../../store/store.ts';
import { formatMicros } from '../../store/time.ts';
import { RETENTION_DAYS } from './model.ts';
import { deleteOperationsBefore } from './repository.ts';

const DAY_MS = 86_400_000;

/** The oldest createdAt still served at `now`. */
export function retentionCutoff(now: Date = new Date()): string {
  return formatMicros(BigInt(now.getTime() - RETENTION_DAYS * DAY_MS) * 1000n);
}

/**
 * Deletes the operations of every workspace that are older than the retention window; returns how many.
 * Meant for a background task; one indexed DELETE, safe to run at any time and from any process.
 */
export async function purgeExpiredAsyncOperations(db: Db, now: Date = new Date()): Promise<number> {
  return deleteOperationsBefore(db, retentionCutoff(now));
}
