// Server operations: load → change → validate → save, each in one transaction and scoped to one workspace.
// Versions call these with hub values; other groups and the device simulator use getServer/updateServerState.
import { ComError, type Issue } from '../../http/com-error.ts';
import { checkIfMatch } from '../../http/if-match.ts';
import type { ApiScope } from '../../http/api-scope.ts';
import type { ListSpec } from '../../query/list-spec.ts';
import type { Db, Store } from '../../store/store.ts';
import { nowTimestamp } from '../../store/time.ts';
import { serverChanged } from '../groups/auto-add.ts';
import { deleteAssociatedSchedules } from '../schedules/service.ts';
import type { Page } from '../list-envelope.ts';
import { recordServerRemoved, recordServerUpdated } from './activities.ts';
import { CREDENTIAL_CONNECTIONS, gatewayUri, type Server, type ServerPatch } from './model.ts';
import { RenderCache } from './render-cache.ts';
import { deleteServer, findServer, findServers, listServers, listServerVersions, updateServer, type ListRequest } from './repository.ts';
import { registerServer, type RegistrationRequest } from './registration-service.ts';
import { patchIssues } from './rules.ts';

/** The server with this id in this workspace; undefined when there is none (another workspace's included). */
export async function getServer(db: Db, workspaceId: string, id: string): Promise<Server | undefined> {
  return findServer(db, workspaceId, id);
}

const UPDATE_ATTEMPTS = 5;

/**
 * Applies `change` to the stored server and saves it with generation + 1 and a new updatedAt, guarded by the
 * generation it was read at; a concurrent write makes it re-read and re-apply. Run it inside the caller's
 * transaction when it must commit with other writes. Undefined when the server does not exist. Groups then
 * react in the same transaction (new tags place the server, a first connection starts on-add jobs).
 */
export async function updateServerState(db: Db, workspaceId: string, id: string, change: (s: Server) => Server): Promise<Server | undefined> {
  for (let attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
    const current = await findServer(db, workspaceId, id);
    if (!current) return undefined;
    const next = bumped(change(structuredClone(current)), current);
    if (await updateServer(db, next, current.generation)) {
      await serverChanged(db, current, next);
      return next;
    }
  }
  throw new Error(`server ${id} kept changing while it was being updated`);
}

/** Identity and bookkeeping are the store's, whatever a change did to them (conventions §4: generation only increases). */
function bumped(next: Server, current: Server): Server {
  return { ...next, id: current.id, workspaceId: current.workspaceId, createdAt: current.createdAt, generation: current.generation + 1, updatedAt: nowTimestamp() };
}

/** The hub change a validated merge-patch makes (servers.md §4.1). */
export function applyPatch(server: Server, patch: ServerPatch): Server {
  const next = structuredClone(server);
  if (patch.autoIloFwUpdate !== undefined) next.autoIloFwUpdate = patch.autoIloFwUpdate;
  if (patch.applianceId !== undefined) {
    const id = patch.applianceId?.toLowerCase() ?? null;
    next.appliance = { applianceId: id, applianceUri: id === null ? null : gatewayUri(id) };
    next.connectionType = id === null ? 'CREDENTIAL' : 'GATEWAY';
  }
  if (patch.credentials !== undefined) {
    const bmc = next.hardware.bmc ?? { mac: '', ip: '', hostname: '', license: null, model: null, version: null, userDefined: null };
    const merged = patch.credentials && { host: '', username: '', password: '', certificateFingerprint: '', ...bmc.userDefined, ...patch.credentials };
    next.hardware.bmc = { ...bmc, userDefined: merged };
  }
  return next;
}

function notFound(id: string): ComError {
  return new ComError('NOT_FOUND', `Server ${id} was not found`);
}

async function load(db: Db, workspaceId: string, id: string): Promise<Server> {
  const server = await findServer(db, workspaceId, id);
  if (!server) throw notFound(id);
  return server;
}

function concurrent(id: string): ComError {
  return new ComError('PRECONDITION_FAILED', `Server ${id} changed while it was being updated`);
}

