// The request's state machine (approvals.md §1, §6), as pure functions: who may decide, who may cancel, and
// what the decisions taken so far add up to.
import type { ApprovalRequest, ApprovalState, Decision } from './model.ts';

/** APPROVED once enough approvals are in; DECLINED as soon as anyone declines; PENDING otherwise. */
export function outcome(decisions: readonly Decision[], minApprovers: number): ApprovalState {
  if (decisions.some((d) => d.vote === 'DECLINED')) return 'DECLINED';
  return decisions.filter((d) => d.vote === 'APPROVED').length >= minApprovers ? 'APPROVED' : 'PENDING';
}

export type Refusal =
  | { kind: 'forbidden'; message: string }
  | { kind: 'conflict'; message: string };

/**
 * Why `email` may not decide on the request now, or undefined when it may: only the approvers the policy
 * named, never the requester (a policy is a second pair of eyes), once each, and only while PENDING.
 */
export function decisionRefusal(r: ApprovalRequest, state: ApprovalState, email: string, userId: string): Refusal | undefined {
  if (!r.approvers.includes(email)) return { kind: 'forbidden', message: `${email} is not an approver of '${r.approvableName}' for this request` };
  if (r.requester.userId === userId) return { kind: 'forbidden', message: 'The requester cannot approve or decline their own request' };
  if (state !== 'PENDING') return { kind: 'conflict', message: `The request is ${state}; only a PENDING request can be decided` };
  if (r.decisions.some((d) => d.email === email)) return { kind: 'conflict', message: `${email} has already decided on this request` };
  return undefined;
}

/** Why the caller may not cancel the request now, or undefined: only its requester, only while PENDING. */
export function cancelRefusal(r: ApprovalRequest, state: ApprovalState, userId: string): Refusal | undefined {
  if (r.requester.userId === null || r.requester.userId !== userId) return { kind: 'forbidden', message: 'Only the requester can cancel an approval request' };
  if (state !== 'PENDING') return { kind: 'conflict', message: `The request is ${state}; only a PENDING request can be cancelled` };
  return undefined;
}
