// approval-requests v1beta2 routes: schema → service → toV1beta2. Requests are made by the system when a job
// is held; clients read them, the requester cancels (PATCH) and approvers decide (POST …/approve).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { VersionRoutes } from '../../../http/api-scope.ts';
import { callContext } from '../../../http/request-context.ts';
import { errorResponses, ListQuery } from '../../../http/schemas.ts';
import { listEnvelope } from '../../list-envelope.ts';
import type { ApprovalRequestService } from '../service.ts';
import { decisionToV1beta2, listSpecV1beta2, toV1beta2 } from './mapper.ts';
import {
  ApprovalRequestCollectionV1beta2,
  ApprovalRequestPatchV1beta2,
  ApprovalRequestV1beta2,
  ApproveResultV1beta2,
  ApproveV1beta2,
  RequestIdParams,
} from './schemas.ts';

const tags = ['approval-request - v1beta2'];

export function approvalRequestsV1beta2(service: ApprovalRequestService): VersionRoutes {
  return (app, scope) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.get(
      '/approval-requests',
      {
        schema: {
          operationId: 'get_v1beta1_approval_requests',
          summary: 'Page through approval requests',
          tags,
          querystring: ListQuery,
          response: { 200: ApprovalRequestCollectionV1beta2, ...errorResponses(400, 401, 403, 406, 422, 500) },
        },
      },
      async (request, reply) => {
        const page = await service.list(callContext(request), scope.prefix, request.query, listSpecV1beta2);
        return listEnvelope(reply, page, (item) => toV1beta2(item, scope), request.query.select);
      },
    );

    r.get(
      '/approval-requests/:request_id',
      {
        schema: {
          operationId: 'get_v1beta1_approval_request_by_id',
          summary: 'Read one approval request',
          tags,
          params: RequestIdParams,
          response: { 200: ApprovalRequestV1beta2, ...errorResponses(401, 403, 404, 406, 500) },
        },
      },
      async (request) => toV1beta2(await service.get(callContext(request), request.params.request_id), scope),
    );

    r.patch(
      '/approval-requests/:request_id',
      {
        schema: {
          operationId: 'patch_v1beta1_approval_request_by_id',
          summary: 'Requester withdraws a request (approvalState=CANCELLED)',
          tags,
          params: RequestIdParams,
          body: ApprovalRequestPatchV1beta2,
          response: { 200: ApprovalRequestV1beta2, ...errorResponses(400, 401, 403, 404, 406, 409, 412, 415, 500) },
        },
      },
      async (request) => {
        const cancelled = await service.cancel(callContext(request), request.params.request_id, request.body.requestRemarks, request.headers['if-match']);
        return toV1beta2(cancelled, scope);
      },
    );

    r.post(
      '/approval-requests/:request_id/approve',
      {
        schema: {
          operationId: 'post_create_approval_request_v1beta2',
          summary: 'Approver votes APPROVED or DECLINED on a request',
          tags,
          params: RequestIdParams,
          body: ApproveV1beta2,
          response: { 200: ApproveResultV1beta2, ...errorResponses(400, 401, 403, 404, 406, 409, 415, 500) },
        },
      },
      async (request) => {
        const decision = await service.decide(callContext(request), request.params.request_id, request.body.approvalState, request.body.remarks ?? '');
        return decisionToV1beta2(decision);
      },
    );
  };
}