function invalid(issues: Issue[]): ComError {
  return ComError.badRequest(issues);
}

export class ServerService {
  private readonly rendered = new RenderCache();

  constructor(readonly store: Store) {}

  /** `base` is the collection URI of the request's version, e.g. `/compute-ops-mgmt/v1/servers/`, for resourceUri filters. */
  async list(workspaceId: string, request: ListRequest, spec: ListSpec, base: string): Promise<Page<Server>> {
    return listServers(this.store, workspaceId, request, spec, base);
  }

  /** The same list, as the JSON body, answered from the render cache where the servers did not change. */
  async listRendered(workspaceId: string, request: ListRequest, spec: ListSpec, scope: ApiScope, base: string, toWire: (s: Server) => object): Promise<Buffer> {
    const page = await listServerVersions(this.store, workspaceId, request, spec, base);
    return this.rendered.renderPage(this.store, workspaceId, page, scope, toWire);
  }

  async get(workspaceId: string, id: string): Promise<Server> {
    return load(this.store, workspaceId, id);
  }

  async patch(workspaceId: string, id: string, patch: ServerPatch, ifMatch?: string | string[]): Promise<Server> {
    return this.store.transaction(async (tx) => {
      const current = await load(tx, workspaceId, id);
      checkIfMatch(ifMatch, current.generation);
      const issues = patchIssues(current, patch);
      if (issues.length) throw invalid(issues);
      const next = bumped(applyPatch(current, patch), current);
      if (!(await updateServer(tx, next, current.generation))) throw concurrent(id);
      await recordServerUpdated(tx, next, patch);
      return next;
    });
  }

  /** All or nothing (servers.md §4.3): every id must exist and accept the patch, or nothing changes. */
  async patchMany(workspaceId: string, ids: readonly string[], patch: ServerPatch, ifMatch?: string | string[]): Promise<Server[]> {
    const unique = [...new Set(ids)];
    return this.store.transaction(async (tx) => {
      const found = await findServers(tx, workspaceId, unique);
      const missing = unique.filter((id) => !found.has(id));
      if (missing.length) throw new ComError('NOT_FOUND', `Servers not found: ${missing.join(', ')}`);
      const servers = unique.map((id) => found.get(id)!);
      for (const s of servers) checkIfMatch(ifMatch, s.generation);
      const issues = servers.flatMap((s) => patchIssues(s, patch));
      if (issues.length) throw invalid(issues);
      const saved: Server[] = [];
      for (const current of servers) {
        const next = bumped(applyPatch(current, patch), current);
        if (!(await updateServer(tx, next, current.generation))) throw concurrent(current.id);
        await recordServerUpdated(tx, next, patch);
        saved.push(next);
      }
      return saved;
    });
  }

  /** Stores a credential-server registration; returns the id of the job that completes it (servers.md §4.4). */
  async register(workspaceId: string, userId: string, request: RegistrationRequest): Promise<string> {
    return registerServer(this.store, workspaceId, userId, request);
  }

  /** Only servers added with stored credentials may be removed this way (servers.md §4.5). */
  async delete(workspaceId: string, id: string, ifMatch?: string | string[]): Promise<void> {
    await this.store.transaction(async (tx) => {
      const current = await load(tx, workspaceId, id);
      checkIfMatch(ifMatch, current.generation);
      if (current.connectionType === null || !CREDENTIAL_CONNECTIONS.includes(current.connectionType)) {
        throw invalid([{ source: 'field', subject: 'connectionType', description: `only CREDENTIAL or GATEWAY servers can be deleted; ${id} is ${current.connectionType ?? 'not connected'}` }]);
      }
      if (!(await deleteServer(tx, workspaceId, id))) throw notFound(id);
      // Schedules acting on the server go with it (schedules.md §3), as they do with a group.
      await deleteAssociatedSchedules(tx, workspaceId, 'servers', id);
      await recordServerRemoved(tx, current);
    });
  }
}
