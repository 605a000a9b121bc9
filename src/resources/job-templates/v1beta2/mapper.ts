// job-templates v1beta2 ⇄ hub. Read-only: nothing maps back.
import { resourceUri, typeName, type ApiScope } from '../../../http/api-scope.ts';
import { defineListSpec } from '../../../query/list-spec.ts';
import type { JobTemplateRecord } from '../model.ts';
import type { JobTemplateV1beta2 } from './schemas.ts';

export function toV1beta2(t: JobTemplateRecord, scope: ApiScope): JobTemplateV1beta2 {
  return {
    id: t.id,
    type: typeName(scope, 'job-template'),
    generation: t.generation,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    resourceUri: resourceUri(scope, `job-templates/${t.id}`),
    name: t.name,
    description: t.description,
    schema: t.schema,
  };
}

/**
 * The reference documents offset and limit only; clients also filter by name (job-templates.md §1.1), so
 * the scalar members filter and sort too. The whole catalogue fits one default page: clients never page it.
 */
export const listSpecV1beta2 = defineListSpec({
  idColumn: 'id',
  defaultSort: 'name asc',
  limit: { max: 1000, default: 1000 },
  properties: {
    id: { column: 'id', type: 'string' },
    name: { column: 'name', type: 'string' },
    description: { column: 'description', type: 'string' },
    generation: { column: 'generation', type: 'integer' },
    createdAt: { column: 'created_at', type: 'timestamp' },
    updatedAt: { column: 'updated_at', type: 'timestamp' },
  },
});
