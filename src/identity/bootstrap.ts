// First start: an empty database gets a default workspace, an administrator and an API client. When the
// OPENCOM_BOOTSTRAP_* variables are set, those exact values are made to exist on every start, so scripts
// and CI can rely on them.
import { randomUUID } from 'node:crypto';
import type { Config } from '../config.ts';
import type { Store } from '../store/store.ts';
import { IdentityService, normalizeEmail } from './identity-service.ts';
import { hashSecret, verifySecret } from './secrets.ts';

export interface BootstrapResult {
  workspaceId: string;
  clientId: string;
  /** Present only when this start created the client (or the secret came from the environment). */
  clientSecret: string | undefined;
  created: boolean;
}

export async function bootstrapIdentity(store: Store, boot: Config['bootstrap']): Promise<BootstrapResult | undefined> {
  const identity = new IdentityService(store);
  const empty = await identity.isEmpty();
  const fixed = boot.workspaceId || boot.clientId || boot.clientSecret;
  if (!empty && !fixed) return undefined;

  const workspaceId = boot.workspaceId ?? (empty ? randomUUID() : undefined);
  let created = false;
  let wsId = workspaceId;
  if (wsId) {
    if (!(await identity.getWorkspace(wsId))) {
      await identity.createWorkspace({ id: wsId, name: 'Default workspace' });
      created = true;
    }
  } else {
    // Only a client id or secret was fixed: attach it to the oldest workspace.
    wsId = (await identity.listWorkspaces())[0]!.id;
  }
  const email = normalizeEmail(boot.userEmail);
  const members = await identity.membersByEmail(store, wsId, [email]);
  if (!members.has(email)) await identity.addUser(wsId, email, 'administrator');

  const clientId = boot.clientId ?? (created ? randomUUID() : undefined);
  if (!clientId) return { workspaceId: wsId, clientId: '', clientSecret: undefined, created };
  const existing = await store.get<{ secret_hash: string; workspace_id: string }>(
    'SELECT secret_hash, workspace_id FROM api_clients WHERE client_id = ?',
    [clientId],
  );
  if (!existing) {
    const { secret } = await identity.createApiClient(wsId, email, { clientId, name: 'Bootstrap API client', secret: boot.clientSecret });
    return { workspaceId: wsId, clientId, clientSecret: secret, created: true };
  }
  if (boot.clientSecret && !(await verifySecret(boot.clientSecret, existing.secret_hash))) {
    await store.run('UPDATE api_clients SET secret_hash = ?, revoked_at = NULL WHERE client_id = ?', [
      await hashSecret(boot.clientSecret),
      clientId,
    ]);
  }
  return { workspaceId: existing.workspace_id, clientId, clientSecret: boot.clientSecret, created };
}
