// server-warranty v1beta2 ⇄ hub, and the version's list contract: three filterable properties and the
// narrow filter grammar the reference publishes for this endpoint (conventions §6.1, §6.4).
import { typeName, type ApiScope } from '../../../http/api-scope.ts';
import type { FilterNode } from '../../../query/filter/ast.ts';
import { parseFilter } from '../../../query/filter/parser.ts';
import { defineListSpec } from '../../../query/list-spec.ts';
import { QueryError } from '../../../query/query-error.ts';
import { SUPPORT_STATES, type ServerWarranty } from '../model.ts';
import type { ListRequest } from '../repository.ts';
import type { ServerWarrantyV1beta2, WarrantyListQueryV1beta2 } from './schemas.ts';

export function toV1beta2(w: ServerWarranty, scope: ApiScope): ServerWarrantyV1beta2 {
  return {
    id: w.id,
    type: typeName(scope, 'server/warranty'),
    generation: w.generation,
    createdAt: w.createdAt,
    updatedAt: w.updatedAt,
    deviceId: w.serverId,
    supportState: w.supportState,
    // HPE types these as plain strings, so unknown entitlement data is left out rather than sent as null.
    supportStartDate: w.supportStartDate ?? undefined,
    supportEndDate: w.supportEndDate ?? undefined,
    supportLevel: w.supportLevel ?? undefined,
    contractLevel: w.contractLevel ?? undefined,
  };
}

/** Filterable (and, leniently, sortable) properties: exactly conventions §6.4's list for server-warranty. */
export const listSpecV1beta2 = defineListSpec({
  // One record per server, so the server id orders pages stably and readably.
  idColumn: 'server_id',
  limit: { max: 100, default: 100 },
  properties: {
    supportState: { column: 'support_state', type: 'enum', values: SUPPORT_STATES },
    supportStartDate: { column: 'support_start_date', type: 'timestamp' },
    supportEndDate: { column: 'support_end_date', type: 'timestamp' },
  },
});

const OPERATORS = new Set(['eq', 'gt', 'ge', 'lt', 'le']);

/** Refuses what the shared grammar accepts but this endpoint does not: ne, in, or, not, contains, case functions. */
function checkNarrowGrammar(node: FilterNode): void {
  switch (node.kind) {
    case 'and':
      node.children.forEach(checkNarrowGrammar);
      return;
    case 'or':
    case 'not':
      throw new QueryError('filter', `'${node.kind}' is not supported here; conditions may only be joined with 'and'`);
    case 'in':
    case 'contains':
      throw new QueryError('filter', `'${node.kind}' is not supported here; use eq, gt, ge, lt or le`, node.property.position);
    case 'compare':
      if (!OPERATORS.has(node.op)) throw new QueryError('filter', `'${node.op}' is not supported here; use eq, gt, ge, lt or le`, node.property.position);
      if (node.property.transform) throw new QueryError('filter', `${node.property.transform}() is not supported here`, node.property.position);
  }
}

export function listRequestV1beta2(query: WarrantyListQueryV1beta2): ListRequest {
  const parsed = parseFilter(query.filter ?? '');
  if (parsed) checkNarrowGrammar(parsed);
  return query;
}
