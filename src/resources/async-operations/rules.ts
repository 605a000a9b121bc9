// Rules of the async-operation model: what producers may record and which state changes exist
// (async-operations.md §1, state table). Producers are other groups, so a broken rule is a bug in them.
import { OPERATION_STATES, OPERATION_TYPES, TERMINAL_STATES, type AsyncOperation, type OperationState } from './model.ts';

/** A prefix-less COM path: `v1/groups/<gid>/devices`; the reader's `/compute-ops-mgmt` or `/compute-ops` goes in front. */
const COM_PATH = /^v[0-9]+(?:(?:alpha|beta)[0-9]+)?\/[^\s?#]+$/;

/** Whether `to` may follow `from`. Terminal states are final; nothing returns to INITIALIZED. */
export function canMove(from: OperationState, to: OperationState): boolean {
  if (from === to) return true;
  return !TERMINAL_STATES.has(from) && to !== 'INITIALIZED';
}

/** Problems with an operation about to be saved, as `field: problem` texts; empty when it is sound. */
export function operationProblems(o: AsyncOperation): string[] {
  const problems: string[] = [];
  if (!(OPERATION_TYPES as readonly string[]).includes(o.operationType)) problems.push(`operationType: '${o.operationType}' is not a type`);
  if (!(OPERATION_STATES as readonly string[]).includes(o.state)) problems.push(`state: '${o.state}' is not a state`);
  if (!Number.isInteger(o.progressPercent) || o.progressPercent < 0 || o.progressPercent > 100) {
    problems.push(`progressPercent: ${o.progressPercent} is not an integer from 0 to 100`);
  }
  if (!COM_PATH.test(o.sourcePath)) problems.push(`sourceResourcePath: '${o.sourcePath}' is not a prefix-less COM path`);
  o.resultPaths.forEach((p, i) => {
    if (!COM_PATH.test(p)) problems.push(`resultPaths[${i}]: '${p}' is not a prefix-less COM path`);
  });
  o.logMessages.forEach((m, i) => {
    if (typeof m.message !== 'string' || m.message.trim() === '') problems.push(`logMessages[${i}]: empty message`);
  });
  o.recommendations.forEach((r, i) => {
    if (typeof r !== 'string' || r.trim() === '') problems.push(`recommendations[${i}]: empty recommendation`);
  });
  const e = o.error;
  if (e !== null) {
    if (!Number.isInteger(e.httpStatusCode) || e.httpStatusCode < 400 || e.httpStatusCode > 599) {
      problems.push(`error.httpStatusCode: ${e.httpStatusCode} is not an error status`);
    }
    if (typeof e.errorCode !== 'string' || e.errorCode === '') problems.push('error.errorCode: empty');
    if (typeof e.message !== 'string' || e.message === '') problems.push('error.message: empty');
    if (e.errorDetails !== undefined && !Array.isArray(e.errorDetails)) problems.push('error.errorDetails: not an array');
  }
  return problems;
}
