// The activities a change to an approval policy leaves in the feed, recorded inside the write's own
// transaction so a refused or rolled-back write leaves none. activities.md names no approval keys; ours
// follow its `<SCOPE>_<EVENT>` form.
import type { Db } from '../../store/store.ts';
import { recordActivity } from '../activities/service.ts';
import type { ApprovalPolicy } from './model.ts';

export type PolicyEvent = 'CREATED' | 'UPDATED' | 'DELETED';

const WORDING: Record<PolicyEvent, { en: [string, string]; ja: [string, string] }> = {
  CREATED: { en: ['Approval policy created', 'was created'], ja: ['承認ポリシーが作成されました', 'が作成されました'] },
  UPDATED: { en: ['Approval policy updated', 'was updated'], ja: ['承認ポリシーが更新されました', 'が更新されました'] },
  DELETED: { en: ['Approval policy deleted', 'was deleted'], ja: ['承認ポリシーが削除されました', 'が削除されました'] },
};

function details(p: ApprovalPolicy, who: string): { en: string; ja: string } {
  const actions = p.approvables.map((a) => `${a.name} (${a.minApprovers} of ${a.approvers.length})`).join(', ') || 'none';
  return {
    en: `Details: actions needing approval: ${actions}; groups: ${p.resources.length}; by ${who}`,
    ja: `詳細: 承認が必要な操作: ${actions}、グループ数: ${p.resources.length}、実行者 ${who}`,
  };
}

/** Records APPROVAL_POLICY_CREATED / _UPDATED / _DELETED; `who` is the caller's e-mail. */
export async function recordPolicyActivity(tx: Db, event: PolicyEvent, p: ApprovalPolicy, who: string): Promise<void> {
  const words = WORDING[event];
  const detail = details(p, who);
  await recordActivity(tx, p.workspaceId, {
    key: `APPROVAL_POLICY_${event}`,
    text: {
      en: { title: words.en[0], message: `Approval policy ${p.name} ${words.en[1]}\n\n${detail.en}`, recommendedAction: null },
      ja: { title: words.ja[0], message: `承認ポリシー ${p.name} ${words.ja[1]}\n\n${detail.ja}`, recommendedAction: null },
    },
    source: { type: 'Approval policy', id: p.id, name: p.name, resourceUri: `v1beta2/approval-policies/${p.id}` },
  });
}
