// The hub model of a metrics configuration: whether COM collects utilization/energy metrics on its own
// schedule, and the power-utilization threshold alerts with the servers they cover (metrics-configurations.md).

export const METRICS_COLLECTIONS = ['SYSTEM_SCHEDULED', 'ON_DEMAND'] as const;
export type MetricsCollection = (typeof METRICS_COLLECTIONS)[number];

/** What threshold alerts cover: a group, a saved filter, or servers carrying a tag. */
export type AlertResource =
  | { type: 'group'; id: string; name: string }
  | { type: 'filter'; id: string; name: string }
  | { type: 'tags'; name: string; value: string };

/** The choices a client makes; `null` entries mean "no resource configured" and are kept as sent. */
export interface MetricsSettings {
  metricsCollection: MetricsCollection;
  powerThresholdAlerts: boolean;
  /** Alert when a server's power utilization exceeds this percentage. */
  powerUtilizationThresholdPercentage: number;
  alertResources: (AlertResource | null)[];
}

/** A stored metrics configuration; a workspace holds at most one. */
export interface MetricsConfiguration extends MetricsSettings {
  id: string;
  workspaceId: string;
  /** Starts at 1 and only ever increases, once per change (conventions §4). */
  generation: number;
  createdAt: string;
  updatedAt: string;
}
