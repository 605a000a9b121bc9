// Approval requests: one per held job, with the rules it was created under (approvers, minApprovers) and the
// decisions taken so far. Append-only.
import type { Migration } from '../../store/store.ts';

export const approvalRequestMigrations: Migration[] = [
  {
    id: 'approval-requests-001',
    up: (t) => [
      `CREATE TABLE approval_requests (
        workspace_id ${t.text} NOT NULL REFERENCES workspaces(id),
        id ${t.text} NOT NULL,
        policy_id ${t.text} NOT NULL,
        approvable_name ${t.text} NOT NULL,
        resource_type ${t.text} NOT NULL,
        resource_id ${t.text} NOT NULL,
        operation_type ${t.text} NOT NULL,
        operation_id ${t.text} NOT NULL,
        requester_id ${t.text},
        requester_email ${t.text} NOT NULL,
        state ${t.text} NOT NULL,
        request_remarks ${t.text} NOT NULL,
        cancelled_by ${t.text} NOT NULL,
        min_approvers ${t.int} NOT NULL,
        approvers ${t.json} NOT NULL,
        decisions ${t.json} NOT NULL,
        expires_at ${t.timestamp} NOT NULL,
        generation ${t.int} NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        updated_at ${t.timestamp} NOT NULL,
        PRIMARY KEY (workspace_id, id)
      )`,
      `CREATE INDEX approval_requests_created ON approval_requests (workspace_id, created_at, id)`,
      `CREATE INDEX approval_requests_operation ON approval_requests (workspace_id, operation_id)`,
      `CREATE INDEX approval_requests_policy ON approval_requests (workspace_id, policy_id, state)`,
      // The expiry sweep: pending requests by deadline, across workspaces.
      `CREATE INDEX approval_requests_expiry ON approval_requests (state, expires_at)`,
    ],
  },
];
