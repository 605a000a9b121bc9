// server-locations v1beta1 routes: schema → fromV1beta1 → service → toV1beta1. POST and DELETE answer 202
// with no body, as COM does, but the change is applied before the answer (server-locations.md).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { VersionRoutes } from '../../../http/api-scope.ts';
import { callContext } from '../../../http/request-context.ts';
import { errorResponses } from '../../../http/schemas.ts';
import type { ServerLocationService } from '../service.ts';
import { fromAssignV1beta1, fromRemoveQueryV1beta1, toV1beta1 } from './mapper.ts';
import { Accepted, AssignServerLocationRequestV1beta1, LocationParams, RemoveServerLocationQueryV1beta1, ServerLocationV1beta1 } from './schemas.ts';

const tags = ['server-locations'];

export function serverLocationsV1beta1(service: ServerLocationService): VersionRoutes {
  return (app, scope) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.get(
      '/server-locations/:location_id',
      {
        schema: {
          operationId: 'get_v1beta1_server_locations',
          summary: 'Get location details',
          description: 'The location and the ids of all servers bound to it, directly managed and OneView-managed alike.',
          tags,
          params: LocationParams,
          response: { 200: ServerLocationV1beta1, ...errorResponses(400, 401, 403, 404, 406, 415, 500) },
        },
      },
      async (request) => toV1beta1(await service.get(callContext(request), request.params.location_id), scope),
    );

    r.post(
      '/server-locations/:location_id/servers',
      {
        schema: {
          operationId: 'post_v1beta1_server_locations',
          summary: 'Assign location to servers',
          description: 'Assigns the location to servers managed by HPE OneView; use the HPE GreenLake Locations API for directly managed servers.',
          tags,
          params: LocationParams,
          body: AssignServerLocationRequestV1beta1,
          response: { 202: Accepted, ...errorResponses(400, 401, 403, 404, 406, 412, 415, 500) },
        },
      },
      async (request, reply) => {
        await service.assign(callContext(request), request.params.location_id, fromAssignV1beta1(request.body), request.headers['if-match']);
        return reply.code(202).send();
      },
    );

    r.delete(
      '/server-locations/:location_id/servers',
      {
        schema: {
          operationId: 'delete_v1beta1_server_locations',
          summary: 'Remove location of servers',
          description: 'Removes the location of servers managed by HPE OneView, named by repeated id query parameters.',
          tags,
          params: LocationParams,
          querystring: RemoveServerLocationQueryV1beta1,
          response: { 202: Accepted, ...errorResponses(400, 401, 403, 404, 406, 412, 415, 500) },
        },
      },
      async (request, reply) => {
        await service.remove(callContext(request), request.params.location_id, fromRemoveQueryV1beta1(request.query), request.headers['if-match']);
        return reply.code(202).send();
      },
    );
  };
}
