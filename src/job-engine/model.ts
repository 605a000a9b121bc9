// The hub model of a job: one durable unit of work on one target (jobs.md §2). Every jobs API version is a
// view of this; the engine moves it through its states and keeps the executor's checkpoint beside it.

export const JOB_STATES = ['PENDING', 'APPROVAL_PENDING', 'RUNNING', 'STALLED', 'ERROR', 'COMPLETE'] as const;
export type JobState = (typeof JOB_STATES)[number];
export const TERMINAL_STATES: readonly JobState[] = ['COMPLETE', 'ERROR'];

export type ResultCode = 'SUCCESS' | 'FAILURE';

/** What a job acts on, as the v1 `resourceType` names it without its `compute-ops-mgmt/` prefix. */
export const JOB_RESOURCE_TYPES = ['server', 'group', 'oneview-appliance', 'setting', 'external-service', 'filter'] as const;
export type JobResourceType = (typeof JOB_RESOURCE_TYPES)[number];

/** A machine message about why a job ended as it did (`data.state_reason_message`). */
export interface ReasonMessage {
  message_id: string;
  message_args: string[];
}

export interface Job {
  id: string;
  workspaceId: string;
  parentJobId: string | null;
  templateId: string;
  /** The template's name, e.g. `GroupFirmwareUpdate`. */
  name: string;
  resource: { type: JobResourceType; id: string };
  params: Record<string, unknown>;
  /** System data shown as v1beta `data` beside the creation parameters, e.g. `state_reason_message`. */
  data: Record<string, unknown>;
  results: Record<string, unknown>;
  state: JobState;
  resultCode: ResultCode | null;
  status: string;
  statusDetails: Record<string, unknown>;
  /** Runtime input sent with PATCH, e.g. `{stopOnRequest: true}`. */
  input: Record<string, unknown>;
  deleteOnComplete: boolean;
  cancelable: boolean;
  generation: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  /** Set when an approval policy held the job, until it is decided. */
  approvalRequestId: string | null;
  startedAt: string | null;
  endedAt: string | null;
}

/** The engine's own bookkeeping of a job, never on the wire. */
export interface JobRun {
  /** Executor state that survives a crash; each step reads it and writes the next one. */
  checkpoint: Record<string, unknown>;
  runAfter: string;
  leaseOwner: string | null;
  leaseUntil: string | null;
  /** How many times a worker died or gave up while holding this job. */
  recoveries: number;
}

export type StoredJob = Job & { run: JobRun };

export const isTerminal = (state: JobState): boolean => TERMINAL_STATES.includes(state);
