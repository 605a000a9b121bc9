// Activity operations. Other groups record activities with `recordActivity`, inside their own transaction
// when they pass one; the HTTP face only lists them, always scoped to the caller's workspace.
import { randomUUID } from 'node:crypto';
import { ComError } from '../../http/com-error.ts';
import type { CallContext } from '../../http/request-context.ts';
import type { ListSpec } from '../../query/list-spec.ts';
import { QueryError } from '../../query/query-error.ts';
import type { Db, Store } from '../../store/store.ts';
import { nowTimestamp, toStoredTimestamp } from '../../store/time.ts';
import type { Page } from '../list-envelope.ts';
import { renderActivityText } from './messages.ts';
import type { Activity, ActivityGroup, ActivityText, Language, NewActivity } from './model.ts';
import * as repo from './repository.ts';
import { validateActivity } from './rules.ts';

export { ACTIVITY_MESSAGES } from './messages.ts';
export type { NewActivity } from './model.ts';

const COM_URI = /^\/(?:compute-ops-mgmt|compute-ops)\//;

function textOf(input: NewActivity): Record<Language, ActivityText> {
  const rendered = input.text ? { en: input.text.en, ja: input.text.ja ?? input.text.en } : renderActivityText(input.key, input.args ?? {});
  // A key without templates and without text is a bug in the recording group.
  if (!rendered) throw new Error(`activity ${input.key}: no templates in ACTIVITY_MESSAGES and no text given`);
  return rendered;
}

function timestampOf(at: string | undefined): string {
  if (at === undefined) return nowTimestamp();
  try {
    return toStoredTimestamp(at);
  } catch {
    throw ComError.badRequest([{ source: 'field', subject: 'createdAt', description: `'${at}' is not a date-time` }]);
  }
}

/** Builds the hub model of a new activity; exported for tests of the rules. */
export function buildActivity(workspaceId: string, input: NewActivity): Activity {
  const at = timestampOf(input.at);
  const uri = input.source.resourceUri ?? null;
  return {
    id: randomUUID(),
    workspaceId,
    generation: 1,
    createdAt: at,
    updatedAt: at,
    key: input.key,
    text: textOf(input),
    source: {
      type: input.source.type,
      id: input.source.id,
      name: input.source.name,
      resourcePath: uri === null ? null : uri.replace(COM_URI, ''),
      originId: input.source.originId ?? null,
    },
    associatedServerId: input.associatedServerId ?? null,
    groupId: input.groupId ?? null,
    groupDisplayName: input.groupDisplayName ?? null,
    healthState: input.healthState ?? null,
    serverSettingsId: input.serverSettingsId ?? null,
    serverSettingsName: input.serverSettingsName ?? null,
    serverSettingsCategory: input.serverSettingsCategory ?? null,
    hidden: input.hidden ?? false,
  };
}

/**
 * Adds one activity to a workspace's feed. Pass the transaction of the change it reports, so the activity
 * exists exactly when the change does. Invalid input (a bug in the caller) is a 400 ComError.
 */
export async function recordActivity(db: Db, workspaceId: string, input: NewActivity): Promise<void> {
  const activity = buildActivity(workspaceId, input);
  const issues = validateActivity(activity);
  if (issues.length) throw ComError.badRequest(issues, `Invalid activity ${input.key}: ${issues.map((i) => `${i.subject} ${i.description}`).join('; ')}`);
  await repo.insertActivity(db, activity);
}

/** The list request of GET /activities, after the version has normalised its legacy spellings. */
export interface ActivityListRequest extends repo.ListRequest {
  /** The raw `groups` parameter: collapse runs of the same key and return this many. */
  groups?: string | undefined;
}

export type ActivityPage = { grouped: false; page: Page<Activity> } | { grouped: true; page: Page<ActivityGroup> };

const MAX_GROUPS = 10;

/** `groups` is 1..10 (get_v1beta2_activities); larger values are clamped like `limit`. */
function parseGroups(text: string): number {
  if (!/^[0-9]+$/.test(text) || Number(text) < 1) throw new QueryError('groups', `groups must be an integer from 1 to ${MAX_GROUPS}, not '${text}'`);
  return Math.min(Number(text), MAX_GROUPS);
}

export class ActivityService {
  constructor(private readonly store: Store) {}

  async list(ctx: CallContext, request: ActivityListRequest, spec: ListSpec, bases: repo.UriBases): Promise<ActivityPage> {
    if (request.groups === undefined || request.groups === '') {
      return { grouped: false, page: await repo.listActivities(this.store, ctx.workspaceId, request, spec, bases) };
    }
    const groups = parseGroups(request.groups);
    return { grouped: true, page: await repo.listActivityGroups(this.store, ctx.workspaceId, request, groups, spec, bases) };
  }
}
