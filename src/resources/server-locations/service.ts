// Server-location operations: read a location's binding, bind and unbind OneView-managed servers (load →
// change → validate → save in one transaction, scoped to the caller's workspace), and seed the demo fleet.
import { ComError } from '../../http/com-error.ts';
import { checkIfMatch } from '../../http/if-match.ts';
import type { CallContext } from '../../http/request-context.ts';
import type { Db, Store } from '../../store/store.ts';
import { nowTimestamp } from '../../store/time.ts';
import type { Server } from '../servers/model.ts';
import { findServers } from '../servers/repository.ts';
import { recordLocationAssigned, recordLocationRemoved } from './activities.ts';
import type { ServerLocation } from './model.ts';
import * as repo from './repository.ts';
import { bodySubject, malformedIdIssues, notOneViewIssues, querySubject, unknownServerIssues, type SubjectOf } from './rules.ts';
import { locationIdFrom, siteLocation } from './sites.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Another request changed the location between our read and our write; the attempt is retried. */
class ConcurrentChange extends Error {}

const ATTEMPTS = 3;

export class ServerLocationService {
  constructor(private readonly store: Store) {}

  async get(ctx: CallContext, id: string): Promise<ServerLocation> {
    return this.load(this.store, ctx, id);
  }

  /**
   * Binds OneView-managed servers to the location; a server bound elsewhere moves here (one location per
   * server), and the location it left also gets a new generation. Nothing to change → nothing changes.
   */
  async assign(ctx: CallContext, id: string, serverIds: readonly string[], ifMatch?: string | string[]): Promise<ServerLocation> {
    return this.retrying(async (tx) => {
      const current = await this.load(tx, ctx, id);
      checkIfMatch(ifMatch, current.generation);
      const found = await checkServers(tx, ctx.workspaceId, serverIds, bodySubject('servers'));
      const ids = [...found.keys()];
      const bound = await repo.bindingsOf(tx, ctx.workspaceId, ids);
      const arriving = ids.filter((s) => bound.get(s) !== current.id);
      if (arriving.length === 0) return current;
      const left = [...new Set(arriving.flatMap((s) => bound.get(s) ?? []))];
      const next = changed(current, [...current.servers, ...arriving]);
      // Locations are updated in id order, so two moves in opposite directions cannot deadlock on PostgreSQL.
      for (const locationId of [current.id, ...left].sort()) {
        if (locationId === current.id) await save(tx, next, current.generation);
        else await repo.bumpLocations(tx, ctx.workspaceId, [locationId], next.updatedAt);
      }
      await repo.bindServers(tx, ctx.workspaceId, current.id, arriving, true);
      const previous = await repo.findLocationHeads(tx, ctx.workspaceId, left);
      for (const s of arriving) {
        const from = bound.get(s);
        await recordLocationAssigned(tx, found.get(s)!, next, from === undefined ? undefined : previous.get(from));
      }
      return next;
    });
  }

  /** Unbinds OneView-managed servers from the location; listed servers bound elsewhere or nowhere are left alone. */
  async remove(ctx: CallContext, id: string, serverIds: readonly string[], ifMatch?: string | string[]): Promise<ServerLocation> {
    return this.retrying(async (tx) => {
      const current = await this.load(tx, ctx, id);
      checkIfMatch(ifMatch, current.generation);
      const found = await checkServers(tx, ctx.workspaceId, serverIds, querySubject('id'));
      const ids = new Set(found.keys());
      const leaving = current.servers.filter((s) => ids.has(s));
      if (leaving.length === 0) return current;
      const next = changed(current, current.servers.filter((s) => !ids.has(s)));
      await save(tx, next, current.generation);
      await repo.unbindServers(tx, ctx.workspaceId, current.id, leaving);
      for (const s of leaving) await recordLocationRemoved(tx, found.get(s)!, current);
      return next;
    });
  }

