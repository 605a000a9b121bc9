// The activities schedules leave in the feed (activities.md §3 lists schedules among what emits them): one per
// API write, in its transaction, and one per execution, in the transaction that records the run.
import type { Db } from '../../store/store.ts';
import { recordActivity } from '../activities/service.ts';
import type { Schedule, ScheduleRun } from './model.ts';

type Event = 'CREATED' | 'UPDATED' | 'DELETED';

const WORDING: Record<Event, { en: [string, string]; ja: [string, string] }> = {
  CREATED: { en: ['Schedule created', 'was created'], ja: ['スケジュールが作成されました', 'が作成されました'] },
  UPDATED: { en: ['Schedule updated', 'was updated'], ja: ['スケジュールが更新されました', 'が更新されました'] },
  DELETED: { en: ['Schedule deleted', 'was deleted'], ja: ['スケジュールが削除されました', 'が削除されました'] },
};

const source = (s: Schedule) => ({ type: 'Schedule', id: s.id, name: s.name, resourceUri: `v1beta2/schedules/${s.id}` });

/** `Next run: …` — what the schedule will do next, the detail line clients read as line 3. */
function planned(s: Schedule): { en: string; ja: string } {
  return s.nextStartAt ? { en: `Next run: ${s.nextStartAt}`, ja: `次回の実行: ${s.nextStartAt}` } : { en: 'Next run: none planned', ja: '次回の実行: 予定なし' };
}

/** SCHEDULE_CREATED / _UPDATED / _DELETED; `why` explains a deletion nobody asked for directly. */
export async function recordScheduleActivity(tx: Db, event: Event, s: Schedule, why?: { en: string; ja: string }): Promise<void> {
  const w = WORDING[event];
  const detail = why ?? planned(s);
  await recordActivity(tx, s.workspaceId, {
    key: `SCHEDULE_${event}`,
    text: {
      en: { title: w.en[0], message: `Schedule ${s.name} ${w.en[1]}\n\n${detail.en}`, recommendedAction: null },
      ja: { title: w.ja[0], message: `スケジュール ${s.name} ${w.ja[1]}\n\n${detail.ja}`, recommendedAction: null },
    },
    source: source(s),
  });
}

/** SCHEDULE_EXECUTED when the call succeeded, SCHEDULE_EXECUTION_FAILED with its answer when it did not. */
export async function recordRunActivity(tx: Db, s: Schedule, run: ScheduleRun): Promise<void> {
  const ok = run.succeeded;
  const outcome = ok ? `Job: ${run.jobId}` : `Result: ${run.status} ${run.summary}`;
  await recordActivity(tx, s.workspaceId, {
    key: ok ? 'SCHEDULE_EXECUTED' : 'SCHEDULE_EXECUTION_FAILED',
    text: {
      en: {
        title: ok ? 'Schedule executed' : 'Schedule execution failed',
        message: `Schedule ${s.name} ${ok ? 'ran its operation' : 'could not run its operation'}\n\n${outcome}`,
        recommendedAction: ok ? null : 'Check the schedule history entry for the reason, then correct the schedule or its target.',
      },
      ja: {
        title: ok ? 'スケジュールが実行されました' : 'スケジュールの実行に失敗しました',
        message: `スケジュール ${s.name} ${ok ? 'が操作を実行しました' : 'は操作を実行できませんでした'}\n\n${ok ? `ジョブ: ${run.jobId}` : `結果: ${run.status} ${run.summary}`}`,
        recommendedAction: ok ? null : 'スケジュール履歴で理由を確認し、スケジュールまたは対象を修正してください。',
      },
    },
    source: source(s),
  });
}
