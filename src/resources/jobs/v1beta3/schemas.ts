// jobs v1beta3 wire schemas: HPE's job-v1beta3 and jobCollection-v1beta3 (create and update bodies: wire.ts).
import { Type, type Static } from '@sinclair/typebox';
import { Collection } from '../../../http/schemas.ts';
import { FreeObject, JobStateSchema, NullableObject } from '../wire.ts';

/** The members v1beta3 and v1beta2 share; v1beta2 lacks resultCode and jobParams. */
export const legacyJobProperties = {
  id: Type.String({ format: 'uuid', description: 'Primary identifier for the job given by the system' }),
  type: Type.String({ description: 'Type of the resource: compute-ops-mgmt/job' }),
  resourceUri: Type.String({ description: 'URI to the job itself (a self link)' }),
  parentJobId: Type.Union([Type.String(), Type.Null()], { description: 'The job that started this one, if any' }),
  name: Type.String({ description: "The template's name, e.g. FirmwareUpdate.New" }),
  displayName: Type.String({ description: 'Same as name' }),
  generation: Type.Integer({ minimum: 1, description: 'Monotonically increasing update counter' }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  deleteOnComplete: Type.Boolean({ description: 'The job is deleted once it reaches COMPLETE' }),
  jobTemplateUri: Type.String({ description: 'URI to the job template this job is using' }),
  associatedResourceUri: Type.String({ description: 'URI to the resource this job is operating against' }),
  resource: Type.Object(
    {
      resourceUri: Type.String({ description: 'Same as associatedResourceUri' }),
      type: Type.String({ description: 'Collection of the resource: servers, groups, …' }),
    },
    { description: 'The resource this job is operating against' },
  ),
  data: FreeObject('Parameters the job was created with, and system data such as state_reason_message'),
  results: FreeObject('Results from job execution'),
  state: JobStateSchema,
  status: Type.String({ description: 'Status message about the job' }),
  statusDetails: NullableObject("Additional information about the job's status"),
};

export const JobV1beta3 = Type.Object(
  {
    ...legacyJobProperties,
    jobParams: FreeObject('Parameters the job was created with'),
    resultCode: Type.Union([Type.Literal('SUCCESS'), Type.Literal('FAILURE'), Type.Null()], { description: 'Outcome of an ended job; null until then' }),
  },
  { description: 'Job' },
);
export type JobV1beta3 = Static<typeof JobV1beta3>;

export const JobCollectionV1beta3 = Collection(JobV1beta3, 'Job collection');
