// Validates our responses against HPE's own OpenAPI description of COM, read from ../shared (never copied
// into this repository: HPE licence).
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const HPE_OPENAPI_PATH = resolve(here, '../../../shared/spec/com-openapi.json');

let ajv: Ajv2020 | undefined;

function load(): Ajv2020 {
  if (ajv) return ajv;
  if (!existsSync(HPE_OPENAPI_PATH)) throw new Error(`HPE's OpenAPI document is expected at ${HPE_OPENAPI_PATH}`);
  const doc = JSON.parse(readFileSync(HPE_OPENAPI_PATH, 'utf8')) as Record<string, unknown>;
  ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats.default(ajv);
  ajv.addSchema({ ...doc, $id: 'hpe-com' });
  return ajv;
}

/** Errors of `value` against the named component schema of HPE's document; empty when it conforms. */
export function hpeSchemaErrors(schemaName: string, value: unknown): string[] {
  const validator = load();
  const validate = validator.getSchema(`hpe-com#/components/schemas/${schemaName}`);
  if (!validate) throw new Error(`HPE's document has no schema ${schemaName}`);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
