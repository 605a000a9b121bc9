// What the async-operations suites share: recording operations the way producers do, moving them back in
// time, and checking answers against HPE's schemas.
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { hpeSchemaErrors } from '../../../test/helpers/hpe-openapi.ts';
import type { TestApp } from '../../../test/helpers/test-app.ts';
import { formatMicros } from '../../store/time.ts';
import type { PublishedOperation } from './published.ts';
import { recordAsyncOperation, type AsyncOperationInput } from './service.ts';

export type Version = 'v1' | 'v1beta1';
export type WireOperation = PublishedOperation;
export interface WirePage {
  count: number;
  next: string | null;
  total: number;
  items: WireOperation[];
}

export const GROUP = 'c4f0a8e2-3d11-4b6f-9a55-7e2b9d0c1f36';
export const NOBODY = '00000000-0000-4000-8000-000000000000';
export const json = { 'content-type': 'application/json' };

export const base = (version: Version, prefix = 'compute-ops-mgmt') => `/${prefix}/${version}/async-operations`;

/** Records an operation as a producer would, in its own transaction; returns the id. */
export function record(t: TestApp, workspaceId: string, input: Partial<AsyncOperationInput> = {}): Promise<string> {
  return t.store.transaction((tx) =>
    recordAsyncOperation(tx, {
      workspaceId,
      operationType: 'ADD_DEVICE_TO_GROUP',
      sourceResourcePath: `v1/groups/${GROUP}/devices`,
      state: 'RUNNING',
      progressPercent: 0,
      logMessages: ['The async operation has started'],
      resultPaths: [],
      ...input,
    }),
  );
}

/** Moves an operation's creation `days` into the past, as if it had been recorded then. */
export async function age(t: TestApp, id: string, days: number): Promise<void> {
  const at = formatMicros(BigInt(Date.now() - days * 86_400_000) * 1000n);
  await t.store.run('UPDATE async_operations SET created_at = ?, updated_at = ? WHERE id = ?', [at, at, id]);
}

/**
 * HPE's schemas fix `type` to the current prefix's `compute-ops-mgmt/async-operation`; under the legacy prefix
 * COM answers `compute-ops/…` (conventions §1), so there `type` is checked by hand and the rest by the schema.
 */
function conforming(body: unknown, prefix: string): unknown {
  if (prefix === 'compute-ops-mgmt') return body;
  const fix = (o: WireOperation) => {
    expect(o.type).toBe(`${prefix}/async-operation`);
    return { ...o, type: 'compute-ops-mgmt/async-operation' };
  };
  const b = body as Record<string, unknown>;
  return Array.isArray(b.items) ? { ...b, items: (b.items as WireOperation[]).map(fix) } : fix(b as unknown as WireOperation);
}

export function expectOperation(res: LightMyRequestResponse, version: Version, prefix = 'compute-ops-mgmt'): WireOperation {
  const schema = `asyncOperation-${version}`;
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as WireOperation;
  expect(hpeSchemaErrors(schema, conforming(body, prefix)), `${schema}: ${res.body}`).toEqual([]);
  return body;
}

/**
 * A page, checked against asyncOperationCollection-<version>. HPE's schema types `next` as a UUID string on
 * every page; the last page answers null (docs/decisions.md), so there the rest of the page is checked with
 * that one member set aside.
 */
export function expectPage(res: LightMyRequestResponse, version: Version, prefix = 'compute-ops-mgmt'): WirePage {
  const schema = `asyncOperationCollection-${version}`;
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as WirePage;
  const checked = conforming(body, prefix) as WirePage;
  expect(hpeSchemaErrors(schema, body.next === null ? { ...checked, next: NOBODY } : checked), `${schema}: ${res.body}`).toEqual([]);
  return body;
}
