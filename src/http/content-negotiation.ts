// Body parsing and media types, once for every route: JSON and merge-patch bodies (an empty body is no
// body: some clients send Content-Type on GETs), form bodies for the token endpoints, 415 for a body of
// the wrong type, 406 for an Accept we cannot satisfy, and the lenient booleans Ansible writes.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ComError } from './com-error.ts';
import './request-context.ts';

const JSON_TYPES = ['application/json', 'application/merge-patch+json'];

function mediaType(header: string | undefined): string | undefined {
  return header?.split(';')[0]?.trim().toLowerCase() || undefined;
}

/** True when an Accept header admits JSON (absent, wildcard, application/*, or a JSON type with q > 0). */
export function acceptsJson(accept: string | undefined): boolean {
  // The common headers first, without parsing.
  if (!accept || accept === '*/*' || accept === 'application/json') return true;
  if (!accept.trim()) return true;
  return accept.split(',').some((range) => {
    const [type = '', ...params] = range.split(';').map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    if (q && Number(q.slice(2)) === 0) return false;
    return type === '*/*' || type === 'application/*' || type === 'application/json' || type.endsWith('+json');
  });
}

function defaultBodyTypes(method: string): readonly string[] {
  return method === 'PATCH' ? ['application/merge-patch+json'] : ['application/json'];
}

interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
}

function allowsBoolean(schema: SchemaNode): boolean {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('boolean')) return true;
  return [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].some(allowsBoolean);
}

/** Rewrites "True"/"False" strings (any case) to booleans wherever the body schema wants a boolean. */
export function coerceLenientBooleans(schema: SchemaNode | undefined, value: unknown): unknown {
  if (!schema) return value;
  if (typeof value === 'string' && allowsBoolean(schema) && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  if (Array.isArray(value) && schema.items) return value.map((v) => coerceLenientBooleans(schema.items, v));
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const candidates = [schema, ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
    const obj = value as Record<string, unknown>;
    for (const candidate of candidates) {
      for (const [key, sub] of Object.entries(candidate.properties ?? {})) {
        if (key in obj) obj[key] = coerceLenientBooleans(sub, obj[key]);
      }
    }
  }
  return value;
}

/** No COM value contains a NUL character, and PostgreSQL cannot store one in text: refuse it at the edge. */
function nulRefused(source: 'field' | 'query.parameter', subject: string): ComError {
  return ComError.badRequest([{ source, subject, description: 'must not contain a NUL character' }], 'The request contains a NUL character');
}

export const contentNegotiationPlugin = fp(async function contentNegotiation(app: FastifyInstance) {
  // A callback hook: every request passes here, and almost none carries a NUL.
  app.addHook('onRequest', (request, _reply, done) => {
    const at = request.url.indexOf('%00');
    if (at < 0) return done();
    const query = request.url.indexOf('?');
    done(nulRefused(query >= 0 && at > query ? 'query.parameter' : 'field', 'url'));
  });

  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json']);
  const parseJsonBody: Parameters<typeof app.addContentTypeParser>[2] = (request, body, done) => {
    if (typeof body !== 'string' || body.trim() === '') return done(null, undefined);
    if (body.includes('\\u0000')) return done(nulRefused('field', 'body'), undefined);
    parseJson(request, body, (err, parsed) => (err ? done(new ComError('MALFORMED_BODY'), undefined) : done(null, parsed)));
  };
  app.addContentTypeParser(['application/json', 'application/merge-patch+json'], { parseAs: 'string' }, parseJsonBody);
  app.addContentTypeParser(/^application\/[a-z0-9.+-]+\+json$/i, { parseAs: 'string' }, parseJsonBody);
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  // Only routes that take a body get the check, so GETs pay nothing for it.
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.some((m) => m === 'POST' || m === 'PUT' || m === 'PATCH')) return;
    const own = route.preValidation ? (Array.isArray(route.preValidation) ? route.preValidation : [route.preValidation]) : [];
    route.preValidation = [checkBody, ...own];
  });

  async function checkBody(request: FastifyRequest) {
    const { config, schema } = request.routeOptions;
    const bodyTypes = config.bodyTypes ?? defaultBodyTypes(request.method);
    const type = mediaType(request.headers['content-type']);
    const hasBody = request.body !== undefined;
    if (!hasBody && config.bodyOptional) {
      request.body = null;
      return;
    }
    if (hasBody || schema?.body) {
      if (!type || !bodyTypes.includes(type)) {
        throw new ComError('UNSUPPORTED_MEDIA_TYPE', `Content-Type must be ${bodyTypes.join(' or ')}`, [
          { type: 'hpe.greenlake.bad_request', issues: [{ source: 'header', subject: 'Content-Type', description: `must be ${bodyTypes.join(' or ')}` }] },
        ]);
      }
    }
    if (hasBody && JSON_TYPES.includes(type ?? '')) request.body = coerceLenientBooleans(schema?.body as SchemaNode | undefined, request.body);
  }
});
