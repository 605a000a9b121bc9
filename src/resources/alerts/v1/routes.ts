// alerts v1 routes: schema → service → toV1. The server-scoped routes live here because the alerts belong
// to this group's store; they mount under /servers/:id like COM publishes them.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { VersionRoutes } from '../../../http/api-scope.ts';
import { callContext } from '../../../http/request-context.ts';
import { errorResponses, ListQuery } from '../../../http/schemas.ts';
import { listEnvelope } from '../../list-envelope.ts';
import type { AlertService } from '../service.ts';
import { fromClearAlertRequestV1, listSpecV1, serverAlertsListSpecV1, toV1 } from './mapper.ts';
import { Accepted, AlertCollectionV1, ClearAlertRequestV1, ServerAlertsQueryV1, ServerIdParams } from './schemas.ts';

/** 202 with no body at all (conventions §9: clear-alert answers 202 without Location or body). */
const accepted = (reply: FastifyReply) => reply.code(202).send();

export function alertsV1(service: AlertService): VersionRoutes {
  return (app, scope) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.get(
      '/alerts',
      {
        schema: {
          operationId: 'get_v1_alerts',
          summary: 'List alerts of every server: active ones and those cleared within the last 180 days',
          tags: ['alerts'],
          querystring: ListQuery,
          response: { 200: AlertCollectionV1, ...errorResponses(400, 401, 403, 406, 500) },
        },
      },
      async (request, reply) => {
        const page = await service.list(callContext(request), request.query, listSpecV1);
        return listEnvelope(reply, page, (a) => toV1(a, scope), request.query.select);
      },
    );

    r.get(
      '/servers/:id/alerts',
      {
        schema: {
          operationId: 'get_v1_server_alerts',
          summary: 'List the alerts of one server',
          tags: ['servers'],
          params: ServerIdParams,
          querystring: ServerAlertsQueryV1,
          response: { 200: AlertCollectionV1, ...errorResponses(400, 401, 403, 404, 406, 500) },
        },
      },
      async (request, reply) => {
        const page = await service.listForServer(callContext(request), request.params.id, request.query, serverAlertsListSpecV1);
        return listEnvelope(reply, page, (a) => toV1(a, scope), request.query.select);
      },
    );

    r.post(
      '/servers/:id/clear-alert',
      {
        schema: {
          operationId: 'clear_v1_software_alerts',
          summary: 'Clear power-utilization alerts of a server',
          tags: ['servers'],
          params: ServerIdParams,
          body: ClearAlertRequestV1,
          response: { 202: Accepted, ...errorResponses(400, 401, 403, 404, 406, 415, 500) },
        },
      },
      async (request, reply) => {
        await service.clearSoftwareAlerts(callContext(request), request.params.id, fromClearAlertRequestV1(request.body));
        return accepted(reply);
      },
    );
  };
}
