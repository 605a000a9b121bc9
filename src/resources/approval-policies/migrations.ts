// Approval policies and the groups they cover. A group is covered by at most one policy (the primary key of
// approval_policy_resources), so a job matches at most one policy. Append-only.
import type { Migration } from '../../store/store.ts';

export const approvalPolicyMigrations: Migration[] = [
  {
    id: 'approval-policies-001',
    up: (t) => [
      `CREATE TABLE approval_policies (
        workspace_id ${t.text} NOT NULL REFERENCES workspaces(id),
        id ${t.text} NOT NULL,
        name ${t.text} NOT NULL,
        name_key ${t.text} NOT NULL,
        description ${t.text} NOT NULL,
        remarks ${t.text} NOT NULL,
        approvables ${t.json} NOT NULL,
        generation ${t.int} NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        updated_at ${t.timestamp} NOT NULL,
        PRIMARY KEY (workspace_id, id),
        UNIQUE (workspace_id, name_key)
      )`,
      `CREATE INDEX approval_policies_created ON approval_policies (workspace_id, created_at, id)`,
      `CREATE TABLE approval_policy_resources (
        workspace_id ${t.text} NOT NULL,
        resource_id ${t.text} NOT NULL,
        policy_id ${t.text} NOT NULL,
        resource_type ${t.text} NOT NULL,
        position ${t.int} NOT NULL,
        PRIMARY KEY (workspace_id, resource_id),
        FOREIGN KEY (workspace_id, policy_id) REFERENCES approval_policies (workspace_id, id) ON DELETE CASCADE
      )`,
      `CREATE INDEX approval_policy_resources_policy ON approval_policy_resources (workspace_id, policy_id, position)`,
    ],
  },
];
