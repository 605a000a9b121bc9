// The activity a cancel records (activities.md: every API write emits one), in English and Japanese, inside
// the cancel's transaction so the feed shows it exactly when the operation is CANCELLED.
import type { Principal } from '../../identity/model.ts';
import type { Db } from '../../store/store.ts';
import { recordActivity } from '../activities/service.ts';
import type { AsyncOperation } from './model.ts';

/** ASYNC_OPERATION_CANCELLED: `by` cancelled the operation through the API. */
export async function recordOperationCancelled(tx: Db, operation: AsyncOperation, by: Principal): Promise<void> {
  const detail = `Operation type: ${operation.operationType}\nAsync operation: ${operation.id}`;
  await recordActivity(tx, operation.workspaceId, {
    key: 'ASYNC_OPERATION_CANCELLED',
    text: {
      en: { title: 'Async operation cancelled', message: `${by.email} cancelled an async operation\n\n${detail}`, recommendedAction: null },
      ja: { title: '非同期操作がキャンセルされました', message: `${by.email} が非同期操作をキャンセルしました\n\n${detail}`, recommendedAction: null },
    },
    source: { type: 'Async operation', id: operation.id, name: operation.operationType, resourceUri: `v1/async-operations/${operation.id}` },
    at: operation.updatedAt,
  });
}
