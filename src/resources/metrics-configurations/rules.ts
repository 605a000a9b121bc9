// Validation of the hub model (metrics-configurations.md): at most one saved filter among the alert
// resources, and a threshold that is a percentage. Pure; returns issues with the subjects clients see.
import type { Issue } from '../../http/com-error.ts';
import type { MetricsSettings } from './model.ts';

export function validateSettings(s: MetricsSettings): Issue[] {
  const issues: Issue[] = [];
  const p = s.powerUtilizationThresholdPercentage;
  // The reference gives no bounds; clients restrict the value to 1..100, and beyond that it is not a percentage.
  if (!Number.isInteger(p) || p < 1 || p > 100) {
    issues.push({ source: 'field', subject: 'powerUtilizationThresholdPercentage', description: 'must be an integer from 1 to 100' });
  }
  if (s.alertResources.filter((r) => r?.type === 'filter').length > 1) {
    issues.push({ source: 'field', subject: 'alertResources', description: 'Only one filter can be added to alertResources.' });
  }
  return issues;
}
