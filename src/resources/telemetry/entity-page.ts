// One page of entities through the shared list machinery (sort, offset, clamped limit), in a single pass: the
// row source repeats the list's totals on every row, so only an empty page needs a second query for them.
import { prepareListQuery } from '../../query/list-query.ts';
import type { ListSpec } from '../../query/list-spec.ts';
import type { Db } from '../../store/store.ts';
import type { SqlText } from './dialect-sql.ts';

export interface EntityPageRequest {
  sort?: string | undefined;
  offset?: string | undefined;
  limit?: string | undefined;
  /** List the in-scope servers without data instead of the entities. */
  excludedServers: boolean;
}

/** Rows of `from` carry `total_rows` (COUNT(*) OVER ()) and the totals; `totals` selects them when the page is empty. */
export async function entityPage<R extends { total_rows: number | string }>(
  db: Db,
  from: SqlText,
  totals: SqlText,
  spec: ListSpec,
  page: EntityPageRequest,
): Promise<{ rows: R[]; offset: number; total: number; summary: R | undefined }> {
  const prepared = prepareListQuery({ from: { sql: from.sql, params: from.params }, spec, sort: page.sort, offset: page.offset, limit: page.limit }, db.dialect);
  const rows = prepared.limit === 0 ? [] : await db.all<R>(prepared.select.sql, prepared.select.params);
  const summary = rows[0] ?? (await db.get<R>(totals.sql, totals.params));
  return { rows, offset: prepared.offset, total: Number(summary?.total_rows ?? 0), summary };
}
