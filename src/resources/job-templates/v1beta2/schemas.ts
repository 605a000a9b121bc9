// job-templates v1beta2 wire schemas: HPE's jobTemplate-v1beta2 and jobTemplateCollection-v1beta2.
import { Type, type Static } from '@sinclair/typebox';
import { Collection } from '../../../http/schemas.ts';

export const JobTemplateV1beta2 = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: 'Durable template id, the same in every region' }),
    type: Type.String({ description: 'Type of the resource: compute-ops-mgmt/job-template' }),
    generation: Type.Integer({ minimum: 0, description: 'Monotonically increasing update counter' }),
    createdAt: Type.String({ format: 'date-time', description: 'Time of job template creation' }),
    updatedAt: Type.String({ format: 'date-time', description: 'Time of the last job template update' }),
    resourceUri: Type.String({ description: 'URI to the job template itself (a self link)' }),
    name: Type.String({ description: "Name jobs created from this template carry, e.g. 'GroupFirmwareUpdate'" }),
    description: Type.String(),
    schema: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()], {
      description: 'JSON Schema of the jobParams (legacy data) a job of this template takes',
    }),
  },
  { description: 'Job template' },
);
export type JobTemplateV1beta2 = Static<typeof JobTemplateV1beta2>;

export const JobTemplateCollectionV1beta2 = Collection(JobTemplateV1beta2, 'Job template collection');

export const IdParams = Type.Object({ id: Type.String({ description: 'Job template id (uuid)' }) });
