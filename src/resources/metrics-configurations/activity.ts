// The activities a change to the workspace's metrics configuration leaves in the feed (activities.md §3:
// "every change emits an activity"). Recorded inside the write's own transaction, so a refused or
// rolled-back write leaves none. COM files metrics configurations under its `Setting` source category.
import type { Db } from '../../store/store.ts';
import { recordActivity } from '../activities/service.ts';
import type { MetricsConfiguration } from './model.ts';

export type MetricsConfigurationEvent = 'CREATED' | 'UPDATED' | 'DELETED';

const NAME = { en: 'Metrics configuration', ja: 'メトリクス構成' };

const WORDING: Record<MetricsConfigurationEvent, { en: [string, string]; ja: [string, string] }> = {
  CREATED: { en: ['Metrics configuration created', 'was created'], ja: ['メトリクス構成が作成されました', 'が作成されました'] },
  UPDATED: { en: ['Metrics configuration updated', 'was updated'], ja: ['メトリクス構成が更新されました', 'が更新されました'] },
  DELETED: { en: ['Metrics configuration deleted', 'was deleted'], ja: ['メトリクス構成が削除されました', 'が削除されました'] },
};

const COLLECTION = {
  SYSTEM_SCHEDULED: { en: 'system scheduled', ja: 'システムスケジュール' },
  ON_DEMAND: { en: 'on demand', ja: 'オンデマンド' },
};

/** The `<label>: <detail>` line: what the configuration does (after the change; before it, for a delete). */
function details(c: MetricsConfiguration): { en: string; ja: string } {
  const collection = COLLECTION[c.metricsCollection];
  const pct = c.powerUtilizationThresholdPercentage;
  return {
    en: `Settings: metrics collection ${collection.en}, power threshold alerts ${c.powerThresholdAlerts ? `on above ${pct}%` : 'off'}`,
    ja: `設定: メトリクス収集 ${collection.ja}、電力しきい値アラート ${c.powerThresholdAlerts ? `${pct}% 超でオン` : 'オフ'}`,
  };
}

/** Records METRICS_CONFIGURATION_CREATED / _UPDATED / _DELETED; call with the write's transaction. */
export async function recordMetricsConfigurationActivity(tx: Db, event: MetricsConfigurationEvent, c: MetricsConfiguration): Promise<void> {
  const words = WORDING[event];
  const detail = details(c);
  await recordActivity(tx, c.workspaceId, {
    key: `METRICS_CONFIGURATION_${event}`,
    text: {
      en: { title: words.en[0], message: `${NAME.en} ${words.en[1]}\n\n${detail.en}`, recommendedAction: null },
      ja: { title: words.ja[0], message: `${NAME.ja}${words.ja[1]}\n\n${detail.ja}`, recommendedAction: null },
    },
    source: { type: 'Setting', id: c.id, name: NAME.en, resourceUri: `v1/metrics-configurations/${c.id}` },
  });
}
