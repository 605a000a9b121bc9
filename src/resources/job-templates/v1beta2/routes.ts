// job-templates v1beta2 routes: schema → service → toV1beta2.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { VersionRoutes } from '../../../http/api-scope.ts';
import { errorResponses, ListQuery } from '../../../http/schemas.ts';
import { listEnvelope } from '../../list-envelope.ts';
import type { JobTemplateService } from '../service.ts';
import { listSpecV1beta2, toV1beta2 } from './mapper.ts';
import { IdParams, JobTemplateCollectionV1beta2, JobTemplateV1beta2 } from './schemas.ts';

const tags = ['job-templates'];

export function jobTemplatesV1beta2(service: JobTemplateService): VersionRoutes {
  return (app, scope) => {
    const r = app.withTypeProvider<TypeBoxTypeProvider>();

    r.get(
      '/job-templates',
      {
        schema: {
          operationId: 'get_v1beta2_job_templates',
          summary: 'Page through job templates',
          tags,
          querystring: ListQuery,
          response: { 200: JobTemplateCollectionV1beta2, ...errorResponses(400, 401, 403, 406, 500) },
        },
      },
      async (request, reply) => {
        const page = await service.list(request.query, listSpecV1beta2);
        return listEnvelope(reply, page, (t) => toV1beta2(t, scope), request.query.select);
      },
    );

    r.get(
      '/job-templates/:id',
      {
        schema: {
          operationId: 'get_v1beta2_job_template_by_id',
          summary: 'Read one job template',
          tags,
          params: IdParams,
          response: { 200: JobTemplateV1beta2, ...errorResponses(400, 401, 403, 404, 406, 500) },
        },
      },
      async (request) => toV1beta2(await service.get(request.params.id), scope),
    );
  };
}
