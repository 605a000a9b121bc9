// Shared by the jobs suites: URLs, headers, HPE schema checks per version, and ways to put jobs in a state
// the API alone cannot reach quickly (a running job, a group job) without the engine running.
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { expectHpeSchema } from '../../../test/helpers/com-assert.ts';
import type { TestApp } from '../../../test/helpers/test-app.ts';
import type { JobState, StoredJob } from '../../job-engine/model.ts';
import { changeJob } from '../../job-engine/settle.ts';
import { submitJob, type JobSubmission } from '../../job-engine/submit.ts';
import { TEMPLATE_IDS } from '../../job-engine/templates.ts';

export const V1 = '/compute-ops-mgmt/v1/jobs';
export const V1BETA3 = '/compute-ops-mgmt/v1beta3/jobs';
export const V1BETA2 = '/compute-ops-mgmt/v1beta2/jobs';
export const json = { 'content-type': 'application/json' };
export const mergePatch = { 'content-type': 'application/merge-patch+json' };

export const SERVER = 'compute-ops-mgmt/server';
export const T = TEMPLATE_IDS;
export const UID_ON = 'a46b210a-b0c7-4223-ab43-c4c1e77e680c';
export const INVENTORY = 'd6595f1b-84e6-4587-ade5-656e2a5ea20d';

export type JobWire = Record<string, unknown> & { id: string; state: string; generation: number; resourceUri: string; createdAt: string; updatedAt: string };

type Version = 'v1' | 'v1beta3' | 'v1beta2';
const SCHEMA: Record<Version, string> = { v1: 'job-v1', v1beta3: 'job-v1beta3', v1beta2: 'job-v1beta2' };

/** The body is a job of this version per HPE's schema; returns it. */
export function expectJob(res: LightMyRequestResponse, version: Version, status = 200): JobWire {
  return expectHpeSchema<JobWire>(res, SCHEMA[version], status);
}

/** The body is a job collection of this version per HPE's schema; returns its items. */
export function expectJobs(res: LightMyRequestResponse, version: Version): { items: JobWire[]; total: number; count: number; offset: number } {
  return expectHpeSchema(res, `jobCollection-${version}`);
}

/** The answer carries the legacy versions' Deprecation, Sunset and Link headers. */
export function expectDeprecated(res: LightMyRequestResponse): void {
  expect(res.headers.deprecation).toBe('Fri, 31 Jan 2025 23:59:59 GMT');
  expect(res.headers.sunset).toBe('Mon, 03 Mar 2025 23:59:59 GMT');
  expect(String(res.headers.link)).toMatch(/^<\/compute-ops(-mgmt)?\/v1\/jobs(\/[0-9a-f-]+)?>; rel="successor-version"$/);
}

export const filterUrl = (base: string, filter: string, extra = '') => `${base}?filter=${encodeURIComponent(filter)}${extra}`;

/** A job inserted the way schedules and other groups insert them, bypassing the API's checks. */
export async function submitDirect(t: TestApp, submission: Partial<JobSubmission> & Pick<JobSubmission, 'workspaceId' | 'templateId' | 'resource'>): Promise<StoredJob> {
  return t.store.transaction((tx) => submitJob(tx, { params: {}, createdBy: null, ...submission }));
}

/** Moves a job to a non-terminal state as the engine would (the engine does not run in these suites). */
export async function putInState(t: TestApp, job: { workspaceId: string; id: string }, state: JobState): Promise<void> {
  await t.store.transaction((tx) => changeJob(tx, job.workspaceId, job.id, (j) => ({ ...j, state, status: state === 'RUNNING' ? 'Step 1 of 3' : j.status })));
}
