// Validation of the hub model: the cumulative event-flag hierarchy and the disconnect range
// (user-preferences.md §1.2). Pure; returns issues with the subjects COM clients see.
import type { Issue } from '../../http/com-error.ts';
import type { NotificationChoices } from './model.ts';

type EventFlags = Pick<NotificationChoices, 'criticalNotification' | 'criticalNonServiceNotification' | 'warningNotification'>;

/** Only FFF, TFF, TTF and TTT are valid for (critical, criticalNonService, warning). */
export function hierarchyIssues(flags: EventFlags, pathPrefix = ''): Issue[] {
  const issues: Issue[] = [];
  if (flags.criticalNonServiceNotification && !flags.criticalNotification) {
    issues.push({ source: 'field', subject: `${pathPrefix}criticalNonServiceNotification`, description: 'requires criticalNotification=true' });
  }
  if (flags.warningNotification && !flags.criticalNonServiceNotification) {
    issues.push({ source: 'field', subject: `${pathPrefix}warningNotification`, description: 'requires criticalNonServiceNotification=true' });
  }
  return issues;
}

export function disconnectIssues(value: number | null, pathPrefix = ''): Issue[] {
  if (value === null || (Number.isInteger(value) && value >= 1 && value <= 3)) return [];
  return [{ source: 'field', subject: `${pathPrefix}disconnectNotification`, description: 'must be an integer from 1 to 3, or null' }];
}

export function validateChoices(choices: NotificationChoices): Issue[] {
  return [...hierarchyIssues(choices), ...disconnectIssues(choices.disconnectNotification)];
}
