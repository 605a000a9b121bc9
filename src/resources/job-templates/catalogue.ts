// From the engine's catalogue to the published one: each template's TypeBox params rendered as the JSON
// Schema `schema` member, and the job_templates table brought in line with the catalogue at startup.
import { JOB_TEMPLATES, type JobTemplate } from '../../job-engine/templates.ts';
import type { Store } from '../../store/store.ts';
import type { JobTemplateRecord } from './model.ts';

interface PlainSchema {
  type?: string;
  properties?: Record<string, Record<string, unknown>>;
  required?: string[];
}

/**
 * `{type: "object", properties}`. HPE's jobTemplate-v1beta2 lets the top level of `schema` hold only strings,
 * objects or null, so the `required` list cannot appear there; each required property says so in its
 * description instead (job-templates.md §3 marks required params the same way).
 */
export function publishedSchema(template: JobTemplate): Record<string, unknown> {
  // A JSON round trip drops TypeBox's symbol-keyed metadata, leaving plain JSON Schema.
  const plain = JSON.parse(JSON.stringify(template.params)) as PlainSchema;
  const required = new Set(plain.required ?? []);
  const properties = Object.fromEntries(
    Object.entries(plain.properties ?? {}).map(([name, schema]) => {
      if (!required.has(name)) return [name, schema];
      const description = typeof schema.description === 'string' ? `${schema.description} (required)` : 'Required';
      return [name, { ...schema, description }];
    }),
  );
  return { type: 'object', properties };
}

export function templateRecord(template: JobTemplate): JobTemplateRecord {
  return {
    id: template.id,
    name: template.name,
    description: template.description,
    schema: publishedSchema(template),
    generation: template.generation,
    createdAt: template.createdAt,
    updatedAt: template.updatedAt,
  };
}

/**
 * Writes every catalogue entry (insert or refresh), so a new OpenCOM version's catalogue replaces the old one
 * on its first start. Idempotent, and safe when several processes start together.
 */
export async function seedJobTemplates(store: Store): Promise<void> {
  await store.transaction(async (tx) => {
    for (const t of JOB_TEMPLATES.map(templateRecord)) {
      await tx.run(
        `INSERT INTO job_templates (id, name, description, schema, generation, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description, schema = excluded.schema,
           generation = excluded.generation, created_at = excluded.created_at, updated_at = excluded.updated_at`,
        [t.id, t.name, t.description, t.schema, t.generation, t.createdAt, t.updatedAt],
      );
    }
  });
}
