// The jobs group's routes as other groups may call them without HTTP: a POST that creates a job, through any
// jobs route a client may name — the /api/compute/v1 alias old payloads use, or a public jobs version under
// either prefix. Schedules store such calls (schedules.md §3); this is the one module of the jobs group they
// import, so a scheduled call is read and answered exactly as that route would read and answer it.
import type { TSchema } from '@sinclair/typebox';
import type { ValidateFunction } from 'ajv';
import type { ApiScope } from '../../http/api-scope.ts';
import { makeAjv } from '../../http/validation.ts';
import type { StoredJob } from '../../job-engine/model.ts';
import type { SubmissionRequest } from '../../job-engine/validate-submission.ts';
import { fromLegacyCreate } from './legacy.ts';
import { fromV1, toV1 } from './v1/mapper.ts';
import { JobCreateV1 } from './v1/schemas.ts';
import { toV1beta2 } from './v1beta2/mapper.ts';
import { toV1beta3 } from './v1beta3/mapper.ts';
import { LegacyJobCreateBody } from './wire.ts';

/** One jobs route as a scheduled call sees it. */
export interface JobCall {
  /** Where the route answers from: self links in the answer follow it. */
  scope: ApiScope;
  /** The route's body schema, checked before the body is read. */
  validate: ValidateFunction;
  /** The version's reading of a valid body. */
  read(body: unknown): SubmissionRequest;
  /** The created job as the route answers it. */
  answer(job: StoredJob): object;
  /** 201 for v1, 200 for the legacy versions and the alias (client-compat.md). */
  status: 200 | 201;
}

const ajv = makeAjv({ coerceTypes: false });

function call(scope: ApiScope, body: TSchema, read: (body: never) => SubmissionRequest, answer: (job: StoredJob, scope: ApiScope) => object, status: 200 | 201): JobCall {
  return { scope, validate: ajv.compile(body), read: (b) => read(b as never), answer: (job) => answer(job, scope), status };
}

const VERSIONS = {
  v1: (prefix: ApiScope['prefix']) => call({ prefix, version: 'v1' }, JobCreateV1, fromV1, toV1, 201),
  v1beta3: (prefix: ApiScope['prefix']) => call({ prefix, version: 'v1beta3' }, LegacyJobCreateBody, fromLegacyCreate, toV1beta3, 200),
  v1beta2: (prefix: ApiScope['prefix']) => call({ prefix, version: 'v1beta2' }, LegacyJobCreateBody, fromLegacyCreate, toV1beta2, 200),
} as const;

const CALLS = new Map<string, JobCall>([
  // The jobs group serves /api/compute/v1 as v1beta3 (jobs.md §6).
  ['/api/compute/v1/jobs', VERSIONS.v1beta3('compute-ops-mgmt')],
  ...(['compute-ops-mgmt', 'compute-ops'] as const).flatMap((prefix) =>
    (Object.keys(VERSIONS) as (keyof typeof VERSIONS)[]).map((v) => [`/${prefix}/${v}/jobs`, VERSIONS[v](prefix)] as const),
  ),
]);

/** The jobs route a scheduled call names; undefined for any call that does not create a job. */
export function jobCallFor(method: string, uri: string): JobCall | undefined {
  if (method !== 'POST') return undefined;
  return CALLS.get(uri.trim().replace(/\/+$/, ''));
}

/** The URIs a schedule may call, for messages. */
export const JOB_CALL_URIS: readonly string[] = [...CALLS.keys()].filter((u) => !u.startsWith('/compute-ops/'));

/** How a job body's resourceUri names its target; schedules read the same URIs. */
export { parseTargetUri } from './targets.ts';
