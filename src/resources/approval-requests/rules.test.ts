// The request state machine and the policy shape rules, as pure functions (no database).
import { describe, expect, it } from 'vitest';
import { checkApprovables, checkResources } from '../approval-policies/rules.ts';
import { fromV1beta2Patch, toV1beta2 } from '../approval-policies/v1beta2/mapper.ts';
import type { ApprovalPolicy } from '../approval-policies/model.ts';
import type { ApprovalRequest, Decision } from './model.ts';
import { effectiveState } from './model.ts';
import { cancelRefusal, decisionRefusal, outcome } from './rules.ts';

const vote = (email: string, v: Decision['vote']): Decision => ({ email, userId: email, vote: v, remarks: '', at: '2026-01-01T00:00:00.000000Z' });

const request = (over: Partial<ApprovalRequest> = {}): ApprovalRequest => ({
  id: 'r',
  workspaceId: 'w',
  policyId: 'p',
  approvableName: 'Reset',
  resource: { type: 'server', id: 's' },
  operation: { type: 'job', id: 'j' },
  requester: { userId: 'carol', email: 'carol@x.example' },
  state: 'PENDING',
  requestRemarks: '',
  cancelledBy: '',
  minApprovers: 2,
  approvers: ['alice@x.example', 'bob@x.example', 'carol@x.example'],
  decisions: [],
  expiresAt: '2026-02-01T00:00:00.000000Z',
  generation: 1,
  createdAt: '2026-01-01T00:00:00.000000Z',
  updatedAt: '2026-01-01T00:00:00.000000Z',
  ...over,
});

describe('request outcome', () => {
  it('needs minApprovers approvals, and one decline decides', () => {
    expect(outcome([], 1)).toBe('PENDING');
    expect(outcome([vote('a', 'APPROVED')], 2)).toBe('PENDING');
    expect(outcome([vote('a', 'APPROVED'), vote('b', 'APPROVED')], 2)).toBe('APPROVED');
    expect(outcome([vote('a', 'APPROVED'), vote('b', 'DECLINED')], 1)).toBe('DECLINED');
  });

  it('shows a pending request as EXPIRED from its deadline on, and only a pending one', () => {
    expect(effectiveState(request(), '2026-01-31T23:59:59.999999Z')).toBe('PENDING');
    expect(effectiveState(request(), '2026-02-01T00:00:00.000000Z')).toBe('EXPIRED');
    expect(effectiveState(request({ state: 'APPROVED' }), '2027-01-01T00:00:00.000000Z')).toBe('APPROVED');
  });
});

describe('who may act', () => {
  it('lets named approvers other than the requester decide, once, while pending', () => {
    const r = request({ decisions: [vote('alice@x.example', 'APPROVED')] });
    expect(decisionRefusal(r, 'PENDING', 'bob@x.example', 'bob')).toBeUndefined();
    expect(decisionRefusal(r, 'PENDING', 'dave@x.example', 'dave')?.kind).toBe('forbidden');
    expect(decisionRefusal(r, 'PENDING', 'carol@x.example', 'carol')?.kind).toBe('forbidden');
    expect(decisionRefusal(r, 'PENDING', 'alice@x.example', 'alice')?.kind).toBe('conflict');
    expect(decisionRefusal(r, 'EXPIRED', 'bob@x.example', 'bob')?.kind).toBe('conflict');
  });

  it('lets only the requester cancel, while pending; nobody cancels a request the system made', () => {
    expect(cancelRefusal(request(), 'PENDING', 'carol')).toBeUndefined();
    expect(cancelRefusal(request(), 'PENDING', 'alice')?.kind).toBe('forbidden');
    expect(cancelRefusal(request(), 'DECLINED', 'carol')?.kind).toBe('conflict');
    expect(cancelRefusal(request({ requester: { userId: null, email: '' } }), 'PENDING', 'carol')?.kind).toBe('forbidden');
  });
});

describe('policy shape', () => {
  it('normalises approvers and group ids and names each problem by its wire path', () => {
    const ok = checkApprovables([{ name: 'Power off', approvers: ['Alice@X.example'], minApprovers: 1 }]);
    expect(ok).toEqual({ approvables: [{ name: 'Power off', approvers: ['alice@x.example'], minApprovers: 1 }], issues: [] });
    const bad = checkApprovables([{ name: 'Power Off', approvers: ['alice@x.example'], minApprovers: 3 }]);
    expect(bad.issues.map((i) => i.subject)).toEqual(['policyData.approvables.0.approvableName', 'policyData.approvables.0.minApprovers']);
    const g = '29D8BA78-16BD-4B2F-B3C1-0395F38EE741';
    expect(checkResources([{ type: 'compute-ops/group', id: g }, { type: undefined, id: 'x' }])).toEqual({
      resources: [{ type: 'group', id: g.toLowerCase() }],
      issues: [{ source: 'field', subject: 'policyData.resources.1.resourceId', description: 'must be the id (uuid) of a group' }],
    });
  });

  it('round-trips a policy through its v1beta2 body: a GET echoed back as a PATCH changes nothing', () => {
    const policy: ApprovalPolicy = {
      id: 'f196db43-b56b-441c-a60e-73ca3bb53c5d',
      workspaceId: 'w',
      name: 'prod',
      description: 'd',
      remarks: '',
      approvables: [{ name: 'Update firmware', approvers: ['a@x.example', 'b@x.example'], minApprovers: 2 }],
      resources: [{ type: 'group', id: '29d8ba78-16bd-4b2f-b3c1-0395f38ee741' }],
      generation: 3,
      createdAt: '2026-01-01T00:00:00.000000Z',
      updatedAt: '2026-01-02T00:00:00.000000Z',
    };
    const wire = toV1beta2(policy, { prefix: 'compute-ops-mgmt', version: 'v1beta2' });
    const patch = fromV1beta2Patch(JSON.parse(JSON.stringify(wire)));
    expect(checkApprovables(patch.approvables!).approvables).toEqual(policy.approvables);
    expect(checkResources(patch.resources!).resources).toEqual(policy.resources);
    expect({ name: patch.name, description: patch.description }).toEqual({ name: policy.name, description: policy.description });
  });
});
