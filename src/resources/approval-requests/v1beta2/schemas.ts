// approval-requests v1beta2 wire schemas: HPE's approvalRequestResponse-v1beta2 (+ collection),
// approvalRequestPatchRequest-v1beta2 and approvalRequestsApprove-v1beta2 (used for the approve body too).
import { Type, type Static } from '@sinclair/typebox';
import { Collection } from '../../../http/schemas.ts';
import { APPROVAL_STATES } from '../model.ts';

const Person = Type.Object({
  firstName: Type.String({ description: 'First name (OpenCOM keeps none: empty)' }),
  lastName: Type.String({ description: 'Last name (OpenCOM keeps none: empty)' }),
  email: Type.String(),
});

const Link = (description: string) => Type.Object({ id: Type.String(), type: Type.String(), resourceUri: Type.String() }, { description });

const Vote = Type.Union([Type.Literal('APPROVED'), Type.Literal('DECLINED')]);

export const ApprovalRequestV1beta2 = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    type: Type.String({ description: 'compute-ops-mgmt/approval-request' }),
    generation: Type.Integer({ minimum: 1 }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    resourceUri: Type.String(),
    policy: Link('The approval policy the request was made under'),
    approvableName: Type.String(),
    approvableResource: Link('The server or group the held job acts on'),
    operation: Link('The held job'),
    requester: Type.Optional(Person),
    approvalState: Type.Union(APPROVAL_STATES.map((s) => Type.Literal(s))),
    requestRemarks: Type.String(),
    cancelledBy: Type.String({ description: 'Who cancelled the request, or why it was cancelled' }),
    minApprovers: Type.Integer({ minimum: 1 }),
    requestData: Type.Object({
      approvals: Type.Array(Type.Object({ approverId: Person, approvalState: Vote, remarks: Type.String() }), {
        description: 'Every decision taken so far, oldest first (one per approver)',
      }),
    }),
  },
  { description: 'Approval request' },
);
export type ApprovalRequestV1beta2 = Static<typeof ApprovalRequestV1beta2>;

export const ApprovalRequestCollectionV1beta2 = Collection(ApprovalRequestV1beta2, 'Approval requests');

export const ApprovalRequestPatchV1beta2 = Type.Object(
  {
    approvalState: Type.Literal('CANCELLED', { description: 'The only state a requester can set' }),
    requestRemarks: Type.Optional(Type.String({ description: 'Why the request is withdrawn' })),
  },
  { description: 'Withdraw a pending request (requester only)' },
);
export type ApprovalRequestPatchV1beta2 = Static<typeof ApprovalRequestPatchV1beta2>;

export const ApproveV1beta2 = Type.Object(
  {
    approvalState: Vote,
    remarks: Type.Optional(Type.String({ description: 'Comments on the decision' })),
  },
  { description: 'An approver approves or declines' },
);
export type ApproveV1beta2 = Static<typeof ApproveV1beta2>;

export const ApproveResultV1beta2 = Type.Object({ approvalState: Vote, remarks: Type.String() }, { description: 'The decision as recorded' });

export const RequestIdParams = Type.Object({ request_id: Type.String({ description: 'Approval request id (uuid)' }) });
