// schedules v1beta2 routes: schema → fromV1beta2 → service → toV1beta2. Nothing else happens here.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { resourceUri, type VersionRoutes } from '../../../http/api-scope.ts';
import { callContext } from '../../../http/request-context.ts';
import { errorResponses, ListQuery } from '../../../http/schemas.ts';
import { applySelect, parseSelect } from '../../../query/select.ts';
import { listEnvelope } from '../../list-envelope.ts';
import type { ScheduleService } from '../service.ts';
import { fromV1beta2, fromV1beta2Patch, historyListSpecV1beta2, historyListView, historyToV1beta2, listSpecV1beta2, scheduleListView, toV1beta2 } from './mapper.ts';
import {
  CreateHeaders,
  HistoryParams,
  IdParams,
  ScheduleCollectionV1beta2,
  ScheduleHistoryCollectionV1beta2,
  ScheduleHistoryV1beta2,
  SchedulePatchV1beta2,
  SchedulePostV1beta2,
  ScheduleV1beta2,
  SelectQuery,
} from './schemas.ts';

const tags = ['schedules'];

/** The item, trimmed by `select` when asked; a trimmed item is sent as plain JSON (it lacks required members). */
function selected<T extends object>(reply: FastifyReply, wire: T, select: string | undefined): T {
  const paths = select ? parseSelect(select) : [];
  if (!paths.length) return wire;
  reply.serializer(JSON.stringify);
  return applySelect(wire as Record<string, unknown>, paths) as T;
}

export function schedulesV1beta2(service: ScheduleService): VersionRoutes {
  return (app, scope) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.get(
      '/schedules',
      {
        schema: {
          operationId: 'get_v1beta2_schedules',
          summary: 'Page through schedules',
          tags,
          querystring: ListQuery,
          response: { 200: ScheduleCollectionV1beta2, ...errorResponses(400, 401, 403, 406, 500) },
        },
      },
      async (request, reply) => {
        const page = await service.list(callContext(request), scheduleListView(scope), request.query, listSpecV1beta2);
        return listEnvelope(reply, page, (s) => toV1beta2(s, scope), request.query.select);
      },
    );

    r.post(
      '/schedules',
      {
        schema: {
          operationId: 'create_v1beta2_schedule',
          summary: 'Create a schedule that will invoke a REST operation later/periodically',
          description: 'The operation must be a POST that creates a job; the job is checked now exactly as POST /jobs would check it.',
          tags,
          querystring: SelectQuery,
          headers: CreateHeaders,
          body: SchedulePostV1beta2,
          response: { 201: ScheduleV1beta2, ...errorResponses(400, 401, 403, 406, 409, 415, 500) },
        },
      },
      async (request, reply) => {
        const { schedule } = await service.create(callContext(request), fromV1beta2(request.body), request.headers['idempotency-key']);
        reply.code(201).header('location', resourceUri(scope, `schedules/${schedule.id}`));
        return selected(reply, toV1beta2(schedule, scope), request.query.select);
      },
    );

    r.get(
      '/schedules/:id',
      {
        schema: {
          operationId: 'get_v1beta2_schedule',
          summary: 'Read one schedule',
          tags,
          params: IdParams,
          querystring: SelectQuery,
          response: { 200: ScheduleV1beta2, ...errorResponses(400, 401, 403, 404, 406, 500) },
        },
      },
      async (request, reply) => selected(reply, toV1beta2(await service.get(callContext(request), request.params.id), scope), request.query.select),
    );

    r.patch(
      '/schedules/:id',
      {
        schema: {
          operationId: 'patch_v1beta2_schedule',
          summary: 'Modify a schedule (merge patch, optional If-Match)',
          tags,
          params: IdParams,
          querystring: SelectQuery,
          body: SchedulePatchV1beta2,
          response: { 200: ScheduleV1beta2, ...errorResponses(400, 401, 403, 404, 406, 412, 415, 500) },
        },
      },
      async (request, reply) => {
        const updated = await service.update(callContext(request), request.params.id, fromV1beta2Patch(request.body), request.headers['if-match']);
        return selected(reply, toV1beta2(updated, scope), request.query.select);
      },
    );

    r.delete(
      '/schedules/:id',
      {
        schema: {
          operationId: 'delete_v1beta2_schedule',
          summary: 'Delete a schedule and its history',
          tags,
          params: IdParams,
          response: { 204: { type: 'null', description: 'Deleted' }, ...errorResponses(401, 403, 404, 406, 412, 500) },
        },
      },
      async (request, reply) => {
        await service.delete(callContext(request), request.params.id, request.headers['if-match']);
        return reply.code(204).send();
      },
    );

    r.get(
      '/schedules/:id/history',
      {
        schema: {
          operationId: 'get_v1beta2_schedule_history',
          summary: 'List past executions of a schedule',
          tags,
          params: IdParams,
          querystring: ListQuery,
          response: { 200: ScheduleHistoryCollectionV1beta2, ...errorResponses(400, 401, 403, 404, 406, 500) },
        },
      },
      async (request, reply) => {
        const page = await service.listHistory(callContext(request), request.params.id, historyListView(scope), request.query, historyListSpecV1beta2);
        return listEnvelope(reply, page, (run) => historyToV1beta2(run, scope), request.query.select);
      },
    );

    r.get(
      '/schedules/:id/history/:historyId',
      {
        schema: {
          operationId: 'get_v1beta2_schedule_history_entry',
          summary: 'Read one execution record of a schedule',
          tags,
          params: HistoryParams,
          querystring: SelectQuery,
          response: { 200: ScheduleHistoryV1beta2, ...errorResponses(400, 401, 403, 404, 406, 500) },
        },
      },
      async (request, reply) => {
        const run = await service.getHistory(callContext(request), request.params.id, request.params.historyId);
        return selected(reply, historyToV1beta2(run, scope), request.query.select);
      },
    );
  };
}
