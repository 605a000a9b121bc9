// The activities group changes leave in the feed (activities.md §3: group membership changes, and every API
// write), recorded in the change's own transaction, in English and Japanese.
import type { Db } from '../../store/store.ts';
import { recordActivity } from '../activities/service.ts';
import type { Group } from './model.ts';

export type GroupEvent = 'CREATED' | 'UPDATED' | 'DELETED';

const WORDING: Record<GroupEvent, { en: [string, string]; ja: [string, string] }> = {
  CREATED: { en: ['Group created', 'was created'], ja: ['グループが作成されました', 'が作成されました'] },
  UPDATED: { en: ['Group updated', 'was updated'], ja: ['グループが更新されました', 'が更新されました'] },
  DELETED: { en: ['Group deleted', 'was deleted'], ja: ['グループが削除されました', 'が削除されました'] },
};

/** One canonical URI whichever version made the change (prefix-less, as activities store it). */
const groupSource = (g: Pick<Group, 'id' | 'name'>) => ({ type: 'Group', id: g.id, name: g.name, resourceUri: `v1/groups/${g.id}` });

/** GROUP_CREATED / _UPDATED / _DELETED; `detail` is an extra English line (e.g. what a side effect changed). */
export async function recordGroupChange(tx: Db, event: GroupEvent, group: Group, detail?: string): Promise<void> {
  const words = WORDING[event];
  await recordActivity(tx, group.workspaceId, {
    key: `GROUP_${event}`,
    text: {
      en: { title: words.en[0], message: `Group ${group.name} ${words.en[1]}${detail ? `\n\nDetails: ${detail}` : ''}`, recommendedAction: null },
      ja: { title: words.ja[0], message: `グループ ${group.name} ${words.ja[1]}${detail ? `\n\n詳細: ${detail}` : ''}`, recommendedAction: null },
    },
    source: groupSource(group),
    groupId: group.id,
    groupDisplayName: group.name,
  });
}

/** GROUP_SERVER_ADDED / GROUP_SERVER_REMOVED: "Server added or removed from a group" (groups.md §6.7). */
export async function recordMembershipChange(tx: Db, added: boolean, group: Pick<Group, 'id' | 'name' | 'workspaceId'>, server: { id: string; name: string }): Promise<void> {
  await recordActivity(tx, group.workspaceId, {
    key: added ? 'GROUP_SERVER_ADDED' : 'GROUP_SERVER_REMOVED',
    args: { serverName: server.name, groupName: group.name },
    source: groupSource(group),
    associatedServerId: server.id,
    groupId: group.id,
    groupDisplayName: group.name,
  });
}