  /**
   * Runs a change in one transaction; a lost race is retried from a fresh read, so a client that sent no
   * If-Match sees its change applied, and one that did gets the 412 its stale generation deserves.
   */
  private async retrying<T>(change: (tx: Db) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.store.transaction(change);
      } catch (err) {
        if (!(err instanceof ConcurrentChange)) throw err;
        if (attempt === ATTEMPTS) throw new ComError('PRECONDITION_FAILED', 'The location kept changing while it was being updated; retry');
      }
    }
  }

  /** The location with this id in the caller's workspace; anything else (odd ids included) is 404. */
  private async load(db: Db, ctx: CallContext, id: string): Promise<ServerLocation> {
    const found = UUID.test(id) ? await repo.findLocation(db, ctx.workspaceId, id.toLowerCase()) : undefined;
    if (!found) throw new ComError('NOT_FOUND', `Server location ${id} was not found`);
    return found;
  }
}

function changed(current: ServerLocation, servers: string[]): ServerLocation {
  return { ...current, servers: [...new Set(servers)].sort(), generation: current.generation + 1, updatedAt: nowTimestamp() };
}

async function save(tx: Db, next: ServerLocation, expectedGeneration: number): Promise<void> {
  if (!(await repo.saveLocationChange(tx, next, expectedGeneration))) throw new ConcurrentChange();
}

/**
 * Malformed ids are 400, servers not in the workspace 404, servers not managed through OneView 400. Returns
 * each listed server once, by id, in request order.
 */
async function checkServers(db: Db, workspaceId: string, requested: readonly string[], subjectOf: SubjectOf): Promise<Map<string, Server>> {
  const malformed = malformedIdIssues(requested, subjectOf);
  if (malformed.length) throw ComError.badRequest(malformed);
  const ids = [...new Set(requested)];
  const found = await findServers(db, workspaceId, ids);
  const unknown = unknownServerIssues(requested, found, subjectOf);
  if (unknown.length) {
    throw new ComError('NOT_FOUND', `Servers not found: ${[...new Set(requested.filter((id) => !found.has(id)))].join(', ')}`, [
      { type: 'hpe.greenlake.bad_request', issues: unknown },
    ]);
  }
  const direct = notOneViewIssues(requested, found, subjectOf);
  if (direct.length) throw ComError.badRequest(direct);
  return new Map(ids.map((id) => [id, found.get(id)!]));
}

/** The location (GreenLake id and name) of each listed server that is bound to one; for grouping by location. */
export async function findServerLocations(db: Db, workspaceId: string, serverIds: readonly string[]): Promise<Map<string, { id: string; name: string }>> {
  return repo.locationsOfServers(db, workspaceId, serverIds);
}

/**
 * Binds the listed servers of the workspace to GreenLake locations derived from their `location` and `room`
 * tags (one location per room, id fixed by seed and workspace). Idempotent: existing locations and bindings
 * stay; a location that gains servers gets a new generation. The servers must already be stored.
 */
export async function seedLocations(db: Db, workspaceId: string, servers: readonly Server[], seed: number): Promise<void> {
  const sites = new Map<string, { id: string; location: string; room: string | null; servers: Server[] }>();
  for (const server of servers) {
    const location = server.tags?.location?.trim();
    if (!location) continue;
    const room = server.tags?.room?.trim() || null;
    const key = `${location.toLowerCase()}\u0000${room ?? ''}`;
    const site = sites.get(key) ?? { id: locationIdFrom(`server-locations/${seed}/${workspaceId}/${key}`), location, room, servers: [] };
    site.servers.push(server);
    sites.set(key, site);
  }
  const existing = await repo.findLocationHeads(db, workspaceId, [...sites.values()].map((s) => s.id));
  const bound = await repo.bindingsOf(db, workspaceId, [...new Set([...sites.values()].flatMap((s) => s.servers.map((v) => v.id)))]);
  for (const site of sites.values()) {
    const fresh = [...new Set(site.servers.filter((s) => !bound.has(s.id)).map((s) => s.id))];
    const known = existing.get(site.id);
    if (!known) {
      // The location was set when its first server was onboarded, and last changed with its newest one.
      const created = site.servers.map((s) => s.createdAt).sort();
      await repo.insertLocation(db, {
        ...siteLocation(site.location, site.room),
        id: site.id,
        workspaceId,
        generation: 1,
        createdAt: created[0]!,
        updatedAt: created[created.length - 1]!,
        servers: [],
      });
    } else if (fresh.length > 0) {
      await repo.saveLocationChange(db, { ...known, generation: known.generation + 1, updatedAt: nowTimestamp() }, known.generation);
    }
    await repo.bindServers(db, workspaceId, site.id, fresh, false);
    for (const id of fresh) bound.set(id, site.id);
  }
}
