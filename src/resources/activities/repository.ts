// Rows ⇄ model for activities. Every query takes the workspace first. URIs are never stored: lists read
// from a view that derives them from ids with the request's prefix, so filters and replies agree.
import { compileFilter } from '../../query/filter/compile-sql.ts';
import { parseFilter } from '../../query/filter/parser.ts';
import { listPage, type ListRequest } from '../../query/list-query.ts';
import type { ListSpec } from '../../query/list-spec.ts';
import { parseLimit, parseOffset } from '../../query/paging.ts';
import { compileSort, parseSort } from '../../query/sort.ts';
import type { Db } from '../../store/store.ts';
import type { Page } from '../list-envelope.ts';
import type { Activity, ActivityGroup } from './model.ts';

interface ActivityRow {
  id: string;
  workspace_id: string;
  generation: number | string;
  created_at: string;
  updated_at: string;
  activity_key: string;
  title_en: string;
  message_en: string;
  recommended_action_en: string | null;
  title_ja: string;
  message_ja: string;
  recommended_action_ja: string | null;
  source_type: string;
  source_id: string;
  source_name: string;
  source_path: string | null;
  source_origin_id: string | null;
  associated_server_id: string | null;
  group_id: string | null;
  group_display_name: string | null;
  health_state: string | null;
  server_settings_id: string | null;
  server_settings_name: string | null;
  server_settings_category: string | null;
  hidden: boolean | number;
}

const COLUMNS = [
  'id',
  'workspace_id',
  'generation',
  'created_at',
  'updated_at',
  'activity_key',
  'title_en',
  'message_en',
  'recommended_action_en',
  'title_ja',
  'message_ja',
  'recommended_action_ja',
  'source_type',
  'source_id',
  'source_name',
  'source_path',
  'source_origin_id',
  'associated_server_id',
  'group_id',
  'group_display_name',
  'health_state',
  'server_settings_id',
  'server_settings_name',
  'server_settings_category',
  'hidden',
] as const;

function fromRow(r: ActivityRow): Activity {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    generation: Number(r.generation),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    key: r.activity_key,
    text: {
      en: { title: r.title_en, message: r.message_en, recommendedAction: r.recommended_action_en },
      ja: { title: r.title_ja, message: r.message_ja, recommendedAction: r.recommended_action_ja },
    },
    source: { type: r.source_type, id: r.source_id, name: r.source_name, resourcePath: r.source_path, originId: r.source_origin_id },
    associatedServerId: r.associated_server_id,
    groupId: r.group_id,
    groupDisplayName: r.group_display_name,
    healthState: r.health_state,
    serverSettingsId: r.server_settings_id,
    serverSettingsName: r.server_settings_name,
    serverSettingsCategory: r.server_settings_category,
    hidden: Boolean(r.hidden),
  };
}

function toRow(a: Activity): unknown[] {
  return [
    a.id,
    a.workspaceId,
    a.generation,
    a.createdAt,
    a.updatedAt,
    a.key,
    a.text.en.title,
    a.text.en.message,
    a.text.en.recommendedAction,
    a.text.ja.title,
    a.text.ja.message,
    a.text.ja.recommendedAction,
    a.source.type,
    a.source.id,
    a.source.name,
    a.source.resourcePath,
    a.source.originId,
    a.associatedServerId,
    a.groupId,
    a.groupDisplayName,
    a.healthState,
    a.serverSettingsId,
    a.serverSettingsName,
    a.serverSettingsCategory,
    a.hidden,
  ];
}

export async function insertActivity(db: Db, a: Activity): Promise<void> {
  await db.run(`INSERT INTO activities (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`, toRow(a));
}

/** Where the derived URIs of a list point: the request's prefix plus each resource's version and path. */
export interface UriBases {
  /** e.g. `/compute-ops-mgmt/v1beta2/activities/` */
  self: string;
  /** e.g. `/compute-ops-mgmt/v1/servers/` */
  server: string;
  /** e.g. `/compute-ops-mgmt/`, put before a stored source path */
  root: string;
}

/** The table plus the URI columns filters and sorts may name (resourceUri, associatedServerUri, source/resourceUri). */
function view(bases: UriBases): { sql: string; params: string[] } {
  return {
    sql: `(SELECT a.*, CAST(? AS TEXT) || a.id AS resource_uri,
        CASE WHEN a.associated_server_id IS NULL THEN NULL ELSE CAST(? AS TEXT) || a.associated_server_id END AS associated_server_uri,
        CASE WHEN a.source_path IS NULL THEN NULL ELSE CAST(? AS TEXT) || a.source_path END AS source_resource_uri
      FROM activities a) AS s`,
    params: [bases.self, bases.server, bases.root],
  };
}

export type { ListRequest } from '../../query/list-query.ts';

export async function listActivities(db: Db, workspaceId: string, request: ListRequest, spec: ListSpec, bases: UriBases): Promise<Page<Activity>> {
  return listPage(db, {
    from: view(bases),
    scope: { sql: 'workspace_id = ?', params: [workspaceId] },
    spec,
  }, request, fromRow);
}

/**
 * The first `groups` runs of back-to-back activities with the same key, counted from `offset` in the
 * requested order, each as its newest member and size. Runs are found in SQL with window functions, so a
 * long run costs one scan, not one page per member; `total` still counts every matching activity.
 */
export async function listActivityGroups(
  db: Db,
  workspaceId: string,
  request: ListRequest,
  groups: number,
  spec: ListSpec,
  bases: UriBases,
): Promise<Page<ActivityGroup>> {
  const filter = compileFilter(parseFilter(request.filter ?? ''), spec, db.dialect);
  const orderBy = compileSort(parseSort(request.sort ?? '', spec), spec, db.dialect);
  const offset = parseOffset(request.offset);
  const wanted = Math.min(groups, parseLimit(request.limit, spec.limit));
  const from = view(bases);
  const where = `(workspace_id = ?) AND (${filter.sql})`;
  const params = [...from.params, workspaceId, ...filter.params];
  const countRow = await db.get<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${from.sql} WHERE ${where}`, params);
  const total = Number(countRow?.n ?? 0);
  if (wanted === 0 || offset >= total) return { items: [], offset, total };
  // offset and wanted are validated integers, written into the SQL like the shared list machinery does.
  const rows = await db.all<ActivityRow & { run_size: number | string }>(
    `WITH ranked AS (
       SELECT s.*, ROW_NUMBER() OVER (ORDER BY ${orderBy}) AS rn FROM ${from.sql} WHERE ${where}
     ), marked AS (
       SELECT r.*, CASE WHEN r.rn = ${offset + 1} OR LAG(r.activity_key) OVER (ORDER BY r.rn) <> r.activity_key THEN 1 ELSE 0 END AS brk
       FROM ranked r WHERE r.rn > ${offset}
     ), runs AS (
       SELECT m.*, SUM(m.brk) OVER (ORDER BY m.rn ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS grp FROM marked m
     ), sizes AS (
       SELECT grp, COUNT(*) AS run_size FROM runs WHERE grp <= ${wanted} GROUP BY grp
     )
     SELECT u.*, z.run_size FROM runs u JOIN sizes z ON z.grp = u.grp WHERE u.brk = 1 ORDER BY u.rn`,
    params,
  );
  return { items: rows.map((r) => ({ newest: fromRow(r), size: Number(r.run_size) })), offset, total };
}
