// Short-lived download links for collected server logs (servers.md §5.4): a random token per link, valid for
// ten minutes, standing in for COM's pre-signed S3 URL. Scoped by workspace and server.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../store/store.ts';
import { formatMicros } from '../../store/time.ts';

export const LINK_LIFETIME_MS = 10 * 60_000;

const at = (ms: number): string => formatMicros(BigInt(ms) * 1000n);

/** Stores a new link for the server and drops expired ones; returns the token and its expiry. */
export async function createLogDownload(db: Db, workspaceId: string, serverId: string, nowMs = Date.now()): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(24).toString('base64url');
  const expiresAt = at(nowMs + LINK_LIFETIME_MS);
  await db.run('DELETE FROM server_log_downloads WHERE expires_at < ?', [at(nowMs)]);
  await db.run('INSERT INTO server_log_downloads (token, workspace_id, server_id, expires_at) VALUES (?, ?, ?, ?)', [token, workspaceId, serverId, expiresAt]);
  return { token, expiresAt };
}

/** The workspace of a link that exists, names this server and has not expired. */
export async function findLogDownload(db: Db, token: string, serverId: string, nowMs = Date.now()): Promise<{ workspaceId: string } | undefined> {
  const row = await db.get<{ workspace_id: string }>('SELECT workspace_id FROM server_log_downloads WHERE token = ? AND server_id = ? AND expires_at >= ?', [
    token,
    serverId,
    at(nowMs),
  ]);
  return row && { workspaceId: row.workspace_id };
}
