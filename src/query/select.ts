// The COM `select` parameter: a comma-separated list of property paths (nested with '/') that trims each
// resource. Unknown paths are not errors: they select nothing, as the resource simply lacks them.
import { QueryError } from './query-error.ts';

/** One selected path, split at '/': `interfaces/name` → ['interfaces', 'name']. */
export type SelectPath = string[];

const PATH_RE = /^[A-Za-z_][A-Za-z0-9_]*(?:\/[A-Za-z_][A-Za-z0-9_]*)*$/;

/** Parses `select`; empty or whitespace-only gives [] (no trimming). */
export function parseSelect(text: string): SelectPath[] {
  if (text.trim() === '') return [];
  const paths: SelectPath[] = [];
  let start = 0;
  for (const part of text.split(',')) {
    // A blank segment is reported where it starts; anything else where its text starts.
    const position = part.trim() === '' ? start : start + part.length - part.trimStart().length;
    const path = part.trim();
    if (!PATH_RE.test(path)) {
      const what = path === '' ? 'a missing property' : `'${path}' is not a property path`;
      throw new QueryError('select', `${what} at position ${position}`, position);
    }
    paths.push(path.split('/'));
    start += part.length + 1;
  }
  return paths;
}

/** `true` keeps the whole value; a map keeps only the listed members. */
type Tree = Map<string, Tree | true>;

function buildTree(paths: readonly SelectPath[]): Tree {
  const root: Tree = new Map();
  for (const path of paths) {
    let node = root;
    for (let i = 0; i < path.length; i++) {
      const key = path[i]!;
      const existing = node.get(key);
      if (existing === true) break;
      if (i === path.length - 1) {
        node.set(key, true);
      } else {
        const child = existing ?? new Map();
        node.set(key, child);
        node = child;
      }
    }
  }
  return root;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Trims a plain JSON object to the selected paths, keeping the object's own key order. Below an array each
 * object element is trimmed (and kept, even if nothing in it was selected, so positions still line up);
 * non-object elements are dropped. An object member left with nothing selected is omitted.
 */
export function applySelect(object: Record<string, unknown>, paths: readonly SelectPath[]): Record<string, unknown> {
  return trimObject(object, buildTree(paths));
}

function trimObject(object: Record<string, unknown>, tree: Tree): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    const sub = tree.get(key);
    // Assigning '__proto__' would replace the result's prototype instead of adding a member.
    if (sub === undefined || value === undefined || key === '__proto__') continue;
    if (sub === true) {
      out[key] = value;
    } else if (Array.isArray(value)) {
      out[key] = trimArray(value, sub);
    } else if (isPlainObject(value)) {
      const trimmed = trimObject(value, sub);
      if (Object.keys(trimmed).length > 0) out[key] = trimmed;
    }
  }
  return out;
}

function trimArray(items: readonly unknown[], tree: Tree): unknown[] {
  const out: unknown[] = [];
  for (const item of items) {
    if (Array.isArray(item)) out.push(trimArray(item, tree));
    else if (isPlainObject(item)) out.push(trimObject(item, tree));
  }
  return out;
}
