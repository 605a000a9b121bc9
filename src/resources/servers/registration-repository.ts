// Credential-server registrations (POST /servers): stored until the job that reaches the BMC completes them
// (servers.md §4.4). Scoped by workspace first. The password is kept only until the server exists.
import type { Db } from '../../store/store.ts';

export type RegistrationState = 'PENDING' | 'COMPLETE' | 'FAILED';

/** One POST /servers request; `id` is the job id the client was given. */
export interface Registration {
  id: string;
  workspaceId: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  state: RegistrationState;
  host: string;
  username: string;
  password: string;
  certificateFingerprint: string;
  applianceId: string | null;
  /** Set once the server exists. */
  serverId: string | null;
  failureReason: string | null;
}

type Row = Record<string, unknown>;

const COLUMNS = `workspace_id, id, created_by, created_at, updated_at, state, host, username, password,
  certificate_fingerprint, appliance_id, server_id, failure_reason`;

function fromRow(r: Row): Registration {
  return {
    id: r.id as string,
    workspaceId: r.workspace_id as string,
    createdBy: r.created_by as string,
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
    state: r.state as RegistrationState,
    host: r.host as string,
    username: r.username as string,
    password: r.password as string,
    certificateFingerprint: r.certificate_fingerprint as string,
    applianceId: r.appliance_id as string | null,
    serverId: r.server_id as string | null,
    failureReason: r.failure_reason as string | null,
  };
}

export async function insertRegistration(db: Db, r: Registration): Promise<void> {
  await db.run(`INSERT INTO server_registrations (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
    r.workspaceId,
    r.id,
    r.createdBy,
    r.createdAt,
    r.updatedAt,
    r.state,
    r.host,
    r.username,
    r.password,
    r.certificateFingerprint,
    r.applianceId,
    r.serverId,
    r.failureReason,
  ]);
}

export async function findRegistration(db: Db, workspaceId: string, id: string): Promise<Registration | undefined> {
  const row = await db.get<Row>(`SELECT ${COLUMNS} FROM server_registrations WHERE workspace_id = ? AND id = ?`, [workspaceId, id]);
  return row && fromRow(row);
}

export async function pendingRegistrations(db: Db, workspaceId: string): Promise<Registration[]> {
  const rows = await db.all<Row>(`SELECT ${COLUMNS} FROM server_registrations WHERE workspace_id = ? AND state = 'PENDING' ORDER BY created_at, id`, [workspaceId]);
  return rows.map(fromRow);
}

/** A pending registration for the same BMC host, so a second POST for it is refused. */
export async function pendingForHost(db: Db, workspaceId: string, host: string): Promise<Registration | undefined> {
  const row = await db.get<Row>(`SELECT ${COLUMNS} FROM server_registrations WHERE workspace_id = ? AND state = 'PENDING' AND host = ?`, [workspaceId, host]);
  return row && fromRow(row);
}

/** Records the outcome; the password is wiped because the server (or nobody) holds it now. */
export async function finishRegistration(db: Db, r: Registration, outcome: { state: 'COMPLETE' | 'FAILED'; serverId: string | null; failureReason: string | null; now: string }): Promise<void> {
  await db.run(
    `UPDATE server_registrations SET state = ?, server_id = ?, failure_reason = ?, updated_at = ?, password = ''
     WHERE workspace_id = ? AND id = ? AND state = 'PENDING'`,
    [outcome.state, outcome.serverId, outcome.failureReason, outcome.now, r.workspaceId, r.id],
  );
}

/** Workspaces that have registrations waiting for the device layer. */
export async function workspacesWithPendingRegistrations(db: Db): Promise<string[]> {
  const rows = await db.all<{ workspace_id: string }>("SELECT DISTINCT workspace_id FROM server_registrations WHERE state = 'PENDING'");
  return rows.map((r) => r.workspace_id);
}
