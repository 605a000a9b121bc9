// The hub model of an approval policy (approvals.md §2): which actions ("approvables") on the servers of
// which groups need approval, by whom, and how many approvals each needs.

/** Approvable names, case-sensitive as COM spells them (approvals.md §1.1); `Download firmware` is used by clients. */
export const APPROVABLE_NAMES = [
  'Update firmware',
  'Apply internal storage configuration',
  'Install operating system image',
  'Apply external storage configuration',
  'Power on',
  'Power off',
  'Reset',
  'Cold boot',
  'Update iLO firmware',
  'Apply server settings (BIOS and iLO)',
  'Download firmware',
] as const;
export type ApprovableName = (typeof APPROVABLE_NAMES)[number];

export function isApprovableName(name: string): name is ApprovableName {
  return (APPROVABLE_NAMES as readonly string[]).includes(name);
}

/** One guarded action: who may decide on it and how many approvals release it. */
export interface Approvable {
  name: ApprovableName;
  /** Normalised (lower-case) e-mails of workspace members, in the order given. */
  approvers: string[];
  minApprovers: number;
}

/** What a policy covers; COM supports groups only. */
export interface PolicyResource {
  type: 'group';
  id: string;
}

export interface ApprovalPolicy {
  id: string;
  workspaceId: string;
  name: string;
  description: string;
  remarks: string;
  approvables: Approvable[];
  resources: PolicyResource[];
  generation: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * COM documents no way to set `state`; we read INACTIVE as "holds nothing": a policy without approvables or
 * without groups cannot hold any job.
 */
export function policyState(p: Pick<ApprovalPolicy, 'approvables' | 'resources'>): 'ACTIVE' | 'INACTIVE' {
  return p.approvables.length > 0 && p.resources.length > 0 ? 'ACTIVE' : 'INACTIVE';
}

/** A policy as a version hands it over, before validation: names and types are whatever the client sent. */
export interface PolicyDraft {
  name: string;
  description: string;
  approvables: { name: string; approvers: string[]; minApprovers: number }[];
  resources: { type: string | undefined; id: string | undefined }[];
}

/** A merge patch: only the members the client sent; arrays replace the stored ones as a whole. */
export type PolicyPatch = Partial<PolicyDraft>;
