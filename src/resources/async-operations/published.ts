// The async operation as both published versions show it: HPE's asyncOperation-v1 and -v1beta1 have the same
// members, so their mappers share this. Every URI follows the reader: the self link takes its version and
// prefix, the source and results (stored prefix-less) take its prefix.
import { resourceUri, typeName, type ApiScope } from '../../http/api-scope.ts';
import type { AsyncOperation, LogMessage, OperationError, OperationState, OperationType } from './model.ts';

export interface PublishedOperation {
  id: string;
  type: string;
  generation: number;
  createdAt: string;
  updatedAt: string;
  resourceUri: string;
  sourceResourceUri: string;
  state: OperationState;
  startedAt?: string;
  endedAt?: string;
  logMessages: LogMessage[];
  progressPercent: number;
  operationType: OperationType;
  error: OperationError | null;
  recommendations: string[];
  results: { resourceUri: string }[];
}

export function publishedOperation(o: AsyncOperation, scope: ApiScope): PublishedOperation {
  const underPrefix = (path: string) => `/${scope.prefix}/${path}`;
  return {
    id: o.id,
    type: typeName(scope, 'async-operation'),
    generation: o.generation,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    resourceUri: resourceUri(scope, `async-operations/${o.id}`),
    sourceResourceUri: underPrefix(o.sourcePath),
    state: o.state,
    // HPE types both as plain date-time strings: absent, not null, until the state table sets them.
    ...(o.startedAt === null ? {} : { startedAt: o.startedAt }),
    ...(o.endedAt === null ? {} : { endedAt: o.endedAt }),
    logMessages: o.logMessages.map((m) => ({ message: m.message, timestamp: m.timestamp })),
    progressPercent: o.progressPercent,
    operationType: o.operationType,
    error: o.error,
    recommendations: o.recommendations,
    results: o.resultPaths.map((p) => ({ resourceUri: underPrefix(p) })),
  };
}
