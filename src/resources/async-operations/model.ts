// The hub model of an async operation: long-running work that is not a job (async-operations.md §1).
// Paths are stored without the COM prefix; each reader sees them under the prefix it used.

export const OPERATION_TYPES = [
  'UNKNOWN',
  'INTERNAL_ASYNC_OPERATION',
  'SUSTAINABILITY_METRICS_COLLECTION',
  'ADD_DEVICE_TO_GROUP',
  'REMOVE_DEVICE_FROM_GROUP',
] as const;
export type OperationType = (typeof OPERATION_TYPES)[number];

export const OPERATION_STATES = ['INITIALIZED', 'RUNNING', 'PAUSED', 'TIMEDOUT', 'SUCCEEDED', 'FAILED', 'CANCELLED'] as const;
export type OperationState = (typeof OPERATION_STATES)[number];

/** States after which nothing changes any more; `endedAt` is set on entering one. */
export const TERMINAL_STATES: ReadonlySet<OperationState> = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

/** Only these operation types can be cancelled through the API (async-operations.md §2.3). */
export const CANCELLABLE_TYPES: ReadonlySet<OperationType> = new Set(['SUSTAINABILITY_METRICS_COLLECTION']);

/** Operations older than this are neither listed nor readable, and are purged. */
export const RETENTION_DAYS = 7;

/** The COM error object of a failed operation (errorResponse); its debugId is minted when it is recorded. */
export interface OperationError {
  httpStatusCode: number;
  errorCode: string;
  message: string;
  debugId: string;
  errorDetails?: unknown[];
}

export interface LogMessage {
  message: string;
  timestamp: string;
}

/** One async operation of a workspace. */
export interface AsyncOperation {
  /** UUID. */
  id: string;
  workspaceId: string;
  /** Starts at 1; +1 on every change. */
  generation: number;
  createdAt: string;
  updatedAt: string;
  operationType: OperationType;
  /** Prefix-less COM path of what started it, e.g. `v1/groups/<gid>/devices`. */
  sourcePath: string;
  state: OperationState;
  startedAt: string | null;
  endedAt: string | null;
  progressPercent: number;
  logMessages: LogMessage[];
  error: OperationError | null;
  recommendations: string[];
  /** Prefix-less COM paths of the resources the operation created, changed or deleted. */
  resultPaths: string[];
}
