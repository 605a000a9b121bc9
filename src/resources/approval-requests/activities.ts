// The activities an approval request leaves in the feed, recorded in the transaction of the change. They are
// sourced at the held job, so clients that look a job's story up by `contains(source/resourceUri,'<jobId>')`
// read why it waited or never ran (activities.md §3). activities.md names no approval keys; ours follow its
// `<SCOPE>_<EVENT>` form.
import type { Db } from '../../store/store.ts';
import { recordActivity } from '../activities/service.ts';
import type { ApprovalRequest } from './model.ts';

export type RequestEvent = 'CREATED' | 'APPROVED' | 'DECLINED' | 'CANCELLED' | 'EXPIRED';

const TITLES: Record<RequestEvent, { en: string; ja: string }> = {
  CREATED: { en: 'Job waiting for approval', ja: 'ジョブは承認待ちです' },
  APPROVED: { en: 'Job approval recorded', ja: 'ジョブの承認が記録されました' },
  DECLINED: { en: 'Job declined', ja: 'ジョブが却下されました' },
  CANCELLED: { en: 'Job approval request cancelled', ja: 'ジョブの承認リクエストが取り消されました' },
  EXPIRED: { en: 'Job approval request expired', ja: 'ジョブの承認リクエストの期限が切れました' },
};

/** Records APPROVAL_REQUEST_<event>; `message` is the English detail line, also used for Japanese. */
export async function recordRequestActivity(tx: Db, event: RequestEvent, r: ApprovalRequest, jobName: string, message: string): Promise<void> {
  const title = TITLES[event];
  await recordActivity(tx, r.workspaceId, {
    key: `APPROVAL_REQUEST_${event}`,
    text: {
      en: { title: title.en, message: `${title.en}: ${jobName} (${r.approvableName})\n\nDetails: ${message}`, recommendedAction: null },
      ja: { title: title.ja, message: `${title.ja}: ${jobName} (${r.approvableName})\n\n詳細: ${message}`, recommendedAction: null },
    },
    source: { type: 'Job', id: r.operation.id, name: jobName, resourceUri: `v1/jobs/${r.operation.id}` },
    associatedServerId: r.resource.type === 'server' ? r.resource.id : null,
    groupId: r.resource.type === 'group' ? r.resource.id : null,
  });
}
