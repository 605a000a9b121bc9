// Read operations on a server's heavier documents (servers.md §5.3–§5.10), and the log download links.
// Everything is scoped to the caller's workspace; another workspace's server is 404 like a missing one.
import { ComError } from '../../http/com-error.ts';
import type { Db, Store } from '../../store/store.ts';
import { INVENTORY_CATEGORIES, type SecurityParameter, type Server, type ServerDetails, type ServerInventory } from './model.ts';
import { findDetails, findServer, saveDetailsPart } from './repository.ts';
import { findLogCollection, type ServerLogCollection } from './log-collections.ts';
import { createLogDownload, findLogDownload } from './log-downloads.ts';

/** A server with its documents; servers added with credentials have none until their first inventory. */
export interface ServerWithDetails {
  server: Server;
  details: ServerDetails;
}

/** Inventory of a server nothing has been collected from yet. */
export function emptyInventory(): ServerInventory {
  const empty = { collectionState: null, modified: null, data: null };
  const categories = Object.fromEntries(INVENTORY_CATEGORIES.map((c) => [c, { ...empty }])) as Record<(typeof INVENTORY_CATEGORIES)[number], typeof empty>;
  return { ...categories, smartUpdateToolInventory: { modified: null, data: null } };
}

function emptyDetails(): ServerDetails {
  return { inventory: emptyInventory(), securityParameters: [], torPortMappings: [], externalStorage: null, hasStorageVolume: false };
}

/** A server's stored documents for jobs that refresh them; undefined when nothing was collected yet. */
export async function storedDetails(db: Db, workspaceId: string, id: string): Promise<ServerDetails | undefined> {
  return findDetails(db, workspaceId, id);
}

/** Stores the security dashboard a job read from the server's iLO (no-op when the server was deleted meanwhile). */
export async function saveSecurityParameters(db: Db, workspaceId: string, id: string, params: SecurityParameter[]): Promise<void> {
  if (await findServer(db, workspaceId, id)) await saveDetailsPart(db, workspaceId, id, 'securityParameters', params, emptyDetails());
}

/** Stores the external storage details a job gathered; null when the server has none (the view answers 404 again). */
export async function saveExternalStorage(db: Db, workspaceId: string, id: string, storage: ServerDetails['externalStorage']): Promise<void> {
  if (await findServer(db, workspaceId, id)) await saveDetailsPart(db, workspaceId, id, 'externalStorage', storage, emptyDetails());
}

function notFound(what: string): ComError {
  return new ComError('NOT_FOUND', `${what} was not found`);
}

export class ServerDetailsService {
  constructor(private readonly store: Store) {}

  async load(workspaceId: string, id: string): Promise<ServerWithDetails> {
    const server = await findServer(this.store, workspaceId, id);
    if (!server) throw notFound(`Server ${id}`);
    return { server, details: (await findDetails(this.store, workspaceId, id)) ?? emptyDetails() };
  }

  /** Present only once the "Server External Storage Details" job has run (servers.md §5.5). */
  async externalStorage(workspaceId: string, id: string): Promise<{ server: Server; storage: NonNullable<ServerDetails['externalStorage']> }> {
    const { server, details } = await this.load(workspaceId, id);
    if (!details.externalStorage) throw notFound(`External storage details of server ${id}`);
    return { server, storage: details.externalStorage };
  }

  /** A ten-minute link to the last collected logs; 404 when none were collected (servers.md §5.4). */
  async logDownload(workspaceId: string, id: string): Promise<{ server: Server; token: string; expiresAt: string }> {
    return this.store.transaction(async (tx) => {
      const server = await findServer(tx, workspaceId, id);
      if (!server) throw notFound(`Server ${id}`);
      if (!server.lastServerLogCollectionAt) throw notFound(`Collected logs of server ${id}`);
      return { server, ...(await createLogDownload(tx, workspaceId, id)) };
    });
  }

  /**
   * The archive a link points at: the server and its latest collected logs (none before the first
   * CollectServerLog). The token is the credential, so an unknown or expired one is 404.
   */
  async logArchive(token: string, id: string): Promise<{ server: Server; collection: ServerLogCollection | undefined }> {
    const link = await findLogDownload(this.store, token, id);
    const server = link && (await findServer(this.store, link.workspaceId, id));
    if (!server) throw notFound('Download link');
    return { server, collection: await findLogCollection(this.store, server.workspaceId, id) };
  }
}
