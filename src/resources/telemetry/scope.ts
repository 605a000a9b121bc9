// Which servers a computation covers. `resource-uri` names a server, a saved filter or a group (telemetry.md
// §1.3); `filter-tags` and the entityDetails `filter` narrow further. The result is one SQL row source over the
// `servers` table (read here by workspace_id and id, as the servers group stores it) carrying every column the
// aggregations group or show by. A server's location is the name of the GreenLake location it is bound to,
// asked of the server-locations service and joined in as a parameter.
import { compileFilter } from '../../query/filter/compile-sql.ts';
import { parseFilter } from '../../query/filter/parser.ts';
import type { ListSpec } from '../../query/list-spec.ts';
import type { Db, Dialect } from '../../store/store.ts';
import { findServerLocations } from '../server-locations/service.ts';
import { jsonRows, tagValue } from './dialect-sql.ts';
import { compileTagNode, type SqlFragment } from './filter-tags.ts';
import type { AggregateBy, ResourceRef, ServerScope } from './model.ts';
import { invalidQuery } from './rules.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Either prefix and any version, plus the legacy /api/compute form old scripts still send (client-compat.md).
const RESOURCE_URI = /^\/(?:compute-ops-mgmt|compute-ops|api\/compute)\/v\d+(?:beta\d+)?\/(servers|filters|groups)\/([^/?#]+)\/?$/;

/**
 * The `default` HPE's reference declares for resource-uri on the energy operations: a placeholder, not a real
 * filter. Clients generated from the reference may send it; it means what an absent resource-uri means.
 */
export const REFERENCE_DEFAULT_RESOURCE_URI = '/compute-ops-mgmt/v1beta1/filters/e7cef8e6-a3f6-4490-b669-136e3ca40617';

const badResource = (description: string) => invalidQuery([{ source: 'query.parameter', subject: 'resource-uri', description }]);

/** Parses `resource-uri`; absent or empty gives null (every server of the workspace), as does the reference's placeholder default when allowed. */
export function parseResourceUri(text: string | undefined, placeholderMeansAll = false): ResourceRef | null {
  if (text === undefined || text.trim() === '') return null;
  if (placeholderMeansAll && text.trim().toLowerCase() === REFERENCE_DEFAULT_RESOURCE_URI) return null;
  const m = RESOURCE_URI.exec(text.trim());
  if (!m) throw badResource('must be the URI of a server, a saved filter or a group');
  let id = m[2]!;
  try {
    // Clients that encode the URI before encoding the query leave %2B in the id.
    if (id.includes('%')) id = decodeURIComponent(id);
  } catch {
    throw badResource('contains a malformed percent-encoding');
  }
  if (m[1] === 'servers') {
    // A '+' sent unencoded in a query string arrives as a space; server ids never contain spaces.
    return { kind: 'server', id: id.replace(/ /g, '+') };
  }
  if (!UUID.test(id)) throw badResource(`the ${m[1] === 'filters' ? 'filter' : 'group'} id must be a UUID`);
  return { kind: m[1] === 'filters' ? 'filter' : 'group', id: id.toLowerCase() };
}

/**
 * Servers a resource stands for, as a condition on `servers s`; undefined when the resource does not exist in
 * the workspace. Saved filters and groups have no store yet: when those groups land, their services answer here.
 */
async function resourceCondition(db: Db, workspaceId: string, ref: ResourceRef): Promise<SqlFragment | undefined> {
  switch (ref.kind) {
    case 'server': {
      const found = await db.get('SELECT 1 AS one FROM servers WHERE workspace_id = ? AND id = ?', [workspaceId, ref.id]);
      return found ? { sql: 's.id = ?', params: [ref.id] } : undefined;
    }
    case 'filter':
    case 'group':
      return undefined;
  }
}

export interface ScopeOptions {
  aggregateBy: AggregateBy;
  /** Tag keys of SERVER_TAG_VALUES, at most three. */
  tagNames: readonly string[];
  /** The entityDetails filter's properties → columns of the row source (`x.model`, …). */
  filterSpec?: ListSpec;
  /** Fill the location column (otherwise NULL): one extra lookup, needed only by energy-by-entity. */
  locations?: boolean;
}

/** Separates tag values inside a SERVER_TAG_VALUES entity key; a control character no tag value carries. */
export const TAG_KEY_SEPARATOR = '\u001f';

function entityKey(aggregateBy: AggregateBy, tagCount: number): { key: string; name: string; params: unknown[] } {
  switch (aggregateBy) {
    case 'SERVER':
      return { key: 'x.id', name: 'x.name', params: [] };
    case 'SERVER_MODEL':
      return { key: "COALESCE(x.model, 'Unknown')", name: "COALESCE(x.model, 'Unknown')", params: [] };
    case 'SERVER_GENERATION':
      return { key: 'x.generation', name: 'x.generation', params: [] };
    case 'SERVER_PROCESSOR':
      return { key: "COALESCE(x.processor, 'Unknown')", name: "COALESCE(x.processor, 'Unknown')", params: [] };
    case 'SERVER_LOCATION':
      return { key: "COALESCE(x.location, 'Unknown')", name: "COALESCE(x.location, 'Unknown')", params: [] };
    case 'SERVER_TAG_VALUES': {
      const parts = Array.from({ length: tagCount }, (_, i) => `COALESCE(x.t${i + 1}, '')`);
      return { key: parts.join(' || ? || '), name: parts.join(" || ', ' || "), params: Array<string>(Math.max(0, tagCount - 1)).fill(TAG_KEY_SEPARATOR) };
    }
  }
}

/**
 * The in-scope servers as a row source with columns id, name, model, generation, processor, location,
 * connection, hardware, t1..t3 (aggregation tag values), ek (entity key) and en (entity name). Throws a 400
 * naming `resource-uri` when the resource does not exist in the workspace, and QueryErrors for bad filters.
 */
export async function scopedServers(db: Db, workspaceId: string, scope: ServerScope, options: ScopeOptions): Promise<SqlFragment> {
  const dialect: Dialect = db.dialect;
  const where: string[] = ['s.workspace_id = ?'];
  const params: unknown[] = [workspaceId];
  if (scope.resource) {
    const condition = await resourceCondition(db, workspaceId, scope.resource);
    if (!condition) throw badResource(`no ${scope.resource.kind} ${scope.resource.id} in this workspace`);
    where.push(condition.sql);
    params.push(...condition.params);
  }
  if (scope.tags) {
    const tags = compileTagNode(scope.tags, 's.tags', dialect);
    where.push(tags.sql);
    params.push(...tags.params);
  }
  const tagColumns = [0, 1, 2].map((i) => (i < options.tagNames.length ? `${tagValue(dialect, 's.tags')} AS t${i + 1}` : `NULL AS t${i + 1}`));
  const filter = options.filterSpec ? compileFilter(parseFilter(scope.filter ?? ''), options.filterSpec, dialect) : { sql: '1 = 1', params: [] };
  const ek = entityKey(options.aggregateBy, options.tagNames.length);
  const located = options.locations ? await locationsOf(db, workspaceId, where, params) : undefined;
  const inner = `SELECT s.id, s.name, s.model AS model, s.server_generation AS generation, s.processor_vendor AS processor,
      ${located ? 'loc.name' : 'NULL'} AS location, s.connection_type AS connection, s.hardware AS hardware, ${tagColumns.join(', ')}
    FROM servers s ${located ? `LEFT JOIN ${jsonRows(dialect, LOCATION_COLUMNS, 'loc')} ON loc.server_id = s.id` : ''}
    WHERE ${where.join(' AND ')}`;
  return {
    sql: `SELECT x.*, ${ek.key} AS ek, ${ek.name} AS en FROM (${inner}) x WHERE ${filter.sql}`,
    params: [...ek.params, ...options.tagNames, ...(located ? [located] : []), ...params, ...filter.params],
  };
}

const LOCATION_COLUMNS = [
  ['server_id', 'text'],
  ['name', 'text'],
] as const;

/** [server id, location name] pairs of the servers matching `where`, as the JSON parameter jsonRows reads. */
async function locationsOf(db: Db, workspaceId: string, where: readonly string[], params: readonly unknown[]): Promise<string> {
  const ids = await db.all<{ id: string }>(`SELECT s.id FROM servers s WHERE ${where.join(' AND ')}`, params);
  const names = await findServerLocations(db, workspaceId, ids.map((r) => r.id));
  return JSON.stringify([...names].map(([serverId, location]) => [serverId, location.name]));
}
