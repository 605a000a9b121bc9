// approval-policies v1beta2 routes: schema → fromV1beta2 → service → toV1beta2. Writes need an administrator
// (approvals.md §5.2: 403 when the caller lacks admin rights).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { resourceUri, type VersionRoutes } from '../../../http/api-scope.ts';
import { callContext } from '../../../http/request-context.ts';
import { errorResponses, ListQuery } from '../../../http/schemas.ts';
import { listEnvelope } from '../../list-envelope.ts';
import type { ApprovalPolicyService } from '../service.ts';
import { fromV1beta2, fromV1beta2Patch, listSpecV1beta2, toV1beta2 } from './mapper.ts';
import { ApprovalPolicyCollectionV1beta2, ApprovalPolicyCreateV1beta2, ApprovalPolicyPatchV1beta2, ApprovalPolicyV1beta2, PolicyIdParams } from './schemas.ts';

const tags = ['approval-policy - v1beta2'];
const admin = { permission: 'admin' as const };

export function approvalPoliciesV1beta2(service: ApprovalPolicyService): VersionRoutes {
  return (app, scope) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.get(
      '/approval-policies',
      {
        schema: {
          operationId: 'get_v1beta2_approval_policies',
          summary: 'Page through approval policies',
          tags,
          querystring: ListQuery,
          response: { 200: ApprovalPolicyCollectionV1beta2, ...errorResponses(400, 401, 403, 406, 422, 500) },
        },
      },
      async (request, reply) => {
        const page = await service.list(callContext(request), scope.prefix, request.query, listSpecV1beta2);
        return listEnvelope(reply, page, (p) => toV1beta2(p, scope), request.query.select);
      },
    );

    r.post(
      '/approval-policies',
      {
        config: admin,
        schema: {
          operationId: 'post_create_approval_policy_v1beta2',
          summary: 'Define a new approval policy',
          tags,
          body: ApprovalPolicyCreateV1beta2,
          response: { 201: ApprovalPolicyV1beta2, ...errorResponses(400, 401, 403, 406, 409, 415, 422, 500) },
        },
      },
      async (request, reply) => {
        const created = await service.create(callContext(request), fromV1beta2(request.body));
        reply.code(201).header('location', resourceUri(scope, `approval-policies/${created.id}`));
        return toV1beta2(created, scope);
      },
    );

    r.get(
      '/approval-policies/:policy_id',
      {
        schema: {
          operationId: 'get_v1beta2_approval_policy_by_id',
          summary: 'Read one approval policy',
          tags,
          params: PolicyIdParams,
          response: { 200: ApprovalPolicyV1beta2, ...errorResponses(401, 403, 404, 406, 500) },
        },
      },
      async (request) => toV1beta2(await service.get(callContext(request), request.params.policy_id), scope),
    );

    r.patch(
      '/approval-policies/:policy_id',
      {
        config: admin,
        schema: {
          operationId: 'patch_v1beta2_approval_policy_by_id',
          summary: 'Modify an approval policy (merge patch)',
          tags,
          params: PolicyIdParams,
          body: ApprovalPolicyPatchV1beta2,
          response: { 200: ApprovalPolicyV1beta2, ...errorResponses(400, 401, 403, 404, 406, 409, 412, 415, 422, 500) },
        },
      },
      async (request) => {
        const updated = await service.update(callContext(request), request.params.policy_id, fromV1beta2Patch(request.body), request.headers['if-match']);
        return toV1beta2(updated, scope);
      },
    );

    r.delete(
      '/approval-policies/:policy_id',
      {
        config: admin,
        schema: {
          operationId: 'delete_v1beta1_approval_policy_by_id',
          summary: 'Remove an approval policy; its pending requests are cancelled',
          tags,
          params: PolicyIdParams,
          response: { 204: { type: 'null', description: 'Deleted' }, ...errorResponses(401, 403, 404, 406, 412, 500) },
        },
      },
      async (request, reply) => {
        await service.delete(callContext(request), request.params.policy_id, request.headers['if-match']);
        return reply.code(204).send();
      },
    );
  };
}
