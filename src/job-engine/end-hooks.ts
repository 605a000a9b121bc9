// What other groups must do when a user ends a job by hand (PATCH state), inside that transaction: an
// approval request holding the job is withdrawn. Groups register here rather than being imported by the
// jobs group, so no import cycle forms.
import type { Db } from '../store/store.ts';
import type { StoredJob } from './model.ts';

export type JobEndedByUserHook = (tx: Db, job: StoredJob, who: string) => Promise<void>;

const hooks: JobEndedByUserHook[] = [];

export function onJobEndedByUser(hook: JobEndedByUserHook): void {
  if (!hooks.includes(hook)) hooks.push(hook);
}

export async function runJobEndedByUserHooks(tx: Db, job: StoredJob, who: string): Promise<void> {
  for (const hook of hooks) await hook(tx, job, who);
}
