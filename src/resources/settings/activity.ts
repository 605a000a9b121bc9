// The activities a user's change to a setting leaves in the workspace feed (activities.md §3: "every change
// emits an activity"). Recorded by the service inside the write's own transaction, so a refused or rolled-back
// write leaves none. HPE-provided records are seeded, not changed by a user, and record nothing.
import type { Db } from '../../store/store.ts';
import { recordActivity } from '../activities/service.ts';
import type { Setting, SettingCategory } from './model.ts';

export type SettingEvent = 'CREATED' | 'UPDATED' | 'DELETED';

// Category names as the COM console shows them; Japanese keeps product names (BIOS, iLO, OneView) as they are.
const CATEGORY_LABELS: Record<SettingCategory, { en: string; ja: string }> = {
  BIOS: { en: 'BIOS', ja: 'BIOS' },
  EXTERNAL_STORAGE: { en: 'External storage', ja: '外部ストレージ' },
  FIRMWARE: { en: 'Firmware', ja: 'ファームウェア' },
  ILO: { en: 'iLO', ja: 'iLO' },
  ILO_SETTINGS: { en: 'iLO', ja: 'iLO' },
  OS: { en: 'Operating system', ja: 'オペレーティングシステム' },
  STORAGE: { en: 'Internal storage', ja: '内部ストレージ' },
  OVE_APPLIANCE_SETTINGS_ANY: { en: 'OneView appliance settings', ja: 'OneView アプライアンス設定' },
  OVE_APPLIANCE_SETTINGS_SYNERGY: { en: 'OneView appliance settings (Synergy)', ja: 'OneView アプライアンス設定 (Synergy)' },
  OVE_SERVER_TEMPLATES_SYNERGY: { en: 'OneView server templates (Synergy)', ja: 'OneView サーバーテンプレート (Synergy)' },
  OVE_SERVER_TEMPLATES_VM: { en: 'OneView server templates', ja: 'OneView サーバーテンプレート' },
  OVE_SOFTWARE_VM: { en: 'OneView appliance software', ja: 'OneView アプライアンスソフトウェア' },
  OVE_SOFTWARE_SYNERGY: { en: 'OneView appliance software (Synergy)', ja: 'OneView アプライアンスソフトウェア (Synergy)' },
};

const WORDING: Record<SettingEvent, { en: [string, string]; ja: [string, string] }> = {
  CREATED: { en: ['Setting created', 'was created'], ja: ['設定が作成されました', 'が作成されました'] },
  UPDATED: { en: ['Setting updated', 'was updated'], ja: ['設定が更新されました', 'が更新されました'] },
  DELETED: { en: ['Setting deleted', 'was deleted'], ja: ['設定が削除されました', 'が削除されました'] },
};

/** Records SETTING_CREATED / _UPDATED / _DELETED for a user's change; call with the write's transaction. */
export async function recordSettingActivity(tx: Db, event: SettingEvent, setting: Setting): Promise<void> {
  const words = WORDING[event];
  const label = CATEGORY_LABELS[setting.category];
  await recordActivity(tx, setting.workspaceId, {
    key: `SETTING_${event}`,
    text: {
      en: { title: words.en[0], message: `Setting ${setting.name} ${words.en[1]}\n\nCategory: ${label.en}`, recommendedAction: null },
      ja: { title: words.ja[0], message: `設定 ${setting.name} ${words.ja[1]}\n\nカテゴリ: ${label.ja}`, recommendedAction: null },
    },
    // One canonical URI whichever API made the change: v1 shows every category, the legacy views do not.
    source: { type: 'Setting', id: setting.id, name: setting.name, resourceUri: `v1/settings/${setting.id}` },
    serverSettingsId: setting.id,
    serverSettingsName: setting.name,
    serverSettingsCategory: setting.category,
  });
}
