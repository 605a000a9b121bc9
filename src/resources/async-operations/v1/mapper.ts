// async-operations v1 ⇄ hub: read-only, and v1 shows every member of the hub's published form.
import type { ApiScope } from '../../../http/api-scope.ts';
import type { AsyncOperation } from '../model.ts';
import { publishedOperation } from '../published.ts';
import type { AsyncOperationV1 } from './schemas.ts';

export function toV1(o: AsyncOperation, scope: ApiScope): AsyncOperationV1 {
  return publishedOperation(o, scope);
}
