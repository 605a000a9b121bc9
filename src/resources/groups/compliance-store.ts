// Compliance results of a group's members, written by the compliance jobs (GroupFirmwareCompliance,
// GroupiLOSettingsCompliance, GroupExternalStorageCompliance) inside their own transaction and read by the
// groups API. The group roll-ups (complianceStatus, groupCompliance) are derived from these rows in SQL.
import { randomUUID } from 'node:crypto';
import { listPage, type ListRequest } from '../../query/list-query.ts';
import type { ListSpec } from '../../query/list-spec.ts';
import { parseJson, parseJsonOrNull } from '../../store/json.ts';
import type { Db } from '../../store/store.ts';
import { nowTimestamp } from '../../store/time.ts';
import type { Page } from '../list-envelope.ts';
import type { ComplianceCategory, ComplianceState, DeviceCompliance, ExternalStorageCompliance } from './model.ts';

export type { ComplianceCategory, ComplianceState, FirmwareDeviation, IloSettingDeviation } from './model.ts';

/** One device's result as a compliance job computed it: the record without what the store assigns. */
export type ComplianceRecordInput = Pick<
  DeviceCompliance,
  'deviceId' | 'serial' | 'productId' | 'bundleId' | 'deviations' | 'score' | 'complianceState' | 'errorReason' | 'remediation'
>;

interface RecordRow {
  workspace_id: string;
  id: string;
  group_id: string;
  device_id: string;
  category: ComplianceCategory;
  serial: string;
  product_id: string;
  bundle_id: string | null;
  deviations: unknown;
  score: number | string | null;
  compliance_state: ComplianceState;
  error_reason: string;
  remediation: unknown;
  generation: number | string;
  created_at: string;
  updated_at: string;
}

const COLUMNS =
  'workspace_id, id, group_id, device_id, category, serial, product_id, bundle_id, deviations, score, compliance_state, error_reason, remediation, generation, created_at, updated_at';

