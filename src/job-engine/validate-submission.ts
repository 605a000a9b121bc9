// Whether a job may be created, asked by everything that creates one on a client's behalf: POST /jobs in
// every version, and schedules both when they are created and when they fire. One sequence of checks so a
// schedule refuses exactly what POST /jobs refuses (jobs.md §4.2): the template exists and has an executor,
// accepts the target's type and the parameters; the target exists in the workspace; the executor agrees.
// Every refusal is a 400 whose issues name the members the client sent, in the client's own version.
import type { ValidateFunction } from 'ajv';
import { ComError, type Issue } from '../http/com-error.ts';
import { coerceLenientBooleans } from '../http/content-negotiation.ts';
import { ajvIssues, type AjvIssue } from '../http/error-handler.ts';
import { makeAjv } from '../http/validation.ts';
import type { Db } from '../store/store.ts';
import { executorFor } from './executors/index.ts';
import type { JobResourceType } from './model.ts';
import type { JobSubmission } from './submit.ts';
import { findJobTarget, hasJobTargetLookup } from './targets.ts';
import { templateById, type JobTemplate } from './templates.ts';

/** Where each part of a creation request sits in the client's body (`jobTemplate` or `operation.body.jobTemplateUri`…). */
export interface SubmissionFields {
  template: string;
  resourceType: string;
  resourceId: string;
  params: string;
}

/** A creation request as a version's mapper reads it, before anything is checked. */
export interface SubmissionRequest {
  /** The template id the client named (lower case); may name no template. */
  templateId: string;
  /** The target; undefined when the body names none we understand (`problem` says why). */
  target: { type: JobResourceType; id: string } | undefined;
  problem?: string;
  params: Record<string, unknown>;
  fields: SubmissionFields;
}

/** What passed every check: ready for submitJob once the caller adds who creates it. */
export type ValidSubmission = Pick<JobSubmission, 'workspaceId' | 'templateId' | 'resource' | 'params'>;

// Parameters are kept as the client sent them (COM echoes jobParams back), so no defaults and no removal.
const ajv = makeAjv({ coerceTypes: false, useDefaults: false, removeAdditional: false });
const compiled = new Map<string, ValidateFunction>();

function validatorOf(template: JobTemplate): ValidateFunction {
  let validate = compiled.get(template.id);
  if (!validate) compiled.set(template.id, (validate = ajv.compile(template.params)));
  return validate;
}

/** Parameters against the template; Ansible's "True"/"False" strings are read as the booleans they mean. */
export function checkParams(template: JobTemplate, given: Record<string, unknown>, field: string): { params: Record<string, unknown>; issues: Issue[] } {
  const schema = template.params as unknown as Parameters<typeof coerceLenientBooleans>[0];
  const params = coerceLenientBooleans(schema, structuredClone(given)) as Record<string, unknown>;
  const validate = validatorOf(template);
  if (validate(params)) return { params, issues: [] };
  return { params, issues: ajvIssues((validate.errors ?? []) as AjvIssue[], 'field', field) };
}

/** The collection word of a target type, as messages name it (`servers`, `groups`, `oneview-appliances`…). */
const collectionOf = (type: JobResourceType): string => `${type}s`;

function targetIssues(request: SubmissionRequest, template: JobTemplate): Issue[] {
  const { target, fields } = request;
  if (!target) return [{ source: 'field', subject: fields.resourceType, description: request.problem ?? 'names no job target' }];
  if (template.resourceTypes.includes(target.type)) return [];
  const accepted = template.resourceTypes.map((t) => `compute-ops-mgmt/${t}`).join(' or ');
  return [{ source: 'field', subject: fields.resourceType, description: `${template.name} runs on ${accepted}, not on ${collectionOf(target.type)}` }];
}

/** Executors speak v1 (`jobTemplate`, `resourceId`, `jobParams.devices`); the client may have sent `jobTemplateUri`, `resourceUri` and `data.devices`. */
export function inClientTerms(issues: readonly Issue[], fields: SubmissionFields): Issue[] {
  return issues.map((i) => {
    if (i.subject === 'jobTemplate') return { ...i, subject: fields.template };
    if (i.subject === 'resourceId') return { ...i, subject: fields.resourceId };
    if (i.subject === 'resourceType') return { ...i, subject: fields.resourceType };
    if (i.subject === 'jobParams' || i.subject.startsWith('jobParams.')) return { ...i, subject: fields.params + i.subject.slice('jobParams'.length) };
    return i;
  });
}

/**
 * Checks a creation request against the store as `db` sees it (pass the transaction that will submit the
 * job, so what was checked is what is submitted). Throws a 400 ComError for anything it refuses.
 */
export async function validateSubmission(db: Db, workspaceId: string, request: SubmissionRequest): Promise<ValidSubmission> {
  const { fields } = request;
  const template = templateById(request.templateId);
  if (!template) throw ComError.badRequest([{ source: 'field', subject: fields.template, description: `no job template has id ${request.templateId}` }]);
  const executor = executorFor(template.name);
  if (!executor) {
    throw ComError.badRequest(
      [{ source: 'field', subject: fields.template, description: `job template ${template.name} is not supported by OpenCOM` }],
      `Job template ${template.name} (${template.id}) is not supported by OpenCOM`,
    );
  }
  const checked = checkParams(template, request.params, fields.params);
  const issues = [...targetIssues(request, template), ...checked.issues];
  if (issues.length || !request.target) throw ComError.badRequest(issues);
  const target = request.target;
  if (!hasJobTargetLookup(target.type)) {
    throw ComError.badRequest([{ source: 'field', subject: fields.resourceType, description: `jobs on ${collectionOf(target.type)} are not supported by OpenCOM yet` }]);
  }
  if (!(await findJobTarget(db, target.type, workspaceId, target.id))) {
    throw ComError.badRequest([{ source: 'field', subject: fields.resourceId, description: `${target.type} ${target.id} was not found` }]);
  }
  const refused = inClientTerms((await executor.validate?.(db, { workspaceId, resource: target, params: checked.params })) ?? [], fields);
  if (refused.length) throw ComError.badRequest(refused);
  return { workspaceId, templateId: template.id, resource: target, params: checked.params };
}
