// alerts v1beta2 routes (server-scoped only): schema → service → toV1beta2.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { VersionRoutes } from '../../../http/api-scope.ts';
import { callContext } from '../../../http/request-context.ts';
import { errorResponses } from '../../../http/schemas.ts';
import { listEnvelope } from '../../list-envelope.ts';
import type { AlertService } from '../service.ts';
import { fromClearAlertRequestV1 } from '../v1/mapper.ts';
import { serverAlertsListSpecV1beta2, toV1beta2 } from './mapper.ts';
import { Accepted, AlertCollectionV1beta2, ClearAlertRequestV1, ServerAlertsQueryV1beta2, ServerIdParams } from './schemas.ts';

/** 202 with no body at all (conventions §9: clear-alert answers 202 without Location or body). */
const accepted = (reply: FastifyReply) => reply.code(202).send();

/**
 * `legacy` serves the same server alerts as v1beta1, which real clients still call though the reference no
 * longer lists it (client-compat.md): unpublished, read-only.
 */
export function alertsV1beta2(service: AlertService, options: { legacy?: boolean } = {}): VersionRoutes {
  return (app, scope) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();
    const legacy = options.legacy ?? false;

    r.get(
      '/servers/:id/alerts',
      {
        schema: {
          operationId: legacy ? 'get_v1beta1_server_alerts' : 'get_v1beta2_server_alerts',
          ...(legacy ? { hide: true } : {}),
          summary: 'List the alerts of one server',
          tags: ['servers'],
          params: ServerIdParams,
          querystring: ServerAlertsQueryV1beta2,
          response: { 200: AlertCollectionV1beta2, ...errorResponses(400, 401, 403, 404, 406, 500) },
        },
      },
      async (request, reply) => {
        const page = await service.listForServer(callContext(request), request.params.id, request.query, serverAlertsListSpecV1beta2);
        return listEnvelope(reply, page, (a) => toV1beta2(a, scope));
      },
    );
    if (legacy) return;

    r.post(
      '/servers/:id/clear-alert',
      {
        schema: {
          operationId: 'clear_v1beta2_software_alerts',
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
