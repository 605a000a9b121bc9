// What other groups must do when a group is deleted, inside the deleting transaction (approval policies
// drop it from their coverage). Groups that depend on groups register here rather than being imported by
// them, so no import cycle forms.
import type { Db } from '../../store/store.ts';

export type GroupDeletionHook = (tx: Db, workspaceId: string, groupId: string) => Promise<void>;

const hooks: GroupDeletionHook[] = [];

export function onGroupDeleted(hook: GroupDeletionHook): void {
  if (!hooks.includes(hook)) hooks.push(hook);
}

export async function runGroupDeletionHooks(tx: Db, workspaceId: string, groupId: string): Promise<void> {
  for (const hook of hooks) await hook(tx, workspaceId, groupId);
}
