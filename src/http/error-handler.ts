// One error path: thrown ComErrors, schema failures, query errors, framework 4xx and unknown failures all
// leave as the COM error body with a debugId. Only 5xx are logged with their stack; none is ever sent.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { QueryError } from '../query/query-error.ts';
import { ComError, errorBody, type ErrorKey, type Issue } from './com-error.ts';

export interface AjvIssue {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

const SOURCE_OF_PART: Record<string, Issue['source']> = {
  body: 'field',
  querystring: 'query.parameter',
  params: 'field',
  headers: 'header',
};

/** `/a/0/b` → `a.0.b`, the dotted subject COM uses for fields. */
function subjectOf(issue: AjvIssue): string {
  const path = issue.instancePath.replace(/^\//, '').split('/').filter(Boolean).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (issue.keyword === 'required' && typeof issue.params.missingProperty === 'string') path.push(issue.params.missingProperty);
  return path.join('.') || '(root)';
}

function describe(issue: AjvIssue): string {
  if (issue.keyword === 'required') return 'is required';
  return issue.message ?? 'is invalid';
}

/** Turns a schema-validation failure into COM issues, one per subject. */
export function validationIssues(error: FastifyError): Issue[] {
  const source = SOURCE_OF_PART[error.validationContext ?? 'body'] ?? 'field';
  return ajvIssues((error.validation ?? []) as AjvIssue[], source);
}

/** Ajv errors as COM issues, one per subject; `under` prefixes subjects when the data sits inside a body. */
export function ajvIssues(errors: readonly AjvIssue[], source: Issue['source'], under?: string): Issue[] {
  const seen = new Map<string, Issue>();
  for (const v of errors) {
    const own = subjectOf(v);
    const subject = under ? (own === '(root)' ? under : `${under}.${own}`) : own;
    if (!seen.has(subject)) seen.set(subject, { source, subject, description: describe(v) });
  }
  return [...seen.values()];
}

const KEY_BY_STATUS: Record<number, ErrorKey> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'ROUTE_NOT_FOUND',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

/** Maps anything thrown to a ComError; unknown failures become INTERNAL. */
export function toComError(error: unknown): ComError {
  if (error instanceof ComError) return error;
  if (error instanceof QueryError) {
    return new ComError('INVALID_QUERY', `Invalid ${error.parameter}: ${error.message}`, [
      { type: 'hpe.greenlake.bad_request', issues: [{ source: 'query.parameter', subject: error.parameter, description: error.message }] },
    ]);
  }
  const fe = error as Partial<FastifyError> | undefined;
  if (fe && Array.isArray(fe.validation)) {
    const issues = validationIssues(fe as FastifyError);
    return ComError.badRequest(issues);
  }
  const status = typeof fe?.statusCode === 'number' ? fe.statusCode : 500;
  if (status >= 400 && status < 500) {
    if (fe?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return new ComError('UNSUPPORTED_MEDIA_TYPE', 'Unsupported Content-Type; send application/json', [
        { type: 'hpe.greenlake.bad_request', issues: [{ source: 'header', subject: 'Content-Type' }] },
      ]);
    }
    if (fe?.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error instanceof SyntaxError) return new ComError('MALFORMED_BODY');
    const key = KEY_BY_STATUS[status] ?? 'BAD_REQUEST';
    // Framework messages for 4xx are safe to show (they describe the request, not the server).
    return new ComError(key, typeof fe?.message === 'string' && fe.message ? fe.message : undefined);
  }
  return new ComError('INTERNAL');
}

export function sendComError(request: FastifyRequest, reply: FastifyReply, err: ComError): FastifyReply {
  for (const [name, value] of Object.entries(err.headers)) reply.header(name, value);
  return reply.code(err.status).type('application/json').send(err.toBody(request.id));
}

export const errorHandlerPlugin = fp(async function errorHandler(app: FastifyInstance) {
  app.setErrorHandler((error, request, reply) => {
    const err = toComError(error);
    if (err.status >= 500) request.log.error({ err: error, debugId: request.id }, 'request failed');
    // Responses already partly written cannot carry a new body.
    if (reply.sent) return;
    return sendComError(request, reply, err);
  });

  app.setNotFoundHandler((request, reply) => {
    reply
      .code(404)
      .type('application/json')
      .send(errorBody('ROUTE_NOT_FOUND', request.id, `No API operation ${request.method} ${request.url.split('?')[0]}`));
  });
});
