// async-operations v1 wire schemas; names and types follow HPE's asyncOperation-v1 and
// asyncOperationCollection-v1 (cursor envelope), built by the shapes v1beta1 shares (../wire.ts).
import { Type, type Static } from '@sinclair/typebox';
import { asyncOperationCollectionSchema, asyncOperationSchema } from '../wire.ts';

export const AsyncOperationV1 = asyncOperationSchema('v1');
export type AsyncOperationV1 = Static<typeof AsyncOperationV1>;

export const AsyncOperationCollectionV1 = asyncOperationCollectionSchema(AsyncOperationV1);

// No content: COM documents the 202 by description only.
export const Accepted = Type.Unsafe<undefined>({ type: 'null', description: 'Accepted; the operation is CANCELLED when the answer is sent' });
