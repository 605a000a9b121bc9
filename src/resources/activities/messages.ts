// Activity texts per key, in every served language. `{name}` placeholders are filled from the recording
// group's args. Keys and wording follow what COM clients read (activities.md §2–§3); Japanese is ours.
import type { ActivityText, Language } from './model.ts';

interface Template {
  title: string;
  message: string;
  recommendedAction?: string;
  /** Title of a collapsed run (`groups` parameter); `{count}` is the run's size. */
  groupTitle?: string;
}

type Templates = Record<Language, Template>;

export const ACTIVITY_MESSAGES: Readonly<Record<string, Templates>> = {
  SERVER_ALERT_RAISED: {
    en: { title: '{severity} alert on server {serverName}', message: '{message}\n\nDetails: {description}', recommendedAction: '{resolution}', groupTitle: '{count} server alerts' },
    ja: { title: 'サーバー {serverName} でアラートが発生しました', message: '{message}\n\n詳細: {description}', recommendedAction: '{resolution}', groupTitle: '{count} 件のサーバーアラート' },
  },
  SERVER_ALERT_CLEARED: {
    en: { title: 'Alert cleared on server {serverName}', message: 'Alert cleared: {message}\n\nMessage ID: {messageId}', groupTitle: '{count} server alerts cleared' },
    ja: { title: 'サーバー {serverName} のアラートがクリアされました', message: 'クリアされたアラート: {message}\n\nメッセージ ID: {messageId}', groupTitle: '{count} 件のサーバーアラートがクリアされました' },
  },
  SERVER_ASSIGNED: {
    en: { title: 'Server assigned to Compute Ops Management', message: 'Server {serverName} was assigned to Compute Ops Management', groupTitle: '{count} servers assigned to Compute Ops Management' },
    ja: { title: 'サーバーが Compute Ops Management に割り当てられました', message: 'サーバー {serverName} が Compute Ops Management に割り当てられました', groupTitle: '{count} 台のサーバーが Compute Ops Management に割り当てられました' },
  },
  SERVER_CONNECTED: {
    en: { title: 'Server connected', message: 'Server {serverName} connected to Compute Ops Management', groupTitle: '{count} servers connected' },
    ja: { title: 'サーバーが接続されました', message: 'サーバー {serverName} が Compute Ops Management に接続されました', groupTitle: '{count} 台のサーバーが接続されました' },
  },
  SERVER_DISCONNECTED: {
    en: {
      title: 'Server disconnected',
      message: 'Server {serverName} disconnected from Compute Ops Management',
      recommendedAction: 'Check the iLO network connection and its Compute Ops Management connection settings.',
      groupTitle: '{count} servers disconnected',
    },
    ja: {
      title: 'サーバーが切断されました',
      message: 'サーバー {serverName} が Compute Ops Management から切断されました',
      recommendedAction: 'iLO のネットワーク接続と Compute Ops Management の接続設定を確認してください。',
      groupTitle: '{count} 台のサーバーが切断されました',
    },
  },
  SERVER_RENAMED: {
    en: { title: 'Server renamed', message: 'Server {oldName} was renamed to {serverName}' },
    ja: { title: 'サーバー名が変更されました', message: 'サーバー {oldName} の名前が {serverName} に変更されました' },
  },
  GROUP_SERVER_ADDED: {
    en: { title: 'Server added to group', message: 'Server {serverName} was added to group {groupName}', groupTitle: '{count} servers added to groups' },
    ja: { title: 'サーバーがグループに追加されました', message: 'サーバー {serverName} がグループ {groupName} に追加されました', groupTitle: '{count} 台のサーバーがグループに追加されました' },
  },
  GROUP_SERVER_REMOVED: {
    en: { title: 'Server removed from group', message: 'Server {serverName} was removed from group {groupName}', groupTitle: '{count} servers removed from groups' },
    ja: { title: 'サーバーがグループから削除されました', message: 'サーバー {serverName} がグループ {groupName} から削除されました', groupTitle: '{count} 台のサーバーがグループから削除されました' },
  },
  SERVER_JOB_FW_UPDATE_IN_PROGRESS: {
    en: { title: 'Firmware update in progress', message: 'Firmware update in progress\n\nStatus: {status}', groupTitle: '{count} servers firmware update in progress' },
    ja: { title: 'ファームウェア更新を実行中', message: 'ファームウェア更新を実行中\n\nステータス: {status}', groupTitle: '{count} 台のサーバーのファームウェア更新を実行中' },
  },
  SERVER_JOB_FW_UPDATE_COMPLETED: {
    en: { title: 'Firmware update successful', message: 'Firmware update successful\n\nNote: {note}', groupTitle: '{count} servers firmware update successful' },
    ja: { title: 'ファームウェア更新に成功しました', message: 'ファームウェア更新に成功しました\n\n注: {note}', groupTitle: '{count} 台のサーバーのファームウェア更新に成功しました' },
  },
  SERVER_JOB_FW_UPDATE_FAILED: {
    en: {
      title: 'Firmware update failed',
      message: 'Firmware update failed\n\nDetails: {reason}',
      recommendedAction: 'Retry the firmware update. If the problem persists, contact HPE support (error code: {errorCode}).',
      groupTitle: '{count} servers firmware update failed',
    },
    ja: {
      title: 'ファームウェア更新に失敗しました',
      message: 'ファームウェア更新に失敗しました\n\n詳細: {reason}',
      recommendedAction: 'ファームウェア更新を再試行してください。問題が解決しない場合は HPE サポートにお問い合わせください (エラーコード: {errorCode})。',
      groupTitle: '{count} 台のサーバーのファームウェア更新に失敗しました',
    },
  },
  JOB_STARTED: {
    en: { title: 'Job started', message: 'Job {jobName} started on {target}', groupTitle: '{count} jobs started' },
    ja: { title: 'ジョブが開始されました', message: 'ジョブ {jobName} が {target} で開始されました', groupTitle: '{count} 件のジョブが開始されました' },
  },
  JOB_COMPLETED: {
    en: { title: 'Job completed', message: 'Job {jobName} completed on {target}\n\nStatus: {status}', groupTitle: '{count} jobs completed' },
    ja: { title: 'ジョブが完了しました', message: 'ジョブ {jobName} が {target} で完了しました\n\nステータス: {status}', groupTitle: '{count} 件のジョブが完了しました' },
  },
  JOB_FAILED: {
    en: {
      title: 'Job failed',
      message: 'Job {jobName} failed on {target}\n\nDetails: {reason}',
      recommendedAction: 'Check the target and retry the job.',
      groupTitle: '{count} jobs failed',
    },
    ja: {
      title: 'ジョブが失敗しました',
      message: 'ジョブ {jobName} が {target} で失敗しました\n\n詳細: {reason}',
      recommendedAction: '対象を確認してジョブを再試行してください。',
      groupTitle: '{count} 件のジョブが失敗しました',
    },
  },
  GROUP_JOB_FW_UPDATE_COMPLETED: {
    en: { title: 'Group firmware update successful', message: 'Firmware update of group {groupName} successful\n\nNote: {succeeded} out of {total} servers updated successfully.' },
    ja: { title: 'グループのファームウェア更新に成功しました', message: 'グループ {groupName} のファームウェア更新に成功しました\n\n注: {total} 台中 {succeeded} 台のサーバーが正常に更新されました。' },
  },
  GROUP_JOB_FW_UPDATE_FAILED: {
    en: {
      title: 'Group firmware update failed',
      message: 'Firmware update of group {groupName} failed\n\nDetails: {failed} out of {total} servers failed firmware update.',
      recommendedAction: 'Review the activities of the failed servers and retry the firmware update.',
    },
    ja: {
      title: 'グループのファームウェア更新に失敗しました',
      message: 'グループ {groupName} のファームウェア更新に失敗しました\n\n詳細: {total} 台中 {failed} 台のサーバーでファームウェア更新に失敗しました。',
      recommendedAction: '失敗したサーバーのアクティビティを確認し、ファームウェア更新を再試行してください。',
    },
  },
};

function fill(template: string, args: Readonly<Record<string, string | number>>, key: string): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (_, name: string) => {
    const value = args[name];
    // A missing argument is a bug in the recording group, not a client error.
    if (value === undefined) throw new Error(`activity ${key}: template argument '${name}' is missing`);
    return String(value);
  });
}

/** The key's text in every language, or undefined when the catalogue has no templates for it. */
export function renderActivityText(key: string, args: Readonly<Record<string, string | number>>): Record<Language, ActivityText> | undefined {
  const templates = ACTIVITY_MESSAGES[key];
  if (!templates) return undefined;
  const render = (t: Template): ActivityText => ({
    title: fill(t.title, args, key),
    message: fill(t.message, args, key),
    recommendedAction: t.recommendedAction === undefined ? null : fill(t.recommendedAction, args, key),
  });
  return { en: render(templates.en), ja: render(templates.ja) };
}

/** The headline of a collapsed run of `count` activities whose newest has `title`. */
export function groupTitle(key: string, language: Language, count: number, title: string): string {
  const template = ACTIVITY_MESSAGES[key]?.[language].groupTitle;
  if (template) return template.replace('{count}', String(count));
  return `${title} (${count})`;
}
