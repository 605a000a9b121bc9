// approval-policies v1beta2 wire schemas: HPE's approvalPolicyCreateRequest-v1beta2, approvalPolicyPatchRequest-
// v1beta2, approvalPolicyResponse-v1beta2 (+ collection), approvables-v1beta2 and resources-v1beta2.
import { Type, type Static } from '@sinclair/typebox';
import { Collection } from '../../../http/schemas.ts';

const ApproverIn = Type.Object({ email: Type.String({ description: 'E-mail of a workspace user who may approve or decline' }) });

const ApprovableIn = Type.Object(
  {
    approvableName: Type.String({ description: 'Action needing approval, case-sensitive: Update firmware, Power off, Reset, …' }),
    approvers: Type.Array(ApproverIn, { description: 'Users who may approve or decline the action' }),
    minApprovers: Type.Optional(Type.Integer({ description: 'Approvals needed (1 to the number of approvers); default 1' })),
  },
  { description: 'An action that needs approval, its approvers and how many approvals release it' },
);

// Clients write resourceId/resourceType and read id/type back; either spelling is accepted.
const ResourceIn = Type.Object(
  {
    resourceId: Type.Optional(Type.String({ description: 'Id (uuid) of a group the policy covers' })),
    resourceType: Type.Optional(Type.String({ description: 'compute-ops-mgmt/group (policies cover groups only)' })),
    id: Type.Optional(Type.String({ description: 'Same as resourceId (the spelling GET answers with)' })),
    type: Type.Optional(Type.String({ description: 'Same as resourceType (the spelling GET answers with)' })),
  },
  { description: 'A group the policy covers' },
);

const PolicyDataIn = Type.Object(
  {
    approvables: Type.Optional(Type.Array(ApprovableIn, { description: 'Actions needing approval; replaced as a whole on PATCH' })),
    resources: Type.Optional(Type.Array(ResourceIn, { description: 'Groups covered; replaced as a whole on PATCH' })),
  },
  { description: 'Approvers and covered groups' },
);

const Description = Type.Union([Type.String(), Type.Null()], { description: 'Policy description' });

export const ApprovalPolicyCreateV1beta2 = Type.Object(
  {
    name: Type.String({ description: 'Policy name, unique in the workspace (ignoring case)' }),
    description: Type.Optional(Description),
    policyData: Type.Optional(PolicyDataIn),
  },
  { description: 'Create an approval policy' },
);
export type ApprovalPolicyCreateV1beta2 = Static<typeof ApprovalPolicyCreateV1beta2>;

export const ApprovalPolicyPatchV1beta2 = Type.Object(
  {
    name: Type.Optional(Type.String({ description: 'New policy name' })),
    description: Type.Optional(Description),
    policyData: Type.Optional(PolicyDataIn),
  },
  { description: 'Modify an approval policy (JSON merge patch; approvables and resources are replaced as a whole)' },
);
export type ApprovalPolicyPatchV1beta2 = Static<typeof ApprovalPolicyPatchV1beta2>;

const ApprovableOut = Type.Object({
  approvableName: Type.String(),
  approvers: Type.Array(Type.Object({ email: Type.String() })),
  minApprovers: Type.Integer({ minimum: 1 }),
});

const ResourceOut = Type.Object({
  resourceId: Type.String({ format: 'uuid', description: 'Group id' }),
  resourceType: Type.String({ description: 'compute-ops-mgmt/group' }),
  id: Type.String({ description: 'Group id (the spelling the list filter and clients use)' }),
  type: Type.String({ description: 'compute-ops-mgmt/group' }),
});

export const ApprovalPolicyV1beta2 = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    type: Type.String({ description: 'compute-ops-mgmt/approval-policy' }),
    generation: Type.Integer({ minimum: 1 }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    resourceUri: Type.String(),
    name: Type.String(),
    description: Type.String(),
    state: Type.Union([Type.Literal('ACTIVE'), Type.Literal('INACTIVE')], { description: 'INACTIVE when the policy covers no group or no action' }),
    remarks: Type.String(),
    policyData: Type.Object({ approvables: Type.Array(ApprovableOut), resources: Type.Array(ResourceOut) }),
  },
  { description: 'Approval policy' },
);
export type ApprovalPolicyV1beta2 = Static<typeof ApprovalPolicyV1beta2>;

export const ApprovalPolicyCollectionV1beta2 = Collection(ApprovalPolicyV1beta2, 'Approval policies');

export const PolicyIdParams = Type.Object({ policy_id: Type.String({ description: 'Approval policy id (uuid)' }) });
