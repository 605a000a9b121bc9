// The four job operations, wired once: schema → fromVx → service → toVx. A version brings its schemas,
// mapper, list spec and success code (v1 answers POST with 201, the legacy versions with 200 and deprecation
// headers: client-compat.md); nothing else differs between v1, v1beta3 and v1beta2.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { TSchema } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { resourceUri, type ApiScope, type VersionRoutes } from '../../http/api-scope.ts';
import { callContext } from '../../http/request-context.ts';
import { errorResponses, ListQuery } from '../../http/schemas.ts';
import type { ListSpec } from '../../query/list-spec.ts';
import { applySelect, parseSelect } from '../../query/select.ts';
import { listEnvelope } from '../list-envelope.ts';
import type { JobCreation, JobPatch, StoredJob } from './model.ts';
import type { JobListView } from './repository.ts';
import type { JobService } from './service.ts';
import { deprecated, IdParams, SelectQuery, type Deprecation } from './wire.ts';

export interface JobsVersion<Create, Patch> {
  version: 'v1' | 'v1beta3' | 'v1beta2';
  item: TSchema;
  collection: TSchema;
  createBody: TSchema;
  patchBody: TSchema;
  /** 201 for v1, 200 for the legacy versions (jobs.md §5–6). */
  createdStatus: 200 | 201;
  listSpec: ListSpec;
  listView(scope: ApiScope): JobListView;
  toWire(job: StoredJob, scope: ApiScope): object;
  fromCreate(body: Create): JobCreation;
  fromPatch(body: Patch): JobPatch;
  deprecation?: Deprecation;
}

const tags = ['jobs'];

export function jobRoutes<Create, Patch>(service: JobService, v: JobsVersion<Create, Patch>): VersionRoutes {
  return (app, scope) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    const op = (name: string) => name.replace('{v}', v.version);
    const mark = (reply: FastifyReply, successor: string) => v.deprecation && deprecated(reply, v.deprecation, scope, successor);
    /** The item, trimmed by `select` when asked; a trimmed item is sent as plain JSON (it lacks required members). */
    const item = (reply: FastifyReply, job: StoredJob, select: string | undefined) => {
      const wire = v.toWire(job, scope);
      const paths = select ? parseSelect(select) : [];
      if (!paths.length) return wire;
      reply.serializer(JSON.stringify);
      return applySelect(wire as Record<string, unknown>, paths);
    };

    r.get(
      '/jobs',
      {
        schema: {
          operationId: op('get_{v}_jobs'),
          summary: 'Page through jobs',
          tags,
          querystring: ListQuery,
          response: { 200: v.collection, ...errorResponses(400, 401, 403, 406, 500) },
        },
      },
      async (request, reply) => {
        const page = await service.list(callContext(request), v.listView(scope), request.query, v.listSpec);
        mark(reply, 'jobs');
        return listEnvelope(reply, page, (j) => v.toWire(j, scope), request.query.select);
      },
    );

    r.post(
      '/jobs',
      {
        schema: {
          operationId: op('create_{v}_job'),
          summary: 'Start a job from a template against a server, group, appliance, setting or external service',
          tags,
          querystring: SelectQuery,
          body: v.createBody,
          response: { [v.createdStatus]: v.item, ...errorResponses(400, 401, 403, 406, 415, 500) },
        },
      },
      async (request, reply) => {
        const job = await service.create(callContext(request), v.fromCreate(request.body as Create));
        mark(reply, 'jobs');
        reply.code(v.createdStatus).header('location', resourceUri(scope, `jobs/${job.id}`));
        return item(reply, job, request.query.select);
      },
    );

    r.get(
      '/jobs/:id',
      {
        schema: {
          operationId: op('get_{v}_job_by_id'),
          summary: 'Read (poll) one job',
          tags,
          params: IdParams,
          querystring: SelectQuery,
          response: { 200: v.item, ...errorResponses(400, 401, 403, 404, 406, 500) },
        },
      },
      async (request, reply) => {
        const job = await service.get(callContext(request), request.params.id);
        mark(reply, `jobs/${job.id}`);
        return item(reply, job, request.query.select);
      },
    );

    r.patch(
      '/jobs/:id',
      {
        schema: {
          operationId: op('patch_{v}_job_by_id'),
          summary: 'End a job by hand, or send it input such as stopOnRequest (JSON merge patch)',
          tags,
          params: IdParams,
          querystring: SelectQuery,
          body: v.patchBody,
          response: { 200: v.item, ...errorResponses(400, 401, 403, 404, 406, 412, 415, 500) },
        },
      },
      async (request, reply) => {
        const job = await service.patch(callContext(request), request.params.id, v.fromPatch(request.body as Patch), request.headers['if-match']);
        mark(reply, `jobs/${job.id}`);
        return item(reply, job, request.query.select);
      },
    );
  };
}
