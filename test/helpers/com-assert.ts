// Assertions shared by every suite: a COM error body, and a response that conforms to HPE's schema.
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { ERROR_CATALOGUE, type ErrorKey } from '../../src/http/com-error.ts';
import { hpeSchemaErrors } from './hpe-openapi.ts';

export interface ErrorExpectation {
  key?: ErrorKey;
  /** Issue subjects that must be present in errorDetails. */
  subjects?: string[];
}

/** The response is a COM error with this status; returns the parsed body. */
export function expectComError(res: LightMyRequestResponse, status: number, expectation: ErrorExpectation = {}) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json() as Record<string, unknown>;
  expect(hpeSchemaErrors('errorResponse', body)).toEqual([]);
  expect(body.httpStatusCode).toBe(status);
  expect(body.errorCode).toMatch(/^HPE-GL-COMPUTE_OPS-\d{7}$/);
  expect(typeof body.debugId).toBe('string');
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/); // never a stack trace
  if (expectation.key) expect(body.errorCode).toBe(ERROR_CATALOGUE[expectation.key].code);
  if (expectation.subjects) {
    const subjects = ((body.errorDetails ?? []) as { issues?: { subject: string }[] }[]).flatMap((d) => (d.issues ?? []).map((i) => i.subject));
    for (const s of expectation.subjects) expect(subjects).toContain(s);
  }
  return body;
}

/** The JSON body conforms to the named schema of HPE's COM OpenAPI document; returns it. */
export function expectHpeSchema<T = Record<string, unknown>>(res: LightMyRequestResponse, schemaName: string, status = 200): T {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json() as T;
  expect(hpeSchemaErrors(schemaName, body), `${schemaName}: ${res.body}`).toEqual([]);
  return body;
}
