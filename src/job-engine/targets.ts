// What a job can act on, as the groups that own those things answer it: a group registers a lookup for its
// resource type, and job creation asks it whether the target exists in the caller's workspace. The engine
// never imports a group; groups come to it.
import type { Db } from '../store/store.ts';
import type { JobResourceType } from './model.ts';

/** The target as seen from the job: enough to name it in messages. Undefined when it does not exist. */
export type JobTargetLookup = (db: Db, workspaceId: string, id: string) => Promise<{ name: string } | undefined>;

const lookups = new Map<JobResourceType, JobTargetLookup>();

/** Registers (or replaces) how targets of one type are found; called by the owning group at startup. */
export function registerJobTarget(type: JobResourceType, lookup: JobTargetLookup): void {
  lookups.set(type, lookup);
}

/** Whether any group answers for targets of this type yet. */
export function hasJobTargetLookup(type: JobResourceType): boolean {
  return lookups.has(type);
}

/** The target in the workspace, or undefined when it does not exist there or nobody answers for its type. */
export async function findJobTarget(db: Db, type: JobResourceType, workspaceId: string, id: string): Promise<{ name: string } | undefined> {
  const lookup = lookups.get(type);
  return lookup ? lookup(db, workspaceId, id) : undefined;
}
