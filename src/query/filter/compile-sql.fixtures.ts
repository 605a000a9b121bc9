// The list spec both compiler suites (examples and properties) filter against: one of every property kind.
import { defineListSpec } from '../list-spec.ts';

export const spec = defineListSpec({
  idColumn: 'id',
  limit: { max: 100, default: 10 },
  properties: {
    id: { column: 'id', type: 'string' },
    name: { column: 'name', type: 'string' },
    generation: { column: 'generation', type: 'integer' },
    score: { column: 'score', type: 'number' },
    'state/managed': { column: 'managed', type: 'boolean' },
    createdAt: { column: 'created_at', type: 'timestamp' },
    supportEndDate: { column: 'support_end', type: 'date' },
    severity: { column: 'severity', type: 'enum', values: ['OK', 'Warning', 'CRITICAL'] },
    hardware: { json: 'hardware' },
  },
});
