// ComError and the error catalogue: every error OpenCOM answers is one of these keys, so codes stay stable.
// docs/errors.md lists the same catalogue; a test keeps the two in step.

/** One problem with the request, COM's `errorDetails[].issues[]` entry. */
export interface Issue {
  source: 'field' | 'header' | 'query.parameter';
  /** Dot-separated property path for a field; the header or parameter name otherwise. */
  subject: string;
  description?: string;
}

/** COM's typed `errorDetails` entries (conventions §9). */
export type ErrorDetail =
  | { type: 'hpe.greenlake.bad_request'; issues: Issue[] }
  | { type: 'hpe.greenlake.precondition_failed'; issues: Issue[] }
  | { type: 'hpe.greenlake.retry_info'; retryAfterSeconds: number }
  | { type: 'hpe.greenlake.metadata'; source: 'compute-ops-mgmt'; metadata: Record<string, string> };

export interface CatalogueEntry {
  status: number;
  /** HPE-GL-COMPUTE_OPS- + 0 + HTTP status + 3-digit sequence, following HPE's published example 0500001. */
  code: string;
  message: string;
}

export const ERROR_CATALOGUE = {
  BAD_REQUEST: { status: 400, code: 'HPE-GL-COMPUTE_OPS-0400001', message: 'The request is not valid' },
  INVALID_QUERY: { status: 400, code: 'HPE-GL-COMPUTE_OPS-0400002', message: 'A query parameter is not valid' },
  MALFORMED_BODY: { status: 400, code: 'HPE-GL-COMPUTE_OPS-0400003', message: 'The request body is not well-formed JSON' },
  INVALID_NOTIFICATION_COMBINATION: {
    status: 400,
    code: 'HPE-GL-COMPUTE_OPS-0400004',
    message: 'Invalid notification combination',
  },
  ALREADY_EXISTS: { status: 400, code: 'HPE-GL-COMPUTE_OPS-0400005', message: 'The resource already exists' },
  INVALID_TOKEN_REQUEST: { status: 400, code: 'HPE-GL-COMPUTE_OPS-0400006', message: 'The token request is not valid' },
  ASYNC_OPERATION_NOT_CANCELLABLE: {
    status: 400,
    code: 'HPE-GL-COMPUTE_OPS-0400007',
    message: 'Only SUSTAINABILITY_METRICS_COLLECTION async operations can be cancelled',
  },
  UNAUTHORIZED: { status: 401, code: 'HPE-GL-COMPUTE_OPS-0401001', message: 'Missing or invalid bearer token' },
  INVALID_CLIENT: { status: 401, code: 'HPE-GL-COMPUTE_OPS-0401002', message: 'Invalid client credentials' },
  FORBIDDEN: { status: 403, code: 'HPE-GL-COMPUTE_OPS-0403001', message: 'The caller is not permitted to perform this operation' },
  TENANT_FORBIDDEN: {
    status: 403,
    code: 'HPE-GL-COMPUTE_OPS-0403002',
    message: 'Tenant-Acid must name a tenant of the MSP workspace that owns the token',
  },
  NOT_FOUND: { status: 404, code: 'HPE-GL-COMPUTE_OPS-0404001', message: 'The resource was not found' },
  ROUTE_NOT_FOUND: { status: 404, code: 'HPE-GL-COMPUTE_OPS-0404002', message: 'No such API operation' },
  USER_NOT_IN_WORKSPACE: { status: 404, code: 'HPE-GL-COMPUTE_OPS-0404003', message: 'The user is not a member of this workspace' },
  NOT_ACCEPTABLE: { status: 406, code: 'HPE-GL-COMPUTE_OPS-0406001', message: 'The requested media type cannot be served; use application/json' },
  CONFLICT: { status: 409, code: 'HPE-GL-COMPUTE_OPS-0409001', message: 'The request conflicts with the current state of the resource' },
  IDEMPOTENCY_KEY_REUSED: { status: 409, code: 'HPE-GL-COMPUTE_OPS-0409002', message: 'The Idempotency-Key was already used for a different request' },
  PRECONDITION_FAILED: { status: 412, code: 'HPE-GL-COMPUTE_OPS-0412001', message: 'If-Match does not match the current generation' },
  ASYNC_OPERATION_ENDED: { status: 412, code: 'HPE-GL-COMPUTE_OPS-0412002', message: 'The async operation has already ended' },
  JOB_ENDED: { status: 412, code: 'HPE-GL-COMPUTE_OPS-0412003', message: 'The job has already ended' },
  JOB_NOT_CANCELABLE: { status: 412, code: 'HPE-GL-COMPUTE_OPS-0412004', message: 'Only a serial group firmware update job can be stopped' },
  PAYLOAD_TOO_LARGE: { status: 413, code: 'HPE-GL-COMPUTE_OPS-0413001', message: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, code: 'HPE-GL-COMPUTE_OPS-0415001', message: 'Unsupported Content-Type' },
  UNPROCESSABLE_ENTITY: { status: 422, code: 'HPE-GL-COMPUTE_OPS-0422001', message: 'The request is well-formed but semantically invalid' },
  TOO_MANY_REQUESTS: { status: 429, code: 'HPE-GL-COMPUTE_OPS-0429001', message: 'Rate limit exceeded; retry later' },
  INTERNAL: { status: 500, code: 'HPE-GL-COMPUTE_OPS-0500001', message: 'Internal server error' },
} as const satisfies Record<string, CatalogueEntry>;

export type ErrorKey = keyof typeof ERROR_CATALOGUE;

/** The wire body of every error answer (`errorResponse` in COM's OpenAPI). */
export interface ErrorBody {
  httpStatusCode: number;
  errorCode: string;
  message: string;
  debugId: string;
  errorDetails?: ErrorDetail[];
}

/** The one error type handlers throw; the error handler turns it into the COM body. */
export class ComError extends Error {
  readonly key: ErrorKey;
  readonly status: number;
  readonly errorCode: string;
  readonly details: ErrorDetail[] | undefined;
  /** Extra response headers, e.g. Retry-After. */
  readonly headers: Record<string, string>;
  /** Extra body members some endpoints owe their clients (OAuth 2.0 `error` at the token endpoints). */
  extraBody: Record<string, string> | undefined;

  constructor(key: ErrorKey, message?: string, details?: ErrorDetail[], headers: Record<string, string> = {}) {
    const entry = ERROR_CATALOGUE[key];
    super(message ?? entry.message);
    this.key = key;
    this.status = entry.status;
    this.errorCode = entry.code;
    this.details = details;
    this.headers = headers;
  }

  /** A 400 whose issues are field problems. */
  static badRequest(issues: Issue[], message?: string, key: ErrorKey = 'BAD_REQUEST'): ComError {
    return new ComError(key, message ?? issues.map((i) => `${i.subject}: ${i.description ?? 'invalid'}`).join('; '), [
      { type: 'hpe.greenlake.bad_request', issues },
    ]);
  }

  toBody(debugId: string): ErrorBody {
    return { ...errorBody(this.key, debugId, this.message, this.details), ...this.extraBody };
  }
}

export function errorBody(key: ErrorKey, debugId: string, message?: string, details?: ErrorDetail[]): ErrorBody {
  const entry = ERROR_CATALOGUE[key];
  const body: ErrorBody = { httpStatusCode: entry.status, errorCode: entry.code, message: message ?? entry.message, debugId };
  if (details && details.length > 0) body.errorDetails = details;
  return body;
}
