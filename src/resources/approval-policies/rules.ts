// Validation of an approval policy (approvals.md §2). Pure: the checks that need the database (approvers are
// workspace members, groups exist, names and groups are not taken) live in the service. Subjects are the
// v1beta2 wire paths, dotted with array indexes (`policyData.approvables.0.minApprovers`).
import type { Issue } from '../../http/com-error.ts';
import { isEmail, normalizeEmail } from '../../identity/identity-service.ts';
import { APPROVABLE_NAMES, isApprovableName, type Approvable, type PolicyDraft, type PolicyResource } from './model.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** COM writes `compute-ops-mgmt/group`; older clients and job tables use `compute-ops/group` (conventions §4). */
const GROUP_TYPES = ['compute-ops-mgmt/group', 'compute-ops/group'];

const field = (subject: string, description: string): Issue => ({ source: 'field', subject, description });
const APPROVABLES = 'policyData.approvables';
const RESOURCES = 'policyData.resources';

export const NAME_MAX = 128;

export function nameIssues(name: string): Issue[] {
  if (name.trim() === '') return [field('name', 'must not be empty')];
  if (name.length > NAME_MAX) return [field('name', `must be at most ${NAME_MAX} characters`)];
  return [];
}

/** Approvables as stored (approver e-mails normalised), with the issues that make them unusable. */
export function checkApprovables(drafts: PolicyDraft['approvables']): { approvables: Approvable[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const approvables: Approvable[] = [];
  const seen = new Set<string>();
  drafts.forEach((a, i) => {
    const at = `${APPROVABLES}.${i}`;
    if (!isApprovableName(a.name)) {
      issues.push(field(`${at}.approvableName`, `must be one of: ${APPROVABLE_NAMES.join(', ')} (case-sensitive)`));
    } else if (seen.has(a.name)) {
      issues.push(field(`${at}.approvableName`, `'${a.name}' is listed more than once`));
    }
    seen.add(a.name);
    const approvers: string[] = [];
    a.approvers.forEach((email, j) => {
      if (!isEmail(email)) issues.push(field(`${at}.approvers.${j}.email`, 'must be an e-mail address'));
      else if (approvers.includes(normalizeEmail(email))) issues.push(field(`${at}.approvers.${j}.email`, `${email} is listed more than once`));
      else approvers.push(normalizeEmail(email));
    });
    if (a.approvers.length === 0) issues.push(field(`${at}.approvers`, 'must name at least one approver'));
    if (!Number.isInteger(a.minApprovers) || a.minApprovers < 1 || a.minApprovers > Math.max(1, a.approvers.length)) {
      issues.push(field(`${at}.minApprovers`, `must be an integer from 1 to the number of approvers (${a.approvers.length})`));
    }
    if (isApprovableName(a.name)) approvables.push({ name: a.name, approvers, minApprovers: a.minApprovers });
  });
  return { approvables, issues };
}

/** Resources as stored (group ids lower-cased), with the issues that make them unusable. */
export function checkResources(drafts: PolicyDraft['resources']): { resources: PolicyResource[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const resources: PolicyResource[] = [];
  drafts.forEach((r, i) => {
    const at = `${RESOURCES}.${i}`;
    // Only groups can be covered, so a missing type means a group.
    if (r.type !== undefined && !GROUP_TYPES.includes(r.type)) issues.push(field(`${at}.resourceType`, 'must be compute-ops-mgmt/group: policies cover groups only'));
    if (r.id === undefined || !UUID.test(r.id)) {
      issues.push(field(`${at}.resourceId`, 'must be the id (uuid) of a group'));
      return;
    }
    const id = r.id.toLowerCase();
    if (resources.some((x) => x.id === id)) issues.push(field(`${at}.resourceId`, `group ${id} is listed more than once`));
    else resources.push({ type: 'group', id });
  });
  return { resources, issues };
}

/** Where each stored approver and group came from, so database checks can name the offending member. */
export function approverSubjects(drafts: PolicyDraft['approvables']): Map<string, string> {
  const subjects = new Map<string, string>();
  drafts.forEach((a, i) =>
    a.approvers.forEach((email, j) => {
      const key = normalizeEmail(email);
      if (!subjects.has(key)) subjects.set(key, `${APPROVABLES}.${i}.approvers.${j}.email`);
    }),
  );
  return subjects;
}

export function resourceSubject(index: number): string {
  return `${RESOURCES}.${index}.resourceId`;
}
