// The approval-policies group (COM path root `approval-policy`): one service over two tables, published as v1beta2.
import { mountVersion } from '../../http/api-scope.ts';
import type { ResourceGroup } from '../group.ts';
import { approvalPolicyMigrations } from './migrations.ts';
import { onGroupDeleted } from '../groups/deletion-hooks.ts';
import { ApprovalPolicyService, forgetGroup } from './service.ts';
import { approvalPoliciesV1beta2 } from './v1beta2/routes.ts';

export const approvalPoliciesGroup: ResourceGroup = {
  name: 'approval-policies',
  migrations: approvalPolicyMigrations,
  async register(app, deps) {
    // A deleted group leaves the policy that covered it, in the deleting transaction.
    onGroupDeleted(forgetGroup);
    await mountVersion(app, { version: 'v1beta2', routes: approvalPoliciesV1beta2(new ApprovalPolicyService(deps.store, deps.identity)) });
  },
};
