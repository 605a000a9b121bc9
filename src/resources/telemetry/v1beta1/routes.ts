// telemetry v1beta1 routes: schema → fromV1beta1 → service → toV1beta1. Four COM path roots share this file
// because they share one metrics store and its request rules.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { VersionRoutes } from '../../../http/api-scope.ts';
import { callContext } from '../../../http/request-context.ts';
import { errorResponses } from '../../../http/schemas.ts';
import type { TelemetryService } from '../service.ts';
import {
  energyByEntityToV1beta1,
  energyOverTimeToV1beta1,
  energyRequestFromV1beta1,
  energySortSpecV1beta1,
  utilizationByEntityToV1beta1,
  utilizationOverTimeToV1beta1,
  utilizationRequestFromV1beta1,
  utilizationSortSpecV1beta1,
} from './mapper.ts';
import {
  EnergyByEntityQuery,
  EnergyByEntityV1beta1,
  EnergyOverTimeQuery,
  EnergyOverTimeV1beta1,
  UtilizationByEntityQuery,
  UtilizationByEntityV1beta1,
  UtilizationOverTimeQuery,
  UtilizationOverTimeV1beta1,
} from './schemas.ts';

const errors = errorResponses(400, 401, 403, 406, 500);

export function telemetryV1beta1(service: TelemetryService, now: () => number = Date.now): VersionRoutes {
  return (app, scope) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.get(
      '/energy-over-time',
      {
        schema: {
          operationId: 'get_energy_over_time',
          summary: 'Energy consumption, carbon emissions and cost over time, collected and projected',
          tags: ['energy-over-time'],
          querystring: EnergyOverTimeQuery,
          response: { 200: EnergyOverTimeV1beta1, ...errors },
        },
      },
      async (request) => energyOverTimeToV1beta1(await service.energyOverTime(callContext(request), energyRequestFromV1beta1(request.query, now(), false))),
    );

    r.get(
      '/energy-by-entity',
      {
        schema: {
          operationId: 'get_energy_by_entity',
          summary: 'Energy consumption, carbon emissions and cost per server or per aggregate',
          tags: ['energy-by-entity'],
          querystring: EnergyByEntityQuery,
          response: { 200: EnergyByEntityV1beta1, ...errors },
        },
      },
      async (request) => {
        const q = request.query;
        const page = { sort: q.sort, offset: q.offset, limit: q.limit, excludedServers: q['excluded-servers'] ?? false, sortSpec: energySortSpecV1beta1 };
        return energyByEntityToV1beta1(await service.energyByEntity(callContext(request), energyRequestFromV1beta1(q, now(), true), page));
      },
    );

    r.get(
      '/utilization-over-time',
      {
        schema: {
          operationId: 'get_utilization_over_time',
          summary: 'One utilization metric over time, averaged over the servers of a resource',
          tags: ['utilization-over-time'],
          querystring: UtilizationOverTimeQuery,
          response: { 200: UtilizationOverTimeV1beta1, ...errors },
        },
      },
      async (request) =>
        utilizationOverTimeToV1beta1(await service.utilizationOverTime(callContext(request), utilizationRequestFromV1beta1(request.query, now())), scope),
    );

    r.get(
      '/utilization-by-entity',
      {
        schema: {
          operationId: 'get_utilization_by_entity',
          summary: 'High, low and average of one utilization metric per server',
          tags: ['utilization-by-entity'],
          querystring: UtilizationByEntityQuery,
          response: { 200: UtilizationByEntityV1beta1, ...errors },
        },
      },
      async (request) => {
        const q = request.query;
        const page = { sort: q.sort, offset: q.offset, limit: q.limit, excludedServers: q['excluded-servers'] ?? false, sortSpec: utilizationSortSpecV1beta1 };
        return utilizationByEntityToV1beta1(await service.utilizationByEntity(callContext(request), utilizationRequestFromV1beta1(q, now()), page));
      },
    );
  };
}
