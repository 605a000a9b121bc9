// Membership problems (membership.ts) as COM errors: which status each kind answers with in each version, and
// what the failed async operation recommends (groups.md §3.7: per-device failures end the operation FAILED
// with error and recommendations; §4.7: v1beta2 answers 400/409/412).
import { ComError, type ErrorKey, type Issue } from '../../http/com-error.ts';
import type { MembershipProblem, ProblemKind } from './membership.ts';

/** async: v1/v1beta3 operations; sync-assign: v1beta2 POST (no 404 documented); sync-unassign: v1beta2 DELETE. */
export type ProblemMode = 'async' | 'sync-assign' | 'sync-unassign';

const KEYS: Record<ProblemMode, Record<ProblemKind, ErrorKey>> = {
  async: { UNKNOWN_DEVICE: 'NOT_FOUND', WRONG_TYPE: 'BAD_REQUEST', ETAG_REQUIRED: 'CONFLICT', STALE_ETAG: 'PRECONDITION_FAILED', NOT_MEMBER: 'NOT_FOUND' },
  'sync-assign': { UNKNOWN_DEVICE: 'BAD_REQUEST', WRONG_TYPE: 'BAD_REQUEST', ETAG_REQUIRED: 'CONFLICT', STALE_ETAG: 'PRECONDITION_FAILED', NOT_MEMBER: 'NOT_FOUND' },
  'sync-unassign': { UNKNOWN_DEVICE: 'NOT_FOUND', WRONG_TYPE: 'BAD_REQUEST', ETAG_REQUIRED: 'CONFLICT', STALE_ETAG: 'PRECONDITION_FAILED', NOT_MEMBER: 'NOT_FOUND' },
};

/** When devices fail for different reasons, the answer is the most basic one: 400, then 404, 409, 412. */
const PRECEDENCE: readonly ErrorKey[] = ['BAD_REQUEST', 'NOT_FOUND', 'CONFLICT', 'PRECONDITION_FAILED'];

/** One error for all the problems: the status of the most basic kind, an issue per device. */
export function problemsError(problems: readonly MembershipProblem[], mode: ProblemMode, subjectOf: (index: number) => Pick<Issue, 'source' | 'subject'>): ComError {
  const keys = problems.map((p) => KEYS[mode][p.kind]);
  const key = PRECEDENCE.find((k) => keys.includes(k)) ?? 'BAD_REQUEST';
  const issues = problems.map((p) => ({ ...subjectOf(p.index), description: p.description }));
  const message = problems.map((p) => p.description).join('; ');
  return new ComError(key, message, [{ type: key === 'PRECONDITION_FAILED' ? 'hpe.greenlake.precondition_failed' : 'hpe.greenlake.bad_request', issues }]);
}

/** What a client should do about each kind of problem, once per kind. */
export function problemRecommendations(problems: readonly MembershipProblem[], version: string): string[] {
  const servers = `/compute-ops-mgmt/${version === 'v1' ? 'v1' : 'v1beta2'}/servers`;
  const text: Record<ProblemKind, string> = {
    UNKNOWN_DEVICE: `Check the device ids (productId+serialNumber) with GET ${servers} and retry with devices of this workspace.`,
    WRONG_TYPE: 'Assign servers to DIRECT_CONNECT_SERVER groups and OneView appliances to the group type of their appliance.',
    ETAG_REQUIRED: "To move a device from another group, read its eTag from GET /compute-ops-mgmt/" + version + "/groups/{group-id}/devices of its current group and send it with the device.",
    STALE_ETAG: "The device moved since its eTag was read: read its current eTag from GET /compute-ops-mgmt/" + version + "/groups/{group-id}/devices of its current group and retry.",
    NOT_MEMBER: `List the group's devices with GET /compute-ops-mgmt/${version}/groups/{group-id}/devices and unassign members only.`,
  };
  return [...new Set(problems.map((p) => text[p.kind]))];
}
