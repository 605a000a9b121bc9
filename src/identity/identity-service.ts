// Workspaces, tenants, users and API clients: the operations the CLI and the token endpoints use.
// Expected outcomes (unknown client, duplicate name…) are values or IdentityError; HTTP is not known here.
import { randomUUID } from 'node:crypto';
import type { Db, Store } from '../store/store.ts';
import { nowTimestamp } from '../store/time.ts';
import {
  MAX_API_CLIENTS_PER_USER,
  ROLES,
  type ApiClient,
  type Membership,
  type Principal,
  type Role,
  type Workspace,
  type WorkspaceKind,
} from './model.ts';
import { generateSecret, hashSecret, verifySecret } from './secrets.ts';

/** A refused identity operation, with a message fit for the CLI. */
export class IdentityError extends Error {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

interface WorkspaceRow {
  id: string;
  name: string;
  kind: WorkspaceKind;
  msp_id: string | null;
  created_at: string;
  revoked_at: string | null;
}

const toWorkspace = (r: WorkspaceRow): Workspace => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  mspId: r.msp_id,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

interface ClientRow {
  client_id: string;
  workspace_id: string;
  user_id: string;
  name: string;
  created_at: string;
  revoked_at: string | null;
}

const toClient = (r: ClientRow): ApiClient => ({
  clientId: r.client_id,
  workspaceId: r.workspace_id,
  userId: r.user_id,
  name: r.name,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function isEmail(value: string): boolean {
  return EMAIL.test(value.trim());
}

export class IdentityService {
  constructor(private readonly store: Store) {}

  async createWorkspace(input: { name: string; kind?: 'STANDARD' | 'MSP'; id?: string }): Promise<Workspace> {
    return this.insertWorkspace(this.store, input.id ?? randomUUID(), input.name, input.kind ?? 'STANDARD', null);
  }

  async createTenant(mspId: string, name: string, id?: string): Promise<Workspace> {
    const msp = await this.getWorkspace(mspId);
    if (!msp || msp.revokedAt) throw new IdentityError(`no active workspace ${mspId}`);
    if (msp.kind !== 'MSP') throw new IdentityError(`workspace ${mspId} is not an MSP workspace`);
    return this.insertWorkspace(this.store, id ?? randomUUID(), name, 'TENANT', mspId);
  }

  private async insertWorkspace(db: Db, id: string, name: string, kind: WorkspaceKind, mspId: string | null): Promise<Workspace> {
    if (!UUID.test(id)) throw new IdentityError(`workspace id must be a UUID: ${id}`);
    if (!name.trim()) throw new IdentityError('workspace name must not be empty');
    const row: WorkspaceRow = { id: id.toLowerCase(), name: name.trim(), kind, msp_id: mspId, created_at: nowTimestamp(), revoked_at: null };
    if (await db.get('SELECT id FROM workspaces WHERE id = ?', [row.id])) throw new IdentityError(`workspace ${row.id} exists`);
    await db.run('INSERT INTO workspaces (id, name, kind, msp_id, created_at) VALUES (?, ?, ?, ?, ?)', [
      row.id,
      row.name,
      row.kind,
      row.msp_id,
      row.created_at,
    ]);
    return toWorkspace(row);
  }

  async getWorkspace(id: string): Promise<Workspace | undefined> {
    const row = await this.store.get<WorkspaceRow>('SELECT * FROM workspaces WHERE id = ?', [id.toLowerCase()]);
    return row && toWorkspace(row);
  }

  async listWorkspaces(): Promise<Workspace[]> {
    return (await this.store.all<WorkspaceRow>('SELECT * FROM workspaces ORDER BY created_at, id')).map(toWorkspace);
  }

  async listTenants(mspId: string): Promise<Workspace[]> {
    const rows = await this.store.all<WorkspaceRow>('SELECT * FROM workspaces WHERE msp_id = ? ORDER BY created_at, id', [mspId]);
    return rows.map(toWorkspace);
  }

  /** Revoking a workspace stops its tokens and its tenants' Tenant-Acid access; its data stays. */
  async revokeWorkspace(id: string): Promise<void> {
    const { changes } = await this.store.run('UPDATE workspaces SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [
      nowTimestamp(),
      id.toLowerCase(),
    ]);
    if (changes === 0) throw new IdentityError(`no active workspace ${id}`);
  }

  /** Adds a user (created on first use, identified by e-mail) to a workspace with a role. */
  async addUser(workspaceId: string, email: string, role: Role): Promise<Membership> {
    if (!isEmail(email)) throw new IdentityError(`not an e-mail address: ${email}`);
    if (!ROLES.includes(role)) throw new IdentityError(`role must be one of ${ROLES.join(', ')}`);
    const ws = await this.getWorkspace(workspaceId);
    if (!ws || ws.revokedAt) throw new IdentityError(`no active workspace ${workspaceId}`);
    const normalized = normalizeEmail(email);
    return this.store.transaction(async (tx) => {
      let user = await tx.get<{ id: string }>('SELECT id FROM users WHERE email = ?', [normalized]);
      if (!user) {
        user = { id: randomUUID() };
        await tx.run('INSERT INTO users (id, email, created_at) VALUES (?, ?, ?)', [user.id, normalized, nowTimestamp()]);
      }
      if (await tx.get('SELECT user_id FROM memberships WHERE workspace_id = ? AND user_id = ?', [ws.id, user.id])) {
        throw new IdentityError(`${normalized} is already a member of ${ws.id}`);
      }
      await tx.run('INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES (?, ?, ?, ?)', [
        ws.id,
        user.id,
        role,
        nowTimestamp(),
      ]);
      return { workspaceId: ws.id, userId: user.id, email: normalized, role };
    });
  }

  async listUsers(workspaceId: string): Promise<Membership[]> {
    return this.store.all<Membership>(
      `SELECT m.workspace_id AS "workspaceId", m.user_id AS "userId", u.email AS email, m.role AS role
         FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.workspace_id = ? ORDER BY u.email`,
      [workspaceId.toLowerCase()],
    );
  }

  /** Members of a workspace among the given e-mails (normalised), keyed by e-mail. */
  async membersByEmail(db: Db, workspaceId: string, emails: readonly string[]): Promise<Map<string, Membership>> {
    const found = new Map<string, Membership>();
    if (emails.length === 0) return found;
    const rows = await db.all<Membership>(
      `SELECT m.workspace_id AS "workspaceId", m.user_id AS "userId", u.email AS email, m.role AS role
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.workspace_id = ? AND u.email IN (${emails.map(() => '?').join(', ')})`,
      [workspaceId, ...emails],
    );
    for (const r of rows) found.set(r.email, r);
    return found;
  }

  /** Removing a user from a workspace revokes their API clients there, so their tokens stop working. */
  async removeUser(workspaceId: string, email: string): Promise<void> {
    const normalized = normalizeEmail(email);
    await this.store.transaction(async (tx) => {
      const user = await tx.get<{ id: string }>('SELECT id FROM users WHERE email = ?', [normalized]);
      const removed = user
        ? await tx.run('DELETE FROM memberships WHERE workspace_id = ? AND user_id = ?', [workspaceId.toLowerCase(), user.id])
        : { changes: 0 };
      if (!user || removed.changes === 0) throw new IdentityError(`${normalized} is not a member of ${workspaceId}`);
      await tx.run('UPDATE api_clients SET revoked_at = ? WHERE workspace_id = ? AND user_id = ? AND revoked_at IS NULL', [
        nowTimestamp(),
        workspaceId.toLowerCase(),
        user.id,
      ]);
    });
  }

  /** Creates a personal API client; the secret is returned once and only its hash is kept. */
  async createApiClient(
    workspaceId: string,
    email: string,
    options: { name?: string; clientId?: string; secret?: string } = {},
  ): Promise<{ client: ApiClient; secret: string }> {
    const secret = options.secret ?? generateSecret();
    const secretHash = await hashSecret(secret);
    const client = await this.store.transaction(async (tx) => {
      const member = (await this.membersByEmail(tx, workspaceId.toLowerCase(), [normalizeEmail(email)])).get(normalizeEmail(email));
      if (!member) throw new IdentityError(`${email} is not a member of ${workspaceId}`);
      const active = await tx.get<{ n: number }>(
        'SELECT COUNT(*) AS n FROM api_clients WHERE workspace_id = ? AND user_id = ? AND revoked_at IS NULL',
        [member.workspaceId, member.userId],
      );
      if (Number(active?.n ?? 0) >= MAX_API_CLIENTS_PER_USER) {
        throw new IdentityError(`a user may have at most ${MAX_API_CLIENTS_PER_USER} API clients per workspace`);
      }
      const clientId = options.clientId ?? randomUUID();
      if (await tx.get('SELECT client_id FROM api_clients WHERE client_id = ?', [clientId])) {
        throw new IdentityError(`API client ${clientId} exists`);
      }
      const row: ClientRow = {
        client_id: clientId,
        workspace_id: member.workspaceId,
        user_id: member.userId,
        name: options.name ?? 'API client',
        created_at: nowTimestamp(),
        revoked_at: null,
      };
      await tx.run(
        'INSERT INTO api_clients (client_id, secret_hash, workspace_id, user_id, name, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        [row.client_id, secretHash, row.workspace_id, row.user_id, row.name, row.created_at],
      );
      return toClient(row);
    });
    return { client, secret };
  }

  async listApiClients(workspaceId: string): Promise<ApiClient[]> {
    const rows = await this.store.all<ClientRow>(
      'SELECT client_id, workspace_id, user_id, name, created_at, revoked_at FROM api_clients WHERE workspace_id = ? ORDER BY created_at',
      [workspaceId.toLowerCase()],
    );
    return rows.map(toClient);
  }

  async revokeApiClient(clientId: string): Promise<void> {
    const { changes } = await this.store.run('UPDATE api_clients SET revoked_at = ? WHERE client_id = ? AND revoked_at IS NULL', [
      nowTimestamp(),
      clientId,
    ]);
    if (changes === 0) throw new IdentityError(`no active API client ${clientId}`);
  }

  /** Checks client credentials; undefined when unknown, revoked or wrong. */
  async authenticateClient(clientId: string, secret: string): Promise<ApiClient | undefined> {
    const row = await this.store.get<ClientRow & { secret_hash: string }>('SELECT * FROM api_clients WHERE client_id = ?', [clientId]);
    if (!row || row.revoked_at) return undefined;
    if (!(await verifySecret(secret, row.secret_hash))) return undefined;
    return toClient(row);
  }

  /** The caller behind an API client, if the client, its user's membership and its workspace are all still active. */
  async principalForClient(clientId: string): Promise<Principal | undefined> {
    const row = await this.store.get<{ user_id: string; email: string; workspace_id: string; kind: WorkspaceKind; role: Role }>(
      `SELECT c.user_id, u.email, c.workspace_id, w.kind, m.role
         FROM api_clients c
         JOIN users u ON u.id = c.user_id
         JOIN workspaces w ON w.id = c.workspace_id
         JOIN memberships m ON m.workspace_id = c.workspace_id AND m.user_id = c.user_id
        WHERE c.client_id = ? AND c.revoked_at IS NULL AND w.revoked_at IS NULL`,
      [clientId],
    );
    return row && { userId: row.user_id, email: row.email, homeWorkspaceId: row.workspace_id, homeWorkspaceKind: row.kind, role: row.role, clientId };
  }

  /** The caller behind an external token: a member of the named workspace with that e-mail. */
  async principalForMember(workspaceId: string, email: string): Promise<Principal | undefined> {
    const row = await this.store.get<{ user_id: string; email: string; workspace_id: string; kind: WorkspaceKind; role: Role }>(
      `SELECT m.user_id, u.email, m.workspace_id, w.kind, m.role
         FROM memberships m JOIN users u ON u.id = m.user_id JOIN workspaces w ON w.id = m.workspace_id
        WHERE m.workspace_id = ? AND u.email = ? AND w.revoked_at IS NULL`,
      [workspaceId.toLowerCase(), normalizeEmail(email)],
    );
    return row && { userId: row.user_id, email: row.email, homeWorkspaceId: row.workspace_id, homeWorkspaceKind: row.kind, role: row.role, clientId: undefined };
  }

  /** True when `tenantId` is an active tenant of the active MSP workspace `mspId`. */
  async isActiveTenantOf(mspId: string, tenantId: string): Promise<boolean> {
    const row = await this.store.get(
      `SELECT t.id FROM workspaces t JOIN workspaces m ON m.id = t.msp_id
        WHERE t.id = ? AND t.msp_id = ? AND m.kind = 'MSP' AND t.revoked_at IS NULL AND m.revoked_at IS NULL`,
      [tenantId.toLowerCase(), mspId],
    );
    return !!row;
  }

  async isEmpty(): Promise<boolean> {
    return !(await this.store.get('SELECT id FROM workspaces LIMIT 1'));
  }
}
