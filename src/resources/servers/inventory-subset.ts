// The inventory subset (POST /servers/{id}/inventory?format=json, servers.md §5.7): the stored Redfish-shaped
// inventory projected onto a sparse template. Template keys match stored keys ignoring case, so HPE's
// lower-camel template (`chassisType`, `oem.hpe.formfactor`) finds our PascalCase Redfish data, and the
// answer is spelled the way the template spelled it. A leaf (null or any scalar) selects the whole value;
// below a lower-case template key that value is given lower-camel keys too, as HPE's example answer shows.
import type { Issue } from '../../http/com-error.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function matchKey(data: JsonObject, key: string): string | undefined {
  if (Object.hasOwn(data, key)) return key;
  const lower = key.toLowerCase();
  return Object.keys(data).find((k) => k.toLowerCase() === lower);
}

function lowerCamel(value: Json): Json {
  if (Array.isArray(value)) return value.map(lowerCamel);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) out[k.charAt(0).toLowerCase() + k.slice(1)] = lowerCamel(v);
  return out;
}

function project(template: Json, data: Json, camel: boolean): Json {
  if (Array.isArray(template)) template = template[0] ?? null;
  if (!isObject(template) || (!isObject(data) && !Array.isArray(data))) return camel ? lowerCamel(data) : data;
  if (Array.isArray(data)) return data.map((item) => project(template, item, camel));
  const out: JsonObject = {};
  for (const [key, sub] of Object.entries(template)) {
    const found = matchKey(data, key);
    // Assigning '__proto__' would replace the prototype instead of adding a member.
    if (found === undefined || key === '__proto__') continue;
    out[key] = project(sub, data[found]!, /^[a-z]/.test(key));
  }
  return out;
}

/** Top-level template members that name nothing the inventory has (400, subject = the member). */
export function templateIssues(template: Record<string, unknown>, inventory: Record<string, unknown>): Issue[] {
  return Object.entries(template).flatMap(([key, value]): Issue[] => {
    if (matchKey(inventory as JsonObject, key) === undefined) return [{ source: 'field', subject: key, description: 'is not an inventory category' }];
    if (value !== null && typeof value !== 'object') return [{ source: 'field', subject: key, description: 'must be an object or null' }];
    return [];
  });
}

/** The inventory trimmed to the template; an empty template keeps everything. */
export function projectInventory(template: Record<string, unknown>, inventory: Record<string, unknown>): Record<string, unknown> {
  if (Object.keys(template).length === 0) return inventory;
  return project(template as Json, inventory as Json, false) as Record<string, unknown>;
}
