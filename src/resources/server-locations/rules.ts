// Validation of the servers a binding request names (server-locations.md, "Validation"): well-formed ids,
// servers of this workspace, managed through HPE OneView. Pure; issues carry the subjects clients see.
import type { Issue } from '../../http/com-error.ts';
import type { Server } from '../servers/model.ts';

/**
 * `<productId>+<serialNumber>`: two non-empty runs of printable ASCII other than `+`. Anything else (spaces,
 * control characters such as NUL, which PostgreSQL text refuses) cannot name a server and is refused up front.
 */
const SERVER_ID = /^[!-*,-~]+\+[!-*,-~]+$/;

/** Where a listed id came from: its index in the request, and how an issue about it is addressed. */
export type SubjectOf = (index: number) => Pick<Issue, 'source' | 'subject'>;

export const bodySubject =
  (member: string): SubjectOf =>
  (index) => ({ source: 'field', subject: `${member}.${index}` });

export const querySubject =
  (parameter: string): SubjectOf =>
  () => ({ source: 'query.parameter', subject: parameter });

export function malformedIdIssues(ids: readonly string[], subjectOf: SubjectOf): Issue[] {
  return ids.flatMap((id, i) => (SERVER_ID.test(id) ? [] : [{ ...subjectOf(i), description: `'${id}' is not a server id (productId+serialNumber)` }]));
}

export function unknownServerIssues(ids: readonly string[], found: ReadonlyMap<string, Server>, subjectOf: SubjectOf): Issue[] {
  return ids.flatMap((id, i) => (found.has(id) ? [] : [{ ...subjectOf(i), description: `server ${id} was not found` }]));
}

/** Only OneView-managed servers get their location here; direct ones through GreenLake's Locations API. */
export function notOneViewIssues(ids: readonly string[], found: ReadonlyMap<string, Server>, subjectOf: SubjectOf): Issue[] {
  return ids.flatMap((id, i) =>
    found.get(id)?.connectionType === 'ONEVIEW'
      ? []
      : [{ ...subjectOf(i), description: `server ${id} is not managed through HPE OneView; set its location with the HPE GreenLake Locations API` }],
  );
}
