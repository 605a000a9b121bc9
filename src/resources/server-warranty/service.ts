// Server-warranty operations: read-only for clients (COM publishes no write), scoped to the caller's
// workspace; records are created by seeding, one per server, and follow their server on deletion.
import { ComError } from '../../http/com-error.ts';
import type { CallContext } from '../../http/request-context.ts';
import type { ListSpec } from '../../query/list-spec.ts';
import type { Db, Store } from '../../store/store.ts';
import { toStoredTimestamp } from '../../store/time.ts';
import type { Page } from '../list-envelope.ts';
import type { Server } from '../servers/model.ts';
import { entitlementOf, uuidFrom } from './entitlements.ts';
import type { ServerWarranty } from './model.ts';
import * as repo from './repository.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The instant `supportState` is evaluated at, in the stored timestamp form. */
export type Clock = () => string;

const systemClock: Clock = () => toStoredTimestamp(new Date());

export class ServerWarrantyService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock = systemClock,
  ) {}

  async list(ctx: CallContext, request: repo.ListRequest, spec: ListSpec): Promise<Page<ServerWarranty>> {
    return repo.listWarranties(this.store, ctx.workspaceId, request, spec, this.clock());
  }

  /** One record by its own UUID; a server id, an odd id or another workspace's record is 404. */
  async get(ctx: CallContext, id: string): Promise<ServerWarranty> {
    const found = UUID.test(id) ? await repo.findWarranty(this.store, ctx.workspaceId, id.toLowerCase(), this.clock()) : undefined;
    if (!found) throw new ComError('NOT_FOUND', `Server warranty ${id} was not found`);
    return found;
  }
}

/**
 * Gives every listed server of the workspace its warranty record, derived from the server and `seed` alone
 * (same ids and dates on every run). Idempotent: servers that already have a record keep it unchanged.
 * The servers must already be stored; runs on `db` as given, so a caller's transaction covers it.
 */
export async function seedWarranties(db: Db, workspaceId: string, servers: readonly Server[], seed: number): Promise<void> {
  await repo.insertMissingWarranties(
    db,
    servers.map((server) => ({
      ...entitlementOf(server, `server-warranty/${seed}/${server.id}`),
      id: uuidFrom(`server-warranty/${seed}/${workspaceId}/${server.id}`),
      workspaceId,
      serverId: server.id,
      generation: 1,
      // COM reads the entitlement when the server is onboarded.
      createdAt: server.createdAt,
      updatedAt: server.createdAt,
    })),
  );
}
