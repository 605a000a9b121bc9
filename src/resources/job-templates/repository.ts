// Rows ⇄ model for the job-template catalogue. The catalogue is global (the same for every workspace), so
// these are the only queries in a group without a workspace condition.
import { listPage, type ListPage, type ListRequest } from '../../query/list-query.ts';
import type { ListSpec } from '../../query/list-spec.ts';
import { parseJson } from '../../store/json.ts';
import type { Db } from '../../store/store.ts';
import type { JobTemplateRecord } from './model.ts';

interface TemplateRow {
  id: string;
  name: string;
  description: string;
  schema: unknown;
  generation: number | string;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'id, name, description, schema, generation, created_at, updated_at';

function fromRow(r: TemplateRow): JobTemplateRecord {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    schema: parseJson(r.schema),
    generation: Number(r.generation),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function findJobTemplate(db: Db, id: string): Promise<JobTemplateRecord | undefined> {
  // Template ids are lower-case UUIDs; clients copy them in either case.
  const row = await db.get<TemplateRow>(`SELECT ${COLUMNS} FROM job_templates WHERE id = ?`, [id.toLowerCase()]);
  return row && fromRow(row);
}

export async function listJobTemplates(db: Db, request: ListRequest, spec: ListSpec): Promise<ListPage<JobTemplateRecord>> {
  return listPage(db, { from: 'job_templates', columns: COLUMNS, spec }, request, fromRow);
}
