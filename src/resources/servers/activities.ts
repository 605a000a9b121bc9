// The activities server writes record (activities.md: "every change emits an activity"), with their English
// and Japanese texts. Called inside the transaction of the write they describe, so a refused or rolled-back
// write records nothing.
import { recordActivity, type NewActivity } from '../activities/service.ts';
import type { Db } from '../../store/store.ts';
import { choicesDetail, SOURCE_TYPE as PREFERENCES_SOURCE, type Texts } from '../user-preferences/activities.ts';
import type { NotificationChoices } from '../user-preferences/model.ts';
import type { Server, ServerPatch } from './model.ts';

/** The server as an activity source; the URI is prefix-less so the feed follows each request's prefix. */
export function serverSource(server: Server, path = ''): NewActivity['source'] {
  return { type: 'Server', id: server.id, name: server.name, resourceUri: `v1/servers/${server.id}${path}` };
}

function text(title: [string, string], message: [string, string]): Texts {
  return { en: { title: title[0], message: message[0], recommendedAction: null }, ja: { title: title[1], message: message[1], recommendedAction: null } };
}

/** The wire members a patch wrote, never their values (a password must not reach the feed). */
function patchedMembers(patch: ServerPatch): string[] {
  const members: string[] = [];
  if (patch.autoIloFwUpdate !== undefined) members.push('autoIloFwUpdate');
  if (patch.applianceId !== undefined) members.push('appliance.applianceId');
  if (patch.credentials !== undefined) members.push('hardware.bmc.userDefined');
  return members;
}

/** SERVER_UPDATED: one per server a PATCH (single or multi-server) saved; `server` is the saved state. */
export async function recordServerUpdated(tx: Db, server: Server, patch: ServerPatch): Promise<void> {
  const members = patchedMembers(patch);
  const en = members.length ? members.join(', ') : 'none';
  const ja = members.length ? members.join('、') : 'なし';
  await recordActivity(tx, server.workspaceId, {
    key: 'SERVER_UPDATED',
    text: text(['Server updated', 'サーバーが更新されました'], [`Server ${server.name} was updated\n\nChanged: ${en}`, `サーバー ${server.name} が更新されました\n\n変更: ${ja}`]),
    source: serverSource(server),
    associatedServerId: server.id,
    at: server.updatedAt,
  });
}

/** SERVER_REMOVED: the server left Compute Ops Management (DELETE). The activity outlives the server. */
export async function recordServerRemoved(tx: Db, server: Server): Promise<void> {
  const how = server.connectionType ?? 'unknown';
  await recordActivity(tx, server.workspaceId, {
    key: 'SERVER_REMOVED',
    text: text(
      ['Server removed from Compute Ops Management', 'サーバーが Compute Ops Management から削除されました'],
      [`Server ${server.name} was removed from Compute Ops Management\n\nConnection type: ${how}`, `サーバー ${server.name} が Compute Ops Management から削除されました\n\n接続タイプ: ${how}`],
    ),
    source: serverSource(server),
    associatedServerId: server.id,
  });
}

/**
 * SERVER_NOTIFICATIONS_UPDATED: one user's e-mail choices for one server changed. The source type is
 * `User Preferences` (it is a notification preference, not a change of the server), its id the server's so
 * `source/id eq '<server>'` still finds it.
 */
export async function recordNotificationsUpdated(tx: Db, server: Server, email: string, choices: NotificationChoices): Promise<void> {
  const detail = choicesDetail(choices);
  await recordActivity(tx, server.workspaceId, {
    key: 'SERVER_NOTIFICATIONS_UPDATED',
    text: text(
      ['Server notifications updated', 'サーバーの通知設定が更新されました'],
      [
        `Notification preferences of ${email} for server ${server.name} were updated\n\n${detail.en}`,
        `サーバー ${server.name} に対する ${email} の通知設定が更新されました\n\n${detail.ja}`,
      ],
    ),
    source: { ...serverSource(server, '/notifications'), type: PREFERENCES_SOURCE },
    associatedServerId: server.id,
  });
}
