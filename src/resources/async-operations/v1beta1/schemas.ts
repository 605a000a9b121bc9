// async-operations v1beta1 wire schemas: HPE's asyncOperation-v1beta1 and asyncOperationCollection-v1beta1
// have exactly the members of v1, so the shape is built by the same functions.
import type { Static } from '@sinclair/typebox';
import { asyncOperationCollectionSchema, asyncOperationSchema } from '../wire.ts';

export const AsyncOperationV1beta1 = asyncOperationSchema('v1beta1');
export type AsyncOperationV1beta1 = Static<typeof AsyncOperationV1beta1>;

export const AsyncOperationCollectionV1beta1 = asyncOperationCollectionSchema(AsyncOperationV1beta1);
