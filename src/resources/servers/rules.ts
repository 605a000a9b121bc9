// Validation of server writes against the hub (servers.md §4.1, §4.4). Pure; returns issues with the dotted
// subjects COM clients see.
import type { Issue } from '../../http/com-error.ts';
import { CREDENTIAL_CONNECTIONS, isSubscribed, type BmcCredentials, type Server, type ServerPatch } from './model.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CREDENTIALS = 'hardware.bmc.userDefined';
const REQUIRED_CREDENTIALS = ['host', 'username', 'password'] as const;

const field = (subject: string, description: string): Issue => ({ source: 'field', subject, description });

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** host, username and password must be present and non-blank wherever credentials are stored. */
export function credentialIssues(c: Partial<BmcCredentials>, prefix = CREDENTIALS): Issue[] {
  return REQUIRED_CREDENTIALS.filter((k) => typeof c[k] !== 'string' || c[k].trim() === '').map((k) => field(`${prefix}.${k}`, 'is required'));
}

export function applianceIssues(applianceId: string | null | undefined): Issue[] {
  if (applianceId === undefined || applianceId === null || isUuid(applianceId)) return [];
  return [field('appliance.applianceId', 'must be the UUID of a Secure Gateway appliance')];
}

/**
 * Whether `patch` may be applied to `server`. Servers without a valid subscription cannot be patched (an
 * open question in servers.md, settled as 400); appliance and credentials only mean something for servers
 * reached through stored credentials (CREDENTIAL or GATEWAY).
 */
export function patchIssues(server: Server, patch: ServerPatch): Issue[] {
  if (!isSubscribed(server)) {
    const why = `server ${server.id} has no valid subscription (state.subscriptionState is ${server.state.subscriptionState})`;
    return (patch.members.length ? patch.members : ['(root)']).map((m) => field(m, why));
  }
  const issues = applianceIssues(patch.applianceId);
  const credentialServer = server.connectionType !== null && CREDENTIAL_CONNECTIONS.includes(server.connectionType);
  if (!credentialServer) {
    const why = `only servers connected with stored credentials (CREDENTIAL or GATEWAY) accept it; ${server.id} is ${server.connectionType ?? 'not connected'}`;
    if (patch.applianceId !== undefined) issues.push(field('appliance.applianceId', why));
    if (patch.credentials !== undefined) issues.push(field(CREDENTIALS, why));
    return issues;
  }
  const stored = server.hardware.bmc?.userDefined ?? null;
  const credentials = patch.credentials === undefined ? stored : patch.credentials && { ...stored, ...patch.credentials };
  if (patch.credentials) issues.push(...credentialIssues(credentials ?? {}));
  // Without a gateway COM reaches the BMC only through the stored credentials.
  const gateway = patch.applianceId === undefined ? server.connectionType === 'GATEWAY' : patch.applianceId !== null;
  if (!gateway && !credentials) {
    issues.push(field(patch.credentials === null ? CREDENTIALS : 'appliance.applianceId', 'a server without a Secure Gateway needs its BMC credentials'));
  }
  return issues;
}
