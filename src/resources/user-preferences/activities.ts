// The activities user-preference writes record (activities.md: "every change emits an activity"), with
// their English and Japanese texts. Called inside the transaction of the write they describe.
import type { ActivityText } from '../activities/model.ts';
import { recordActivity } from '../activities/service.ts';
import type { Db } from '../../store/store.ts';
import type { NotificationChoices, UserPreference } from './model.ts';

/** The explicit text of an activity, per served language. */
export interface Texts {
  en: ActivityText;
  ja: ActivityText;
}

export const SOURCE_TYPE = 'User Preferences';

type Event = 'CREATED' | 'UPDATED' | 'SUBSCRIBED' | 'UNSUBSCRIBED';

const HEADLINES: Record<Event, { en: (email: string) => [string, string]; ja: (email: string) => [string, string] }> = {
  CREATED: {
    en: (e) => ['User preferences created', `Notification preferences of ${e} were created`],
    ja: (e) => ['ユーザー設定が作成されました', `${e} の通知設定が作成されました`],
  },
  UPDATED: {
    en: (e) => ['User preferences updated', `Notification preferences of ${e} were updated`],
    ja: (e) => ['ユーザー設定が更新されました', `${e} の通知設定が更新されました`],
  },
  SUBSCRIBED: {
    en: (e) => ['User subscribed to notifications', `An administrator turned on notifications for ${e}`],
    ja: (e) => ['ユーザーが通知に登録されました', `管理者が ${e} の通知を有効にしました`],
  },
  UNSUBSCRIBED: {
    en: (e) => ['User unsubscribed from notifications', `An administrator turned off notifications for ${e}`],
    ja: (e) => ['ユーザーの通知登録が解除されました', `管理者が ${e} の通知を無効にしました`],
  },
};

/**
 * The choices as one detail line per language, e.g. `Critical: on, …, Disconnect: after 2 hours`; the
 * activity then tells what the user will receive without anybody reading the object.
 */
export function choicesDetail(c: NotificationChoices): { en: string; ja: string } {
  const en = (on: boolean) => (on ? 'on' : 'off');
  const ja = (on: boolean) => (on ? 'オン' : 'オフ');
  return {
    en:
      `Notifications: Critical: ${en(c.criticalNotification)}, Critical non-service: ${en(c.criticalNonServiceNotification)}, ` +
      `Warning: ${en(c.warningNotification)}, Health: ${en(c.healthNotification)}, Power reset: ${en(c.powerResetNotification)}, ` +
      `Disconnect: ${c.disconnectNotification === null ? 'off' : `after ${c.disconnectNotification} hours`}`,
    ja:
      `通知: 重大: ${ja(c.criticalNotification)}、重大 (サービス以外): ${ja(c.criticalNonServiceNotification)}、` +
      `警告: ${ja(c.warningNotification)}、ヘルス: ${ja(c.healthNotification)}、電源リセット: ${ja(c.powerResetNotification)}、` +
      `切断: ${c.disconnectNotification === null ? 'オフ' : `${c.disconnectNotification} 時間後`}`,
  };
}

function texts(event: Event, email: string, choices: NotificationChoices): Texts {
  const detail = choicesDetail(choices);
  const [enTitle, enHeadline] = HEADLINES[event].en(email);
  const [jaTitle, jaHeadline] = HEADLINES[event].ja(email);
  return {
    en: { title: enTitle, message: `${enHeadline}\n\n${detail.en}`, recommendedAction: null },
    ja: { title: jaTitle, message: `${jaHeadline}\n\n${detail.ja}`, recommendedAction: null },
  };
}

/** Records `USER_PREFERENCES_<event>` for the object of the user with this e-mail. */
export async function recordPreferenceActivity(tx: Db, event: Event, preference: UserPreference, email: string): Promise<void> {
  await recordActivity(tx, preference.workspaceId, {
    key: `USER_PREFERENCES_${event}`,
    text: texts(event, email, preference),
    source: { type: SOURCE_TYPE, id: preference.id, name: email, resourceUri: `v1/user-preferences/${preference.id}` },
    at: preference.updatedAt,
  });
}
