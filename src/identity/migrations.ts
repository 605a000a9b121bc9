// Identity tables: workspaces (with MSP tenants), users, their memberships and roles, API clients and
// the token signing keys. Append-only.
import type { Migration } from '../store/store.ts';

export const identityMigrations: Migration[] = [
  {
    id: 'identity-001',
    up: (t) => [
      `CREATE TABLE workspaces (
        id ${t.text} PRIMARY KEY,
        name ${t.text} NOT NULL,
        kind ${t.text} NOT NULL,
        msp_id ${t.text} REFERENCES workspaces(id),
        created_at ${t.timestamp} NOT NULL,
        revoked_at ${t.timestamp}
      )`,
      `CREATE INDEX workspaces_msp ON workspaces (msp_id)`,
      `CREATE TABLE users (
        id ${t.text} PRIMARY KEY,
        email ${t.text} NOT NULL UNIQUE,
        created_at ${t.timestamp} NOT NULL
      )`,
      `CREATE TABLE memberships (
        workspace_id ${t.text} NOT NULL REFERENCES workspaces(id),
        user_id ${t.text} NOT NULL REFERENCES users(id),
        role ${t.text} NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        PRIMARY KEY (workspace_id, user_id)
      )`,
      `CREATE INDEX memberships_user ON memberships (user_id)`,
      `CREATE TABLE api_clients (
        client_id ${t.text} PRIMARY KEY,
        secret_hash ${t.text} NOT NULL,
        workspace_id ${t.text} NOT NULL REFERENCES workspaces(id),
        user_id ${t.text} NOT NULL REFERENCES users(id),
        name ${t.text} NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        revoked_at ${t.timestamp}
      )`,
      `CREATE INDEX api_clients_owner ON api_clients (workspace_id, user_id)`,
      `CREATE TABLE signing_keys (
        kid ${t.text} PRIMARY KEY,
        private_jwk ${t.text} NOT NULL,
        public_jwk ${t.text} NOT NULL,
        created_at ${t.timestamp} NOT NULL
      )`,
    ],
  },
];
