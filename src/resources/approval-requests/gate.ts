// The submit gate (job-engine/submit.ts): every new top-level job passes here inside its submitting
// transaction. A job whose action a policy guards on its target is held APPROVAL_PENDING, and its approval
// request is created in that same transaction, so neither exists without the other.
import { randomUUID } from 'node:crypto';
import type { StoredJob } from '../../job-engine/model.ts';
import type { SubmitGate } from '../../job-engine/submit.ts';
import type { Db } from '../../store/store.ts';
import { toStoredTimestamp } from '../../store/time.ts';
import { approvableOfTemplate, guardOf } from '../approval-policies/service.ts';
import { recordRequestActivity } from './activities.ts';
import type { ApprovalRequest } from './model.ts';
import { insertRequest } from './repository.ts';

const HOUR_MS = 3_600_000;
/** COM documents no timeout; the plugin sets ours from the configuration (default a week). */
let expiryMs = 168 * HOUR_MS;

export function setApprovalExpiryHours(hours: number): void {
  expiryMs = hours * HOUR_MS;
}

/** The requester as GreenLake shows users: by e-mail (identity keeps no first or last names). */
async function emailOf(db: Db, userId: string): Promise<string> {
  const row = await db.get<{ email: string }>('SELECT email FROM users WHERE id = ?', [userId]);
  return row?.email ?? '';
}

export const holdForApproval: SubmitGate = async (tx: Db, job: StoredJob) => {
  const approvable = approvableOfTemplate(job.name);
  if (!approvable) return undefined;
  const guard = await guardOf(tx, job.workspaceId, job.resource, approvable);
  if (!guard) return undefined;
  const request: ApprovalRequest = {
    id: randomUUID(),
    workspaceId: job.workspaceId,
    policyId: guard.policy.id,
    approvableName: approvable,
    resource: { type: job.resource.type === 'group' ? 'group' : 'server', id: job.resource.id },
    operation: { type: 'job', id: job.id },
    requester: { userId: job.createdBy, email: job.createdBy ? await emailOf(tx, job.createdBy) : '' },
    state: 'PENDING',
    requestRemarks: '',
    cancelledBy: '',
    minApprovers: guard.approvable.minApprovers,
    approvers: guard.approvable.approvers,
    decisions: [],
    expiresAt: toStoredTimestamp(new Date(Date.parse(job.createdAt) + expiryMs)),
    generation: 1,
    createdAt: job.createdAt,
    updatedAt: job.createdAt,
  };
  await insertRequest(tx, request);
  const needs = `${request.minApprovers} of ${request.approvers.join(', ')} must approve (approval policy ${guard.policy.name})`;
  await recordRequestActivity(tx, 'CREATED', request, job.name, needs);
  return { state: 'APPROVAL_PENDING', approvalRequestId: request.id, status: 'Waiting for approval' };
};
