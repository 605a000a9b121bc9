// Group operations: load → change → validate → save, each in one transaction scoped to the caller's workspace.
// Versions hand over hub drafts and patches plus the wire names their issues should carry; membership changes
// live in membership-service.ts, compliance reads in compliance-service.ts.
import { createHash, randomUUID } from 'node:crypto';
import { ComError, type Issue } from '../../http/com-error.ts';
import { checkIfMatch } from '../../http/if-match.ts';
import type { CallContext } from '../../http/request-context.ts';
import type { ListRequest } from '../../query/list-query.ts';
import type { ListSpec } from '../../query/list-spec.ts';
import { isUniqueViolation } from '../../store/errors.ts';
import type { Db, Store } from '../../store/store.ts';
import { nowTimestamp } from '../../store/time.ts';
import type { Page } from '../list-envelope.ts';
import { deleteAssociatedSchedules } from '../schedules/service.ts';
import { runGroupDeletionHooks } from './deletion-hooks.ts';
import { saveOwnedFirmwareSetting } from '../settings/service.ts';
import { recordGroupChange } from './activities.ts';
import { memberIds, membersOfGroups } from './members-repository.ts';
import { applyUnassign, planUnassign } from './membership.ts';
import type { DeviceType, Group, GroupView } from './model.ts';
import { defaultPolicies, mergePolicies, type PoliciesPatch } from './policies.ts';
import * as repo from './repository.ts';
import { resolveSettingUris, type SettingLink } from './settings-links.ts';
import { parseAutoAddTags, tagKey } from './tags.ts';
import { toGroupView } from './view.ts';

export { groupMembers, groupSettings, type GroupSettingsSummary } from './queries.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The wire names of the members a version's issues talk about (v1beta2 spells them differently). */
export interface WireNames {
  settingsUris: string;
  autoAddTags: string;
}

/** What a create request carries once a version has mapped it. */
export interface GroupDraft {
  name: string;
  description: string | null;
  deviceType: DeviceType;
  settingsUris: string[];
  policies: PoliciesPatch | undefined;
  autoAddTags: Record<string, unknown> | null | undefined;
}

/** What a merge patch carries once a version has mapped it: only the members the client sent. */
export interface GroupPatch {
  name?: string;
  description?: string | null;
  /** Echoed back from a GET; a different value is refused (deviceType is immutable). */
  deviceType?: string;
  /** Replaces the whole list. */
  settingsUris?: string[];
  policies?: PoliciesPatch;
  /** Replaces the tag; `{}` or null removes it (a member set to null is dropped). */
  autoAddTags?: Record<string, unknown> | null;
  /** Legacy v1beta2: point the group's firmware baseline at this bundle, null removes it (groups.md §5). */
  firmwareBaseline?: string | null;
}

const field = (subject: string, description: string): Issue => ({ source: 'field', subject, description });

function withoutNulls(tags: Record<string, unknown> | null | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(tags ?? {}).filter(([, v]) => v !== null));
}

