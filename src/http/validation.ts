// Request validation: bodies are checked strictly (a string is not a boolean, a number is not a string),
// while query strings and path parameters are coerced from text as HTTP requires. Unknown body members are
// dropped, so read-only fields a client echoes back from a GET are ignored, not rejected.
import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

/** An Ajv with the project's options; groups that validate data against schemas of their own start here. */
export function makeAjv(options: Options): Ajv {
  const ajv = new Ajv({ allErrors: true, removeAdditional: true, useDefaults: true, strict: false, ...options });
  addFormats.default(ajv);
  return ajv;
}

export function installValidators(app: FastifyInstance): void {
  const bodyAjv = makeAjv({ coerceTypes: false });
  const textAjv = makeAjv({ coerceTypes: 'array' });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? bodyAjv : textAjv).compile(schema));
}
