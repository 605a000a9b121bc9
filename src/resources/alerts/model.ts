// The hub model of an alert: one condition a server's iLO (hardware) or COM's power-utilization thresholds
// (software) reported, active until cleared (servers.md §5.1, alert-v1). Versions map from this shape only.

/** HPE's alert severity enum (alert-v1). */
export const ALERT_SEVERITIES = ['OK', 'WARNING', 'CRITICAL', 'UNKNOWN', 'NOT_PRESENT', 'REDUNDANT', 'NON_REDUNDANT'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/**
 * Alert categories. COM documents `fans`, `security` and `power` as examples and filters them ignoring case
 * (get_v1_alerts), so the set is closed and stored in COM's lower-case spelling.
 */
export const ALERT_CATEGORIES = [
  'fans',
  'power',
  'temperature',
  'memory',
  'processor',
  'storage',
  'network',
  'battery',
  'security',
  'firmware',
  'system',
  'utilization',
  'other',
] as const;
export type AlertCategory = (typeof ALERT_CATEGORIES)[number];

/** `hardware` alerts come from the iLO; `software` ones from COM itself (power-utilization thresholds). */
export const ALERT_TYPES = ['hardware', 'software'] as const;
export type AlertType = (typeof ALERT_TYPES)[number];

/** The ServiceNow incident opened for a service event, when the integration exists. */
export interface ServiceNowIncident {
  id: string;
  url: string;
  state: 'CREATION_SUCCESS' | 'CREATION_IN_PROGRESS' | 'CREATION_FAILED';
}

/** A stored alert. */
export interface Alert {
  id: string;
  workspaceId: string;
  serverId: string;
  /** Starts at 1; +1 on every change (recurrence, clearing). */
  generation: number;
  createdAt: string;
  updatedAt: string;
  severity: AlertSeverity;
  category: AlertCategory;
  alertType: AlertType;
  /** Full versioned Redfish message id, `Bundle.Major.Minor.Key`. */
  messageId: string;
  /** The last segment of messageId, e.g. `FanFailed`. */
  messageKey: string;
  /** Message template arguments as the device sent them. */
  arguments: string[];
  description: string;
  resolution: string;
  message: string;
  originOfCondition: string | null;
  /** When the device saw the condition (may precede createdAt). */
  timestamp: string;
  serviceEvent: boolean;
  isRecurrent: boolean;
  cleared: boolean;
  clearedAt: string | null;
  serviceNowIncident: ServiceNowIncident | null;
  caseId: number | null;
  caseUrl: string | null;
}

/** What the device simulator (or a Redfish event) hands to `raiseAlert`. */
export interface NewAlert {
  serverId: string;
  /** Any case; stored as HPE's upper-case enum value. */
  severity: string;
  /** Any case; stored in COM's lower-case spelling. */
  category: string;
  messageId: string;
  description: string;
  resolution: string;
  message: string;
  originOfCondition: string | null;
  timestamp: string;
  serviceEvent: boolean;
  isRecurrent?: boolean;
  /** Defaults to `software` for the Utilization registry, `hardware` otherwise. */
  alertType?: AlertType;
  arguments?: string[];
}

/** Which active alerts of a server to clear; an absent member matches anything. */
export interface ClearMatch {
  messageId?: string;
  originOfCondition?: string;
}

/** The support-ticket members, present only when a ticket exists (alert-v1: "available only when…"). */
export function ticketFields(a: Alert): { serviceNowIncident?: ServiceNowIncident; caseId?: number; caseUrl?: string } {
  return {
    ...(a.serviceNowIncident === null ? {} : { serviceNowIncident: a.serviceNowIncident }),
    ...(a.caseId === null ? {} : { caseId: a.caseId }),
    ...(a.caseUrl === null ? {} : { caseUrl: a.caseUrl }),
  };
}
