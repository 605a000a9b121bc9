// async-operations v1beta1 ⇄ hub: the same members as v1; the self link says v1beta1 because scope does.
import type { ApiScope } from '../../../http/api-scope.ts';
import type { AsyncOperation } from '../model.ts';
import { publishedOperation } from '../published.ts';
import type { AsyncOperationV1beta1 } from './schemas.ts';

export function toV1beta1(o: AsyncOperation, scope: ApiScope): AsyncOperationV1beta1 {
  return publishedOperation(o, scope);
}