/** The id of the FIRMWARE setting a group owns for its legacy firmwareBaseline: stable per group. */
function ownedBaselineId(group: Group): string {
  const h = createHash('sha1').update(`opencom:group-firmware-baseline:${group.workspaceId}:${group.id}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export class GroupService {
  constructor(private readonly store: Store) {}

  async list(ctx: CallContext, request: ListRequest, spec: ListSpec, view: repo.ViewOptions): Promise<Page<GroupView>> {
    const page = await repo.listGroupViews(this.store, ctx.workspaceId, request, spec, view);
    const members = await membersOfGroups(this.store, ctx.workspaceId, page.items.map((r) => r.id));
    return { ...page, items: page.items.map((r) => toGroupView(r, members.get(r.id) ?? [])) };
  }

  async get(ctx: CallContext, id: string): Promise<GroupView> {
    return this.view(this.store, ctx.workspaceId, (await this.load(this.store, ctx, id)).id);
  }

  async create(ctx: CallContext, draft: GroupDraft, names: WireNames): Promise<GroupView> {
    const conflict = (what: string) => new ComError('CONFLICT', what);
    try {
      return await this.store.transaction(async (tx) => {
        const { tag, issues } = parseAutoAddTags(withoutNulls(draft.autoAddTags), names.autoAddTags);
        const { links, issues: settingIssues } = await resolveSettingUris(tx, ctx.workspaceId, draft.deviceType, draft.settingsUris, names.settingsUris);
        if (issues.length || settingIssues.length) throw ComError.badRequest([...issues, ...settingIssues]);
        if (await repo.findGroupByName(tx, ctx.workspaceId, draft.name)) throw conflict(`A group named '${draft.name}' already exists`);
        const owner = tag && (await repo.findGroupByTagKey(tx, ctx.workspaceId, tagKey(tag)!));
        if (owner) throw conflict(`The auto-add tag ${tag.name}=${tag.value} is already used by group '${owner.name}'`);
        const now = nowTimestamp();
        const group: Group = {
          id: randomUUID(),
          workspaceId: ctx.workspaceId,
          name: draft.name,
          description: draft.description,
          deviceType: draft.deviceType,
          settingIds: links.map((l) => l.id),
          policies: mergePolicies(draft.deviceType, defaultPolicies(draft.deviceType), draft.policies),
          autoAddTag: tag,
          generation: 1,
          createdAt: now,
          updatedAt: now,
        };
        await repo.insertGroup(tx, group);
        await repo.saveSettingLinks(tx, ctx.workspaceId, group.id, links);
        await recordGroupChange(tx, 'CREATED', group);
        return this.view(tx, ctx.workspaceId, group.id);
      });
    } catch (err) {
      // Two creates raced past the checks: the unique constraints decide.
      throw isUniqueViolation(err) ? conflict('A group with this name or auto-add tag already exists') : err;
    }
  }

  async update(ctx: CallContext, id: string, patch: GroupPatch, names: WireNames, ifMatch?: string | string[]): Promise<GroupView> {
    // PATCH documents no 409, so a taken name or tag is a 400 (ALREADY_EXISTS), also when two requests race.
    const taken = (subject: string, what: string) => ComError.badRequest([field(subject, what)], undefined, 'ALREADY_EXISTS');
    try {
      return await this.store.transaction(async (tx) => {
        const current = await this.load(tx, ctx, id);
        checkIfMatch(ifMatch, current.generation);
        if (patch.deviceType !== undefined && patch.deviceType !== current.deviceType) throw ComError.badRequest([field('deviceType', 'cannot be changed')]);
        const next: Group = {
          ...current,
          name: patch.name ?? current.name,
          description: patch.description !== undefined ? patch.description : current.description,
          policies: mergePolicies(current.deviceType, current.policies, patch.policies),
          generation: current.generation + 1,
          updatedAt: nowTimestamp(),
        };
        const issues: Issue[] = [];
        if (patch.autoAddTags !== undefined) {
          const parsed = parseAutoAddTags(withoutNulls(patch.autoAddTags), names.autoAddTags);
          issues.push(...parsed.issues);
          next.autoAddTag = parsed.tag;
        }
        let links: SettingLink[] | undefined;
        if (patch.settingsUris !== undefined) {
          const resolved = await resolveSettingUris(tx, ctx.workspaceId, current.deviceType, patch.settingsUris, names.settingsUris);
          issues.push(...resolved.issues);
          links = resolved.links;
        }
        if (issues.length) throw ComError.badRequest(issues);
        if (patch.firmwareBaseline !== undefined) links = await this.baselineLinks(tx, current, links, patch.firmwareBaseline);
        if (links) next.settingIds = links.map((l) => l.id);
        if (next.name.toLowerCase() !== current.name.toLowerCase() && (await repo.findGroupByName(tx, ctx.workspaceId, next.name))) {
          throw taken('name', `a group named '${next.name}' already exists`);
        }
        const owner = next.autoAddTag && (await repo.findGroupByTagKey(tx, ctx.workspaceId, tagKey(next.autoAddTag)!));
        if (owner && owner.id !== current.id) throw taken(names.autoAddTags, `the tag is already used by group '${owner.name}'`);
        if (!(await repo.updateGroup(tx, next, current.generation))) throw new ComError('PRECONDITION_FAILED', 'The group changed while it was being updated');
        if (links) await repo.saveSettingLinks(tx, ctx.workspaceId, current.id, links);
        await recordGroupChange(tx, 'UPDATED', next);
        return this.view(tx, ctx.workspaceId, current.id);
      });
    } catch (err) {
      throw isUniqueViolation(err) ? taken('name', 'a group with this name or auto-add tag already exists') : err;
    }
  }

  /** 204 semantics; a group with devices needs force=true, which unassigns them first (groups.md §3.5). */
  async delete(ctx: CallContext, id: string, force: boolean, ifMatch?: string | string[]): Promise<void> {
    await this.store.transaction(async (tx) => {
      const current = await this.load(tx, ctx, id);
      checkIfMatch(ifMatch, current.generation);
      const { leaving } = await planUnassign(tx, current, await memberIds(tx, ctx.workspaceId, current.id));
      if (leaving.length && !force) {
        throw ComError.badRequest(
          [{ source: 'query.parameter', subject: 'force', description: `the group has ${leaving.length} device(s); unassign them first or delete with force=true` }],
          `Group '${current.name}' still has devices`,
        );
      }
      await applyUnassign(tx, current, leaving, false, ctx.principal.userId);
      if (!(await repo.deleteGroup(tx, ctx.workspaceId, current.id, leaving.length ? current.generation + 1 : current.generation))) {
        throw new ComError('PRECONDITION_FAILED', 'The group changed while it was being deleted');
      }
      await recordGroupChange(tx, 'DELETED', current);
      // Schedules of the group go with it (schedules.md §3).
      await deleteAssociatedSchedules(tx, ctx.workspaceId, 'groups', current.id);
      await runGroupDeletionHooks(tx, ctx.workspaceId, current.id);
    });
  }

  /** The group's links after a legacy firmwareBaseline change: its FIRMWARE link replaced (or removed). */
  private async baselineLinks(tx: Db, group: Group, sent: SettingLink[] | undefined, bundleId: string | null): Promise<SettingLink[]> {
    const links = (sent ?? (await repo.settingLinks(tx, group.workspaceId, group.id))).filter((l) => l.category !== 'FIRMWARE');
    if (bundleId === null) return links;
    const setting = await saveOwnedFirmwareSetting(tx, group.workspaceId, ownedBaselineId(group), `Firmware baseline of group ${group.name}`, bundleId, 'firmwareBaseline');
    return [...links, { id: setting.id, category: 'FIRMWARE' }];
  }

  private async view(db: Db, workspaceId: string, id: string): Promise<GroupView> {
    const row = await repo.findGroupView(db, workspaceId, id, { settingsBase: '/' });
    if (!row) throw new ComError('NOT_FOUND', `Group ${id} was not found`);
    return toGroupView(row, (await membersOfGroups(db, workspaceId, [id])).get(id) ?? []);
  }

  /** The group with this id in the caller's workspace; anything else (odd ids included) is 404. */
  private async load(db: Db, ctx: CallContext, id: string): Promise<Group> {
    return loadGroup(db, ctx.workspaceId, id);
  }
}

/** The group with this id in the workspace; anything else (odd ids, another workspace's) is 404. */
export async function loadGroup(db: Db, workspaceId: string, id: string): Promise<Group> {
  const found = UUID.test(id) ? await repo.findGroup(db, workspaceId, id.toLowerCase()) : undefined;
  if (!found) throw new ComError('NOT_FOUND', `Group ${id} was not found`);
  return found;
}
