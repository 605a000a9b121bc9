// Rows ⇄ model for metrics configurations. Every query takes the workspace first; there are no unscoped queries.
import { listPage, type ListRequest } from '../../query/list-query.ts';
import type { ListSpec, PropertyDef } from '../../query/list-spec.ts';
import { parseJson } from '../../store/json.ts';
import type { Db } from '../../store/store.ts';
import type { Page } from '../list-envelope.ts';
import { METRICS_COLLECTIONS, type AlertResource, type MetricsCollection, type MetricsConfiguration } from './model.ts';

const TABLE = 'metrics_configurations';

interface Row {
  id: string;
  workspace_id: string;
  metrics_collection: MetricsCollection;
  power_threshold_alerts: boolean | number;
  power_utilization_threshold_percentage: number | string;
  alert_resources: unknown;
  generation: number | string;
  created_at: string;
  updated_at: string;
}

const COLUMNS = `id, workspace_id, metrics_collection, power_threshold_alerts, power_utilization_threshold_percentage, alert_resources,
  generation, created_at, updated_at`;

function fromRow(r: Row): MetricsConfiguration {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    metricsCollection: r.metrics_collection,
    powerThresholdAlerts: Boolean(r.power_threshold_alerts),
    powerUtilizationThresholdPercentage: Number(r.power_utilization_threshold_percentage),
    alertResources: parseJson<(AlertResource | null)[]>(r.alert_resources),
    generation: Number(r.generation),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function findById(db: Db, workspaceId: string, id: string): Promise<MetricsConfiguration | undefined> {
  const row = await db.get<Row>(`SELECT ${COLUMNS} FROM ${TABLE} WHERE workspace_id = ? AND id = ?`, [workspaceId, id]);
  return row && fromRow(row);
}

export async function findForWorkspace(db: Db, workspaceId: string): Promise<MetricsConfiguration | undefined> {
  const row = await db.get<Row>(`SELECT ${COLUMNS} FROM ${TABLE} WHERE workspace_id = ?`, [workspaceId]);
  return row && fromRow(row);
}

export async function insert(db: Db, c: MetricsConfiguration): Promise<void> {
  await db.run(`INSERT INTO ${TABLE} (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
    c.id,
    c.workspaceId,
    c.metricsCollection,
    c.powerThresholdAlerts,
    c.powerUtilizationThresholdPercentage,
    c.alertResources,
    c.generation,
    c.createdAt,
    c.updatedAt,
  ]);
}

/** Saves a changed configuration if nobody changed it since `expectedGeneration`; false when somebody did. */
export async function update(db: Db, c: MetricsConfiguration, expectedGeneration: number): Promise<boolean> {
  const { changes } = await db.run(
    `UPDATE ${TABLE} SET metrics_collection = ?, power_threshold_alerts = ?, power_utilization_threshold_percentage = ?,
       alert_resources = ?, generation = ?, updated_at = ?
     WHERE workspace_id = ? AND id = ? AND generation = ?`,
    [c.metricsCollection, c.powerThresholdAlerts, c.powerUtilizationThresholdPercentage, c.alertResources, c.generation, c.updatedAt, c.workspaceId, c.id, expectedGeneration],
  );
  return changes === 1;
}

export async function remove(db: Db, workspaceId: string, id: string, expectedGeneration: number): Promise<boolean> {
  const { changes } = await db.run(`DELETE FROM ${TABLE} WHERE workspace_id = ? AND id = ? AND generation = ?`, [workspaceId, id, expectedGeneration]);
  return changes === 1;
}

/** Wire names and their columns: the resource's scalar fields (the reference lists no filter for this list). */
export const LIST_PROPERTIES: Readonly<Record<string, PropertyDef>> = {
  id: { column: 'id', type: 'string' },
  generation: { column: 'generation', type: 'integer' },
  createdAt: { column: 'created_at', type: 'timestamp' },
  updatedAt: { column: 'updated_at', type: 'timestamp' },
  metricsCollection: { column: 'metrics_collection', type: 'enum', values: METRICS_COLLECTIONS },
  powerThresholdAlerts: { column: 'power_threshold_alerts', type: 'boolean' },
  powerUtilizationThresholdPercentage: { column: 'power_utilization_threshold_percentage', type: 'integer' },
};

export type { ListRequest } from '../../query/list-query.ts';

export async function list(db: Db, workspaceId: string, request: ListRequest, spec: ListSpec): Promise<Page<MetricsConfiguration>> {
  return listPage(db, {
    from: TABLE,
    columns: COLUMNS,
    scope: { sql: 'workspace_id = ?', params: [workspaceId] },
    spec,
  }, request, fromRow);
}
