// Wire schemas shared by every group: COM's error body and collection envelope, and the standard error
// responses each operation documents in /openapi.json.
import { Type, type TSchema } from '@sinclair/typebox';

const Issue = Type.Object({
  source: Type.Union([Type.Literal('field'), Type.Literal('header'), Type.Literal('query.parameter')]),
  subject: Type.String({ description: 'Dot-separated property path, header or query parameter the issue is about' }),
  description: Type.Optional(Type.String()),
});

const ErrorDetail = Type.Union([
  Type.Object({ type: Type.Literal('hpe.greenlake.bad_request'), issues: Type.Array(Issue) }),
  Type.Object({ type: Type.Literal('hpe.greenlake.precondition_failed'), issues: Type.Array(Issue) }),
  Type.Object({ type: Type.Literal('hpe.greenlake.retry_info'), retryAfterSeconds: Type.Integer() }),
  Type.Object({
    type: Type.Literal('hpe.greenlake.metadata'),
    source: Type.Literal('compute-ops-mgmt'),
    metadata: Type.Record(Type.String(), Type.String()),
  }),
]);

/** COM's `errorResponse`. */
export const ErrorResponse = Type.Object(
  {
    httpStatusCode: Type.Integer({ minimum: 400, maximum: 599, description: 'HTTP equivalent status code' }),
    errorCode: Type.String({ description: 'Machine-friendly error identifier, HPE-GL-COMPUTE_OPS-<7 digits>' }),
    message: Type.String({ description: 'User-friendly error message' }),
    debugId: Type.String({ description: 'Unique identifier of this error instance, also found in the server log' }),
    errorDetails: Type.Optional(Type.Array(ErrorDetail)),
  },
  { description: 'Standard error response' },
);

const DESCRIPTIONS: Record<number, string> = {
  400: 'Bad request',
  401: 'Missing or invalid bearer token',
  403: 'Forbidden',
  404: 'Not found',
  406: 'Not acceptable',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable entity',
  429: 'Too many requests',
  500: 'Internal server error',
};

/** Error responses for a route's schema, documented with the COM error body. */
export function errorResponses(...codes: number[]): Record<number, TSchema> {
  return Object.fromEntries(codes.map((c) => [c, { ...ErrorResponse, description: DESCRIPTIONS[c] ?? 'Error' }]));
}

/** The offset envelope `{offset, count, total, items}` (COM's resourceCollection2). */
export function Collection<T extends TSchema>(item: T, description: string) {
  return Type.Object(
    {
      offset: Type.Integer({ minimum: 0, description: 'Zero-based resource offset' }),
      count: Type.Integer({ minimum: 0, description: 'Number of items returned' }),
      total: Type.Integer({ minimum: 0, description: 'Number of items that match the filter query' }),
      items: Type.Array(item),
    },
    { description },
  );
}

/** The collection query parameters every list accepts. */
export const ListQuery = Type.Object({
  offset: Type.Optional(Type.String({ description: 'Zero-based resource offset' })),
  limit: Type.Optional(Type.String({ description: 'Maximum number of items; larger values are clamped to the maximum' })),
  filter: Type.Optional(Type.String({ description: 'OData-style filter expression' })),
  sort: Type.Optional(Type.String({ description: 'Comma-separated properties, each optionally followed by asc or desc' })),
  select: Type.Optional(Type.String({ description: 'Comma-separated properties to return' })),
});
