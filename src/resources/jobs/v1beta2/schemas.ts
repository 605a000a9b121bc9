// jobs v1beta2 wire schemas: HPE's job-v1beta2 and jobCollection-v1beta2 — the legacy shape without
// resultCode and jobParams (jobs.md §2).
import { Type, type Static } from '@sinclair/typebox';
import { Collection } from '../../../http/schemas.ts';
import { legacyJobProperties } from '../v1beta3/schemas.ts';

export const JobV1beta2 = Type.Object(legacyJobProperties, { description: 'Job' });
export type JobV1beta2 = Static<typeof JobV1beta2>;

export const JobCollectionV1beta2 = Collection(JobV1beta2, 'Job collection');
