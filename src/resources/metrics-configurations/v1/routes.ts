// metrics-configurations v1 routes: schema → fromV1 → service → toV1. Nothing else happens here.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { resourceUri, type VersionRoutes } from '../../../http/api-scope.ts';
import { callContext } from '../../../http/request-context.ts';
import { errorResponses, ListQuery } from '../../../http/schemas.ts';
import { listEnvelope } from '../../list-envelope.ts';
import type { MetricsConfigurationService } from '../service.ts';
import { fromV1, fromV1Patch, listSpecV1, toV1 } from './mapper.ts';
import { IdParams, MetricsConfigurationCollectionV1, MetricsConfigurationPatchV1, MetricsConfigurationPostV1, MetricsConfigurationV1 } from './schemas.ts';

const tags = ['metrics-configurations'];

export function metricsConfigurationsV1(service: MetricsConfigurationService): VersionRoutes {
  return (app, scope) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.get(
      '/metrics-configurations',
      {
        schema: {
          operationId: 'get_v1_metrics_configurations',
          summary: 'List utilization-alert / metrics collection configurations (0 or 1 item)',
          tags,
          querystring: ListQuery,
          response: { 200: MetricsConfigurationCollectionV1, ...errorResponses(400, 401, 403, 406, 500) },
        },
      },
      async (request, reply) => {
        const page = await service.list(callContext(request), request.query, listSpecV1);
        return listEnvelope(reply, page, (c) => toV1(c, scope), request.query.select);
      },
    );

    r.post(
      '/metrics-configurations',
      {
        schema: {
          operationId: 'create_v1_metrics_configurations',
          summary: 'Create the workspace\'s metrics configuration',
          tags,
          body: MetricsConfigurationPostV1,
          response: { 201: MetricsConfigurationV1, ...errorResponses(400, 401, 403, 406, 415, 500) },
        },
      },
      async (request, reply) => {
        const created = await service.create(callContext(request), fromV1(request.body));
        reply.code(201).header('location', resourceUri(scope, `metrics-configurations/${created.id}`));
        return toV1(created, scope);
      },
    );

    r.get(
      '/metrics-configurations/:id',
      {
        schema: {
          operationId: 'get_v1_metrics_configuration_by_id',
          summary: 'Read one metrics configuration',
          tags,
          params: IdParams,
          response: { 200: MetricsConfigurationV1, ...errorResponses(400, 401, 403, 404, 406, 500) },
        },
      },
      async (request) => toV1(await service.get(callContext(request), request.params.id), scope),
    );

    r.patch(
      '/metrics-configurations/:id',
      {
        schema: {
          operationId: 'patch_v1_metrics_configuration_by_id',
          summary: 'Modify a metrics configuration (JSON merge patch)',
          tags,
          params: IdParams,
          body: MetricsConfigurationPatchV1,
          response: { 200: MetricsConfigurationV1, ...errorResponses(400, 401, 403, 404, 406, 412, 415, 500) },
        },
      },
      async (request) => {
        const updated = await service.update(callContext(request), request.params.id, fromV1Patch(request.body), request.headers['if-match']);
        return toV1(updated, scope);
      },
    );

    r.delete(
      '/metrics-configurations/:id',
      {
        schema: {
          operationId: 'delete_v1_metrics_configuration_by_id',
          summary: 'Remove a metrics configuration',
          tags,
          params: IdParams,
          response: { 204: { type: 'null', description: 'Deleted' }, ...errorResponses(401, 403, 404, 412, 500) },
        },
      },
      async (request, reply) => {
        await service.delete(callContext(request), request.params.id, request.headers['if-match']);
        return reply.code(204).send();
      },
    );
  };
}
