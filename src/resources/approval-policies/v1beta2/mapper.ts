// approval-policies v1beta2 ⇄ hub. Covered groups are shown in both spellings (resourceId/resourceType as the
// reference declares, id/type as clients read them); POST defaults (minApprovers 1) belong to this version.
import { resourceUri, typeName, type ApiScope } from '../../../http/api-scope.ts';
import { defineListSpec } from '../../../query/list-spec.ts';
import { policyState, type ApprovalPolicy, type PolicyDraft, type PolicyPatch } from '../model.ts';
import { LIST_PROPERTIES } from '../repository.ts';
import type { ApprovalPolicyCreateV1beta2, ApprovalPolicyPatchV1beta2, ApprovalPolicyV1beta2 } from './schemas.ts';

type PolicyDataIn = NonNullable<ApprovalPolicyCreateV1beta2['policyData']>;

export function toV1beta2(p: ApprovalPolicy, scope: ApiScope): ApprovalPolicyV1beta2 {
  const groupType = typeName(scope, 'group');
  return {
    id: p.id,
    type: typeName(scope, 'approval-policy'),
    generation: p.generation,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    resourceUri: resourceUri(scope, `approval-policies/${p.id}`),
    name: p.name,
    description: p.description,
    state: policyState(p),
    remarks: p.remarks,
    policyData: {
      approvables: p.approvables.map((a) => ({ approvableName: a.name, approvers: a.approvers.map((email) => ({ email })), minApprovers: a.minApprovers })),
      resources: p.resources.map((r) => ({ resourceId: r.id, resourceType: groupType, id: r.id, type: groupType })),
    },
  };
}

function approvablesOf(data: PolicyDataIn['approvables']): PolicyDraft['approvables'] | undefined {
  return data?.map((a) => ({ name: a.approvableName, approvers: a.approvers.map((x) => x.email), minApprovers: a.minApprovers ?? 1 }));
}

function resourcesOf(data: PolicyDataIn['resources']): PolicyDraft['resources'] | undefined {
  return data?.map((r) => ({ type: r.resourceType ?? r.type, id: r.resourceId ?? r.id }));
}

export function fromV1beta2(body: ApprovalPolicyCreateV1beta2): PolicyDraft {
  return {
    name: body.name,
    description: body.description ?? '',
    approvables: approvablesOf(body.policyData?.approvables) ?? [],
    resources: resourcesOf(body.policyData?.resources) ?? [],
  };
}

/** Only what the client sent; a null description clears it (merge patch). */
export function fromV1beta2Patch(body: ApprovalPolicyPatchV1beta2): PolicyPatch {
  const patch: PolicyPatch = {};
  if (body.name !== undefined) patch.name = body.name;
  if (body.description !== undefined) patch.description = body.description ?? '';
  const approvables = approvablesOf(body.policyData?.approvables);
  if (approvables) patch.approvables = approvables;
  const resources = resourcesOf(body.policyData?.resources);
  if (resources) patch.resources = resources;
  return patch;
}

export const listSpecV1beta2 = defineListSpec({ idColumn: 'id', defaultSort: 'createdAt', limit: { max: 1000, default: 1000 }, properties: LIST_PROPERTIES });
