// approval-requests v1beta2 ← hub. Links follow the request's prefix; jobs and servers are linked in the
// version COM documents them under (v1), groups likewise. Every decision is listed in `requestData.approvals`
// (the reference declares a single object; with minApprovers > 1 a request carries several).
import { resourceUri, typeName, type ApiScope } from '../../../http/api-scope.ts';
import { defineListSpec } from '../../../query/list-spec.ts';
import type { ApprovalRequest, Decision } from '../model.ts';
import { LIST_PROPERTIES } from '../repository.ts';
import type { ApprovalRequestV1beta2 } from './schemas.ts';

const person = (email: string) => ({ firstName: '', lastName: '', email });

const COLLECTIONS = { server: 'servers', group: 'groups', job: 'jobs' } as const;

function link(scope: ApiScope, kind: keyof typeof COLLECTIONS, id: string, version = 'v1') {
  return { id, type: typeName(scope, kind), resourceUri: resourceUri({ ...scope, version }, `${COLLECTIONS[kind]}/${id}`) };
}

export function toV1beta2(r: ApprovalRequest, scope: ApiScope): ApprovalRequestV1beta2 {
  return {
    id: r.id,
    type: typeName(scope, 'approval-request'),
    generation: r.generation,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    resourceUri: resourceUri(scope, `approval-requests/${r.id}`),
    policy: { id: r.policyId, type: typeName(scope, 'approval-policy'), resourceUri: resourceUri(scope, `approval-policies/${r.policyId}`) },
    approvableName: r.approvableName,
    approvableResource: link(scope, r.resource.type, r.resource.id),
    operation: link(scope, r.operation.type, r.operation.id),
    ...(r.requester.email ? { requester: person(r.requester.email) } : {}),
    approvalState: r.state,
    requestRemarks: r.requestRemarks,
    cancelledBy: r.cancelledBy,
    minApprovers: r.minApprovers,
    requestData: { approvals: r.decisions.map((d) => ({ approverId: person(d.email), approvalState: d.vote, remarks: d.remarks })) },
  };
}

export function decisionToV1beta2(d: Decision) {
  return { approvalState: d.vote, remarks: d.remarks };
}

export const listSpecV1beta2 = defineListSpec({ idColumn: 'id', defaultSort: 'createdAt desc', limit: { max: 1000, default: 1000 }, properties: LIST_PROPERTIES });
