// Identity as GreenLake models it: workspaces (application customers), MSP workspaces and their tenants,
// users with a role per workspace, and personal API clients owned by a user in a workspace.

export type WorkspaceKind = 'STANDARD' | 'MSP' | 'TENANT';
export const ROLES = ['administrator', 'operator', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export interface Workspace {
  id: string;
  name: string;
  kind: WorkspaceKind;
  /** For a TENANT: the MSP workspace that manages it. */
  mspId: string | null;
  createdAt: string;
  /** A revoked workspace accepts no tokens and no Tenant-Acid calls. */
  revokedAt: string | null;
}

export interface User {
  id: string;
  email: string;
  createdAt: string;
}

export interface Membership {
  workspaceId: string;
  userId: string;
  email: string;
  role: Role;
}

export interface ApiClient {
  clientId: string;
  workspaceId: string;
  userId: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
}

/** GreenLake allows at most 7 personal API clients per user per workspace (conventions §2). */
export const MAX_API_CLIENTS_PER_USER = 7;

/** What a verified token says about its caller, before Tenant-Acid is applied. */
export interface Principal {
  userId: string;
  email: string;
  /** The workspace the token was issued for. */
  homeWorkspaceId: string;
  homeWorkspaceKind: WorkspaceKind;
  role: Role;
  /** The API client that obtained the token; undefined for tokens of an external issuer. */
  clientId: string | undefined;
}

/** Permission a route needs: read for observers and up, write for operators and up, admin for administrators. */
export type Permission = 'read' | 'write' | 'admin';

export function roleAllows(role: Role, permission: Permission): boolean {
  if (permission === 'read') return true;
  if (permission === 'write') return role === 'administrator' || role === 'operator';
  return role === 'administrator';
}
