// The activities location bindings record, one per server whose location changed (activities.md: "every
// change emits an activity"), in English and Japanese. Called inside the transaction of the binding change.
import { recordActivity } from '../activities/service.ts';
import type { Db } from '../../store/store.ts';
import type { Server } from '../servers/model.ts';
import type { ServerLocation } from './model.ts';

/** The location as named in a detail line: name and GreenLake id, since names need not be unique. */
const named = (l: Pick<ServerLocation, 'id' | 'name'>) => `${l.name} (${l.id})`;

async function record(tx: Db, key: string, server: Server, en: [string, string], ja: [string, string]): Promise<void> {
  await recordActivity(tx, server.workspaceId, {
    key,
    text: { en: { title: en[0], message: en[1], recommendedAction: null }, ja: { title: ja[0], message: ja[1], recommendedAction: null } },
    // The binding is a property of the server: clients look for it among the server's activities.
    source: { type: 'Server', id: server.id, name: server.name, resourceUri: `v1/servers/${server.id}` },
    associatedServerId: server.id,
  });
}

/** SERVER_LOCATION_ASSIGNED: the server is now bound to `location`; `previous` is where it was bound before, if anywhere. */
export async function recordLocationAssigned(tx: Db, server: Server, location: ServerLocation, previous: Pick<ServerLocation, 'id' | 'name'> | undefined): Promise<void> {
  const en = previous
    ? `Server ${server.name} was moved from location ${previous.name} to location ${location.name}`
    : `Server ${server.name} was assigned to location ${location.name}`;
  const ja = previous
    ? `サーバー ${server.name} がロケーション ${previous.name} からロケーション ${location.name} に移動されました`
    : `サーバー ${server.name} がロケーション ${location.name} に割り当てられました`;
  await record(
    tx,
    'SERVER_LOCATION_ASSIGNED',
    server,
    ['Server assigned to location', `${en}\n\nLocation: ${named(location)}`],
    ['サーバーがロケーションに割り当てられました', `${ja}\n\nロケーション: ${named(location)}`],
  );
}

/** SERVER_LOCATION_REMOVED: the server is no longer bound to `location`. */
export async function recordLocationRemoved(tx: Db, server: Server, location: ServerLocation): Promise<void> {
  await record(
    tx,
    'SERVER_LOCATION_REMOVED',
    server,
    ['Server removed from location', `Server ${server.name} was removed from location ${location.name}\n\nLocation: ${named(location)}`],
    ['サーバーがロケーションから削除されました', `サーバー ${server.name} がロケーション ${location.name} から削除されました\n\nロケーション: ${named(location)}`],
  );
}
