// Auto-add tags (groups.md §6.5): what a tag may contain, how a group's tag is keyed for uniqueness, and
// which groups a server's tags select. Tags compare ignoring case, name and value alike.
import type { Issue } from '../../http/com-error.ts';
import type { AutoAddTag } from './model.ts';

/** Alphanumerics, Unicode space separators and `_ . : = + - @` (HPE's autoAddTags description). */
const TAG_TEXT = /^[\p{L}\p{N}\p{Zs}_.:=+\-@]+$/u;
const MAX_NAME = 128;
const MAX_VALUE = 256;

/** The tag a version's `autoAddTags` map names, or the issues that make it unacceptable. */
export function parseAutoAddTags(tags: Record<string, unknown>, subject: string): { tag: AutoAddTag | null; issues: Issue[] } {
  const entries = Object.entries(tags);
  if (entries.length === 0) return { tag: null, issues: [] };
  if (entries.length > 1) return { tag: null, issues: [{ source: 'field', subject, description: 'a group can have at most one auto-add tag' }] };
  const [name, value] = entries[0]!;
  const issues: Issue[] = [];
  const at = `${subject}.${name}`;
  if (!TAG_TEXT.test(name) || name.length > MAX_NAME) {
    issues.push({ source: 'field', subject: at, description: `tag names are 1 to ${MAX_NAME} alphanumerics, spaces or _ . : = + - @` });
  }
  if (typeof value !== 'string') issues.push({ source: 'field', subject: at, description: 'the tag value must be a string' });
  else if (!TAG_TEXT.test(value) || value.length > MAX_VALUE) {
    issues.push({ source: 'field', subject: at, description: `tag values are 1 to ${MAX_VALUE} alphanumerics, spaces or _ . : = + - @` });
  }
  return issues.length ? { tag: null, issues } : { tag: { name, value: value as string }, issues: [] };
}

/** The key no two groups of a workspace may share (a unique column), ignoring case. */
export function tagKey(tag: AutoAddTag | null): string | null {
  return tag && JSON.stringify([tag.name.toLowerCase(), tag.value.toLowerCase()]);
}

/** The wire map `{name: value}`, `{}` without a tag. */
export function tagMap(tag: AutoAddTag | null): Record<string, string> {
  return tag ? { [tag.name]: tag.value } : {};
}

/** The keys a server's tags could match: one per tag it carries. */
export function serverTagKeys(tags: Record<string, string> | null): string[] {
  return Object.entries(tags ?? {}).map(([name, value]) => tagKey({ name, value: String(value) })!);
}