function fromRow(r: RecordRow): DeviceCompliance {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    groupId: r.group_id,
    deviceId: r.device_id,
    category: r.category,
    serial: r.serial,
    productId: r.product_id,
    bundleId: r.bundle_id,
    deviations: parseJson(r.deviations),
    score: r.score === null ? null : Number(r.score),
    complianceState: r.compliance_state,
    errorReason: r.error_reason,
    remediation: parseJsonOrNull(r.remediation),
    generation: Number(r.generation),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/**
 * Replaces the group's results of one category: a member that already had a record keeps its id and gets
 * generation + 1, a member without one gets a new record, and members missing from `records` lose theirs.
 * Records of devices that are no longer members (they left while the job ran) are dropped.
 */
export async function replaceComplianceRecords(tx: Db, workspaceId: string, groupId: string, category: ComplianceCategory, records: ComplianceRecordInput[]): Promise<void> {
  const now = nowTimestamp();
  const members = new Set(
    (await tx.all<{ device_id: string }>('SELECT device_id FROM group_devices WHERE workspace_id = ? AND group_id = ?', [workspaceId, groupId])).map((r) => r.device_id),
  );
  const existing = new Map(
    (await tx.all<RecordRow>(`SELECT ${COLUMNS} FROM group_compliance WHERE workspace_id = ? AND group_id = ? AND category = ?`, [workspaceId, groupId, category])).map((r) => [
      r.device_id,
      fromRow(r),
    ]),
  );
  const kept = new Set<string>();
  for (const input of records) {
    if (!members.has(input.deviceId) || kept.has(input.deviceId)) continue;
    kept.add(input.deviceId);
    const before = existing.get(input.deviceId);
    const fields = [input.serial, input.productId, input.bundleId, input.deviations, input.score, input.complianceState, input.errorReason, input.remediation];
    if (before) {
      await tx.run(
        `UPDATE group_compliance SET serial = ?, product_id = ?, bundle_id = ?, deviations = ?, score = ?, compliance_state = ?, error_reason = ?, remediation = ?,
           generation = generation + 1, updated_at = ? WHERE workspace_id = ? AND id = ?`,
        [...fields, now, workspaceId, before.id],
      );
    } else {
      await tx.run(`INSERT INTO group_compliance (${COLUMNS}) VALUES (${COLUMNS.split(',').map(() => '?').join(', ')})`, [
        workspaceId,
        randomUUID(),
        groupId,
        input.deviceId,
        category,
        ...fields,
        1,
        now,
        now,
      ]);
    }
  }
  for (const [deviceId, record] of existing) {
    if (!kept.has(deviceId)) await tx.run('DELETE FROM group_compliance WHERE workspace_id = ? AND id = ?', [workspaceId, record.id]);
  }
}

/**
 * Replaces one member's result of one category and leaves the others' (a per-server compliance job); a device
 * that is not a member gets none.
 */
export async function saveDeviceCompliance(tx: Db, workspaceId: string, groupId: string, category: ComplianceCategory, record: ComplianceRecordInput): Promise<void> {
  const member = await tx.get('SELECT 1 AS one FROM group_devices WHERE workspace_id = ? AND group_id = ? AND device_id = ?', [workspaceId, groupId, record.deviceId]);
  if (!member) return;
  const now = nowTimestamp();
  const fields = [record.serial, record.productId, record.bundleId, record.deviations, record.score, record.complianceState, record.errorReason, record.remediation];
  const { changes } = await tx.run(
    `UPDATE group_compliance SET serial = ?, product_id = ?, bundle_id = ?, deviations = ?, score = ?, compliance_state = ?, error_reason = ?, remediation = ?,
       generation = generation + 1, updated_at = ? WHERE workspace_id = ? AND group_id = ? AND category = ? AND device_id = ?`,
    [...fields, now, workspaceId, groupId, category, record.deviceId],
  );
  if (changes === 0) {
    await tx.run(`INSERT INTO group_compliance (${COLUMNS}) VALUES (${COLUMNS.split(',').map(() => '?').join(', ')})`, [
      workspaceId,
      randomUUID(),
      groupId,
      record.deviceId,
      category,
      ...fields,
      1,
      now,
      now,
    ]);
  }
}

/** The group's external-storage result as the job computed it. */
export interface ExternalStorageComplianceInput {
  hostOs: string;
  complianceState: ComplianceState;
  /** Keyed by deviation kind (mismatchOperatingSystem, missingInitiators, …), each a list (groups.md §3.11). */
  deviations: Record<string, unknown[]>;
}

/** Stores the group's external-storage compliance, replacing the previous result (generation + 1). */
export async function saveExternalStorageCompliance(tx: Db, workspaceId: string, groupId: string, input: ExternalStorageComplianceInput): Promise<void> {
  const now = nowTimestamp();
  const { changes } = await tx.run(
    `UPDATE group_external_storage_compliance SET host_os = ?, compliance_state = ?, deviations = ?, generation = generation + 1, updated_at = ?
     WHERE workspace_id = ? AND group_id = ?`,
    [input.hostOs, input.complianceState, input.deviations, now, workspaceId, groupId],
  );
  if (changes === 0) {
    await tx.run(
      `INSERT INTO group_external_storage_compliance (workspace_id, group_id, host_os, compliance_state, deviations, generation, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
      [workspaceId, groupId, input.hostOs, input.complianceState, input.deviations, now, now],
    );
  }
}

export async function findExternalStorageCompliance(db: Db, workspaceId: string, groupId: string): Promise<ExternalStorageCompliance | undefined> {
  const row = await db.get<{ group_id: string; host_os: string; compliance_state: ComplianceState; deviations: unknown; generation: number | string; created_at: string; updated_at: string }>(
    'SELECT group_id, host_os, compliance_state, deviations, generation, created_at, updated_at FROM group_external_storage_compliance WHERE workspace_id = ? AND group_id = ?',
    [workspaceId, groupId],
  );
  return (
    row && {
      groupId: row.group_id,
      hostOs: row.host_os,
      complianceState: row.compliance_state,
      deviations: parseJson(row.deviations),
      generation: Number(row.generation),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }
  );
}

/** A group's results in the given categories, filtered and sorted by the version's spec. */
export async function listCompliance(db: Db, workspaceId: string, groupId: string, categories: readonly ComplianceCategory[], request: ListRequest, spec: ListSpec): Promise<Page<DeviceCompliance>> {
  return listPage(
    db,
    {
      from: 'group_compliance',
      columns: COLUMNS,
      scope: { sql: `workspace_id = ? AND group_id = ? AND category IN (${categories.map(() => '?').join(', ')})`, params: [workspaceId, groupId, ...categories] },
      spec,
    },
    request,
    fromRow,
  );
}

export async function findCompliance(db: Db, workspaceId: string, groupId: string, id: string, categories: readonly ComplianceCategory[]): Promise<DeviceCompliance | undefined> {
  const row = await db.get<RecordRow>(
    `SELECT ${COLUMNS} FROM group_compliance WHERE workspace_id = ? AND group_id = ? AND id = ? AND category IN (${categories.map(() => '?').join(', ')})`,
    [workspaceId, groupId, id, ...categories],
  );
  return row && fromRow(row);
}
