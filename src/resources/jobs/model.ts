// What the jobs API asks of the job hub (job-engine/model.ts): a creation request and a patch, in hub terms.
// Each version's mapper builds these from its body; the service validates and applies them.
export type { Job, JobResourceType, JobState, StoredJob } from '../../job-engine/model.ts';

/** POST /jobs in hub terms, as each version's mapper reads its body; validated by the engine's validateSubmission. */
export type { SubmissionRequest as JobCreation, SubmissionFields as CreationFields } from '../../job-engine/validate-submission.ts';

/** PATCH /jobs/{id} in hub terms (jobs.md §4.4). */
export interface JobPatch {
  /** End the job by hand: COMPLETE settles it as SUCCESS, ERROR as FAILURE. */
  state?: 'COMPLETE' | 'ERROR';
  /** Runtime input merged into the job's input; only stopOnRequest is defined. */
  input?: { stopOnRequest?: boolean };
}
