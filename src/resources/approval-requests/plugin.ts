// The approval-requests group (COM path root `approval-request`), published as v1beta2. It holds jobs through
// the engine's submit gate and cancels the requests a deleted policy leaves behind.
import { mountVersion } from '../../http/api-scope.ts';
import { onJobEndedByUser } from '../../job-engine/end-hooks.ts';
import { registerSubmitGate } from '../../job-engine/submit.ts';
import { onPolicyRemoved } from '../approval-policies/service.ts';
import type { ResourceGroup } from '../group.ts';
import { holdForApproval, setApprovalExpiryHours } from './gate.ts';
import { approvalRequestMigrations } from './migrations.ts';
import { ApprovalRequestService, cancelRequestsOfPolicy, withdrawRequestOfJob } from './service.ts';
import { approvalRequestsV1beta2 } from './v1beta2/routes.ts';

export const approvalRequestsGroup: ResourceGroup = {
  name: 'approval-requests',
  migrations: approvalRequestMigrations,
  async register(app, deps) {
    setApprovalExpiryHours(deps.config.approvals.expiryHours);
    registerSubmitGate(holdForApproval);
    // A held job its owner ends by hand takes its pending request with it.
    onJobEndedByUser((tx, job, who) => withdrawRequestOfJob(tx, job.workspaceId, job.id, who));
    onPolicyRemoved(cancelRequestsOfPolicy);
    await mountVersion(app, { version: 'v1beta2', routes: approvalRequestsV1beta2(new ApprovalRequestService(deps.store)) });
  },
};
