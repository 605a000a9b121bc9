// The hub model of an approval request (approvals.md §3): a held operation, the rules it is decided under
// (copied from the policy when the request was made) and the decisions taken so far.

export const APPROVAL_STATES = ['APPROVED', 'CANCELLED', 'DECLINED', 'EXPIRED', 'PENDING', 'OTHER'] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

export type Vote = 'APPROVED' | 'DECLINED';

export interface Decision {
  /** Normalised e-mail of the approver. */
  email: string;
  userId: string;
  vote: Vote;
  remarks: string;
  at: string;
}

export interface ApprovalRequest {
  id: string;
  workspaceId: string;
  policyId: string;
  approvableName: string;
  /** The job's target: a server or a group. */
  resource: { type: 'server' | 'group'; id: string };
  /** The held operation; jobs only (schedules create jobs, which are held when they are created). */
  operation: { type: 'job'; id: string };
  /** Who started the operation; no user for jobs the system started on its own. */
  requester: { userId: string | null; email: string };
  /** As stored; a PENDING request past `expiresAt` is EXPIRED (see `effectiveState`). */
  state: ApprovalState;
  requestRemarks: string;
  cancelledBy: string;
  minApprovers: number;
  /** Normalised e-mails of who may decide, as the policy named them when the request was made. */
  approvers: string[];
  decisions: Decision[];
  expiresAt: string;
  generation: number;
  createdAt: string;
  updatedAt: string;
}

/** A pending request whose deadline has passed is expired, whether or not the sweep has recorded it yet. */
export function effectiveState(r: Pick<ApprovalRequest, 'state' | 'expiresAt'>, now: string): ApprovalState {
  return r.state === 'PENDING' && r.expiresAt <= now ? 'EXPIRED' : r.state;
}
