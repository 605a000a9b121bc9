// jobs v1 wire schemas: HPE's job-v1, jobCollection-v1 and jobCreate-v1 (jobUpdate-v1 is wire.ts).
import { Type, type Static } from '@sinclair/typebox';
import { Collection } from '../../../http/schemas.ts';
import { FreeObject, JobStateSchema, NullableObject } from '../wire.ts';

export const JobV1 = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: 'Primary identifier for the job given by the system' }),
    type: Type.String({ description: 'Type of the resource: compute-ops-mgmt/job' }),
    resourceUri: Type.String({ description: 'URI to the job itself (a self link)' }),
    parentJobId: Type.Union([Type.String(), Type.Null()], { description: 'The job that started this one, if any' }),
    name: Type.String({ description: "The template's name, e.g. FirmwareUpdate.New" }),
    generation: Type.Integer({ minimum: 1, description: 'Monotonically increasing update counter' }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    deleteOnComplete: Type.Boolean({ description: 'The job is deleted once it reaches COMPLETE' }),
    cancelable: Type.Boolean({ description: 'input.stopOnRequest can stop the job (serial group firmware updates)' }),
    jobTemplate: Type.String({ description: 'ID of the job template this job is using' }),
    resource: Type.Object(
      {
        type: Type.String({ description: 'e.g. compute-ops-mgmt/server, compute-ops-mgmt/group' }),
        id: Type.String({ description: 'Id of the resource the job acts on' }),
      },
      { description: 'The resource this job is operating against' },
    ),
    jobParams: FreeObject('Parameters the job was created with'),
    data: FreeObject('The parameters with system data such as state_reason_message, as the legacy versions show them'),
    results: FreeObject('Results from job execution'),
    state: JobStateSchema,
    resultCode: Type.Union([Type.Literal('SUCCESS'), Type.Literal('FAILURE'), Type.Null()], { description: 'Outcome of an ended job; null until then' }),
    status: Type.String({ description: 'Status message about the job' }),
    statusDetails: NullableObject("Additional information about the job's status"),
  },
  { description: 'Job' },
);
export type JobV1 = Static<typeof JobV1>;

export const JobCollectionV1 = Collection(JobV1, 'Job collection');

export const JobCreateV1 = Type.Object(
  {
    jobTemplate: Type.String({ minLength: 1, description: 'ID of the job template for this job' }),
    resourceType: Type.String({ minLength: 1, description: 'Type of the resource to run this job on, e.g. compute-ops-mgmt/server' }),
    resourceId: Type.String({ minLength: 1, description: 'Id of the resource to run this job on' }),
    jobParams: Type.Optional(NullableObject('Parameters the job needs (the template schema); may be omitted or null')),
  },
  { description: 'Create a job' },
);
export type JobCreateV1 = Static<typeof JobCreateV1>;
