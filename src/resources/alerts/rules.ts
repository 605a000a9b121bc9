// Validation and normalisation of a new alert (servers.md §5.1). Pure; subjects are the wire paths.
import type { Issue } from '../../http/com-error.ts';
import { toStoredTimestamp } from '../../store/time.ts';
import { ALERT_CATEGORIES, ALERT_SEVERITIES, ALERT_TYPES, type AlertCategory, type AlertSeverity, type AlertType, type NewAlert } from './model.ts';

/** `Bundle.Major.Minor.Key`, e.g. `iLOEvents.3.1.FanFailed` or `Utilization.1.0.ProjectedCriticalPowerUtilExceeded`. */
const MESSAGE_ID = /^[A-Za-z][A-Za-z0-9]*\.[0-9]+\.[0-9]+\.([A-Za-z][A-Za-z0-9]*)$/;

/** The normalised parts of a new alert that the hub stores differently from how they arrive. */
export interface NormalizedAlert {
  severity: AlertSeverity;
  category: AlertCategory;
  alertType: AlertType;
  messageKey: string;
  timestamp: string;
}

const field = (subject: string, description: string): Issue => ({ source: 'field', subject, description });

function oneOf<T extends string>(values: readonly T[], text: string): T | undefined {
  return values.find((v) => v.toLowerCase() === text.toLowerCase());
}

function storedTimestamp(text: string): string | undefined {
  try {
    return toStoredTimestamp(text);
  } catch {
    return undefined;
  }
}

/** Issues with a new alert, or its normalised parts when there are none. */
export function normalizeNewAlert(input: NewAlert): { issues: Issue[]; value?: NormalizedAlert } {
  const issues: Issue[] = [];
  const severity = oneOf(ALERT_SEVERITIES, input.severity);
  if (!severity) issues.push(field('severity', `must be one of ${ALERT_SEVERITIES.join(', ')}`));
  const category = oneOf(ALERT_CATEGORIES, input.category);
  if (!category) issues.push(field('category', `must be one of ${ALERT_CATEGORIES.join(', ')}`));
  const key = MESSAGE_ID.exec(input.messageId)?.[1];
  if (!key) issues.push(field('messageId', 'must be Bundle.Major.Minor.Key, e.g. iLOEvents.3.1.FanFailed'));
  const timestamp = storedTimestamp(input.timestamp);
  if (!timestamp) issues.push(field('timestamp', `'${input.timestamp}' is not a date-time`));
  if (input.alertType !== undefined && !ALERT_TYPES.includes(input.alertType)) issues.push(field('alertType', 'must be hardware or software'));
  for (const name of ['message', 'description'] as const) {
    if (input[name].trim() === '') issues.push(field(name, 'must not be empty'));
  }
  if (issues.length || !severity || !category || !key || !timestamp) return { issues };
  const alertType = input.alertType ?? (input.messageId.startsWith('Utilization.') ? 'software' : 'hardware');
  return { issues, value: { severity, category, alertType, messageKey: key, timestamp } };
}
