// Wire pieces every jobs version shares: free-form objects, the state enum, path and query parameters,
// the patch bodies, and the deprecation headers of the legacy versions (endpoints.md: v1beta3 and v1beta2
// answer with Deprecation, Sunset and Link).
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { resourceUri, type ApiScope } from '../../http/api-scope.ts';
import { JOB_STATES } from '../../job-engine/model.ts';

export const FreeObject = (description: string) => Type.Object({}, { additionalProperties: true, description });
export const NullableObject = (description: string) => Type.Union([FreeObject(description), Type.Null()], { description });

export const JobStateSchema = Type.Union(
  JOB_STATES.map((s) => Type.Literal(s)),
  { description: 'PENDING, APPROVAL_PENDING, RUNNING, STALLED (non-terminal); ERROR, COMPLETE (terminal)' },
);

export const IdParams = Type.Object({ id: Type.String({ description: 'Job id (uuid)' }) });
export const SelectQuery = Type.Object({ select: Type.Optional(Type.String({ description: 'Comma-separated properties to return' })) });

const Input = Type.Object(
  {
    stopOnRequest: Type.Optional(
      Type.Boolean({ description: 'Stop a serial group firmware update: servers already updating finish, the others are skipped' }),
    ),
  },
  // Unknown input members are dropped, not stored: nothing would ever read them.
  { additionalProperties: false, description: 'Additional runtime input for the job' },
);

/** jobUpdate-v1 / jobUpdate-v1beta3: end the job by hand, or send it input. */
export const JobUpdateBody = Type.Object(
  {
    state: Type.Optional(Type.Union([Type.Literal('COMPLETE'), Type.Literal('ERROR')], { description: 'End the job: COMPLETE or ERROR' })),
    input: Type.Optional(Input),
  },
  { minProperties: 1, description: 'Job update (JSON merge patch)' },
);

/** jobUpdate-v1beta2: only ERROR ends a job there. */
export const JobUpdateBodyV1beta2 = Type.Object(
  {
    state: Type.Optional(Type.Literal('ERROR', { description: 'End the job with ERROR' })),
    input: Type.Optional(Input),
  },
  { minProperties: 1, description: 'Job update (JSON merge patch)' },
);

/** The legacy versions' create body (jobCreate-v1beta3 / jobCreate-v1beta2). */
export const LegacyJobCreateBody = Type.Object(
  {
    jobTemplateUri: Type.String({ minLength: 1, description: 'Job template id, or its URI (…/job-templates/{id})' }),
    resourceUri: Type.String({ minLength: 1, description: 'URI of the resource to run the job on, e.g. /compute-ops-mgmt/v1beta2/servers/{id}' }),
    data: Type.Optional(NullableObject('Data the job needs (the template schema)')),
  },
  { description: 'Create a job' },
);

export interface Deprecation {
  deprecation: string;
  sunset: string;
}

/** v1beta3 and v1beta2 jobs: deprecated 2025-01-31, sunset 2025-03-03, successor v1 (RFC 5322 dates). */
export const LEGACY_JOBS_DEPRECATION: Deprecation = { deprecation: 'Fri, 31 Jan 2025 23:59:59 GMT', sunset: 'Mon, 03 Mar 2025 23:59:59 GMT' };

/** Marks a legacy answer deprecated and points at the v1 successor of what was asked. */
export function deprecated(reply: FastifyReply, d: Deprecation, scope: ApiScope, successorPath: string): void {
  reply.header('deprecation', d.deprecation).header('sunset', d.sunset);
  reply.header('link', `<${resourceUri({ prefix: scope.prefix, version: 'v1' }, successorPath)}>; rel="successor-version"`);
}
