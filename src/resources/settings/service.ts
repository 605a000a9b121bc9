// Setting operations: load → change → validate → save, each in one transaction scoped to the caller's
// workspace. Versions pass a View (which categories they show, what they may write) and hub values; HTTP
// shapes are not known here. The HPE-provided records are seeded lazily, in the same transaction; every user
// change records its SETTING_* activity in the transaction of the change (activity.ts).
import { randomUUID } from 'node:crypto';
import { ComError, type Issue } from '../../http/com-error.ts';
import { checkIfMatch } from '../../http/if-match.ts';
import type { CallContext } from '../../http/request-context.ts';
import type { ListSpec } from '../../query/list-spec.ts';
import { parseSelect } from '../../query/select.ts';
import { isUniqueViolation } from '../../store/errors.ts';
import type { Db, Store } from '../../store/store.ts';
import { nowTimestamp } from '../../store/time.ts';
import type { Page } from '../list-envelope.ts';
import { recordSettingActivity } from './activity.ts';
import { completeDocument, mergeDocument, normalizeKeys, withoutNulls } from './document.ts';
import { HPE_DEFINED_SETTINGS, hpeDefinedId } from './hpe-defined.ts';
import type { PayloadProfile, Setting, SettingCategory, SettingDraft, SettingPatch } from './model.ts';
import * as repo from './repository.ts';
import { validateSetting } from './rules.ts';

export type { PayloadProfile, Setting, SettingCategory, SettingDraft, SettingPatch, SettingsDocument } from './model.ts';
export { OS_TYPES_SERVER_SETTINGS, SERVER_CATEGORIES } from './model.ts';
export { CUSTOMER_ID_PROPERTY, listProperties, PLATFORM_FAMILY_PROPERTY, type ListRequest } from './repository.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whatever references settings (groups hold settingsUris: groups/settings-links.ts). The seam DELETE uses:
 * 409 while a setting is in use, unless `force=true` detaches it first (settings.md §5.5).
 */
export interface SettingReferences {
  isInUse(db: Db, workspaceId: string, settingId: string): Promise<boolean>;
  detach(db: Db, workspaceId: string, settingId: string): Promise<void>;
}

/** Nothing references settings yet. */
export const NO_REFERENCES: SettingReferences = { isInUse: async () => false, detach: async () => {} };

/** What one published version shows and accepts. */
export interface SettingsView {
  categories: readonly SettingCategory[];
  profile: PayloadProfile;
}

/** Makes sure the workspace holds every HPE-provided setting; idempotent, and safe to race. Call inside a transaction. */
export async function ensureHpeDefinedSettings(db: Db, workspaceId: string): Promise<void> {
  if ((await repo.countHpeDefined(db, workspaceId)) >= HPE_DEFINED_SETTINGS.length) return;
  const now = nowTimestamp();
  for (const seed of HPE_DEFINED_SETTINGS) {
    await repo.insertIfAbsent(db, {
      id: hpeDefinedId(workspaceId, seed.key),
      workspaceId,
      name: seed.name,
      description: seed.description,
      category: seed.category,
      settings: structuredClone(seed.settings),
      hpeDefined: true,
      generation: 1,
      createdAt: now,
      updatedAt: now,
    });
  }
}

/** A setting of the workspace by id, HPE-provided ones included, for groups that reference settings. */
export async function findSetting(db: Db, workspaceId: string, id: string): Promise<Setting | undefined> {
  if (!UUID.test(id)) return undefined;
  await ensureHpeDefinedSettings(db, workspaceId);
  return repo.findById(db, workspaceId, id.toLowerCase());
}

const invalid = (issues: Issue[]) => ComError.badRequest(issues);
const field = (subject: string, description: string): Issue => ({ source: 'field', subject, description });

/**
 * Creates, or points at a new bundle, the FIRMWARE setting a group owns for the legacy v1beta2
 * `firmwareBaseline` (groups.md §5), in the caller's transaction, recording its SETTING_* activity. The bundle
 * goes under GEN10 (the only generation of pre-2022 baselines); a bundle id the FIRMWARE rules refuse is a 400
 * naming `subject`. A taken name gets a numbered suffix.
 */
export async function saveOwnedFirmwareSetting(db: Db, workspaceId: string, id: string, name: string, bundleId: string, subject: string): Promise<Setting> {
  const issues = validateSetting({ name: 'baseline', description: null, category: 'FIRMWARE', settings: { GEN10: { id: bundleId } } }, { osTypes: [] });
  if (issues.length) throw invalid(issues.map((i) => ({ ...i, subject })));
  const current = await repo.findById(db, workspaceId, id);
  const now = nowTimestamp();
  if (current) {
    const next: Setting = { ...current, settings: { ...current.settings, GEN10: { ...current.settings.GEN10, id: bundleId } }, generation: current.generation + 1, updatedAt: now };
    if (!(await repo.update(db, next, current.generation))) throw new ComError('PRECONDITION_FAILED', 'The setting changed while it was being updated');
    await recordSettingActivity(db, 'UPDATED', next);
    return next;
  }
  let unique = name.slice(0, 100);
  for (let n = 2; await repo.findByName(db, workspaceId, 'FIRMWARE', unique); n++) unique = `${name.slice(0, 90)} (${n})`;
  const created: Setting = { id, workspaceId, name: unique, description: null, category: 'FIRMWARE', settings: { GEN10: { id: bundleId } }, hpeDefined: false, generation: 1, createdAt: now, updatedAt: now };
  await repo.insert(db, created);
  await recordSettingActivity(db, 'CREATED', created);
  return created;
}

export class SettingsService {
  /** Workspaces whose HPE records are known to be committed; they are never deleted, so this only grows. */
  private readonly seeded = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly references: SettingReferences = NO_REFERENCES,
  ) {}

  async list(ctx: CallContext, view: SettingsView, request: repo.ListRequest & { select?: string | undefined }, spec: ListSpec): Promise<Page<Setting>> {
    // Checked before anything is seeded, so a refused request stores nothing.
    parseSelect(request.select ?? '');
    return this.run(ctx, (db) => repo.list(db, ctx.workspaceId, view.categories, request, spec));
  }

  async get(ctx: CallContext, view: SettingsView, id: string): Promise<Setting> {
    return this.run(ctx, (db) => this.load(db, ctx, view, id));
  }

  async create(ctx: CallContext, view: SettingsView, draft: SettingDraft): Promise<Setting> {
    if (!view.categories.includes(draft.category)) throw invalid([field('category', `must be one of ${view.categories.join(', ')}`)]);
    if (draft.category === 'ILO') throw invalid([field('category', 'ILO settings are HPE-defined; creating one is not supported')]);
    const { doc, issues } = draft.settings === undefined ? { doc: undefined, issues: [] } : normalizeKeys(draft.settings, false);
    if (issues.length) throw invalid(issues);
    const settings = doc && completeDocument(draft.category, withoutNulls(doc));
    const content = { name: draft.name, description: draft.description, category: draft.category, settings };
    const problems = validateSetting(content, view.profile);
    if (problems.length || !settings) throw invalid(problems);
    const now = nowTimestamp();
    const created: Setting = { ...content, settings, id: randomUUID(), workspaceId: ctx.workspaceId, hpeDefined: false, generation: 1, createdAt: now, updatedAt: now };
    try {
      return await this.run(ctx, async (db) => {
        if (await repo.findByName(db, ctx.workspaceId, draft.category, draft.name)) throw duplicate(draft);
        await repo.insert(db, created);
        await recordSettingActivity(db, 'CREATED', created);
        return created;
      }, true);
    } catch (err) {
      throw isUniqueViolation(err) ? duplicate(draft) : err;
    }
  }

  /** Applies a merge patch; HPE-provided settings are read-only and answer 400 (settings.md §5.4). */
  async update(ctx: CallContext, view: SettingsView, id: string, patch: SettingPatch, ifMatch?: string | string[]): Promise<Setting> {
    // PATCH documents no 409, so a rename onto a taken name is a 400 (ALREADY_EXISTS), also when two requests race.
    const taken = (name: string) => ComError.badRequest([field('name', `a setting of this category named '${name}' already exists`)], undefined, 'ALREADY_EXISTS');
    try {
      return await this.run(ctx, async (db) => {
        const current = await this.load(db, ctx, view, id);
        checkIfMatch(ifMatch, current.generation);
        const next = this.patched(current, patch, view);
        if (next.name !== current.name && (await repo.findByName(db, ctx.workspaceId, current.category, next.name))) throw taken(next.name);
        if (!(await repo.update(db, next, current.generation))) throw new ComError('PRECONDITION_FAILED', 'The setting changed while it was being updated');
        await recordSettingActivity(db, 'UPDATED', next);
        return next;
      }, true);
    } catch (err) {
      throw isUniqueViolation(err) ? taken(patch.name ?? '') : err;
    }
  }

  /** 204 semantics: 409 for HPE-provided settings and, unless forced, for settings still in use. */
  async delete(ctx: CallContext, view: SettingsView, id: string, force: boolean, ifMatch?: string | string[]): Promise<void> {
    await this.run(ctx, async (db) => {
      const current = await this.load(db, ctx, view, id);
      checkIfMatch(ifMatch, current.generation);
      if (current.hpeDefined) throw new ComError('CONFLICT', `'${current.name}' is provided by HPE and cannot be deleted`);
      if (await this.references.isInUse(db, ctx.workspaceId, current.id)) {
        if (!force) throw new ComError('CONFLICT', `Setting '${current.name}' is in use; delete it with force=true to detach it`);
        await this.references.detach(db, ctx.workspaceId, current.id);
      }
      if (!(await repo.remove(db, ctx.workspaceId, current.id, current.generation))) throw new ComError('PRECONDITION_FAILED', 'The setting changed while it was being deleted');
      await recordSettingActivity(db, 'DELETED', current);
    }, true);
  }

  private patched(current: Setting, patch: SettingPatch, view: SettingsView): Setting {
    const sent = (['name', 'description', 'settings'] as const).filter((k) => patch[k] !== undefined);
    if (current.hpeDefined) throw invalid((sent.length ? sent : ['settings']).map((k) => field(k, 'HPE-defined settings are read-only')));
    if (patch.category !== undefined && patch.category !== current.category) throw invalid([field('category', 'cannot be changed')]);
    if (patch.settings !== undefined && current.category.startsWith('OVE_SERVER_TEMPLATES_')) {
      throw invalid([field('settings', `${current.category} settings cannot be changed; create a new setting`)]);
    }
    let settings = current.settings;
    if (patch.settings !== undefined) {
      const { doc, issues } = normalizeKeys(patch.settings, true);
      if (issues.length) throw invalid(issues);
      settings = completeDocument(current.category, mergeDocument(current.settings, doc), current.settings);
    }
    const next: Setting = {
      ...current,
      name: patch.name ?? current.name,
      description: patch.description !== undefined ? patch.description : current.description,
      settings,
      generation: current.generation + 1,
      updatedAt: nowTimestamp(),
    };
    const issues = validateSetting(next, view.profile);
    if (issues.length) throw invalid(issues);
    return next;
  }

  /** A setting this view shows; anything else, including another workspace's, is 404. */
  private async load(db: Db, ctx: CallContext, view: SettingsView, id: string): Promise<Setting> {
    const found = UUID.test(id) ? await repo.findById(db, ctx.workspaceId, id.toLowerCase()) : undefined;
    if (!found || !view.categories.includes(found.category)) throw new ComError('NOT_FOUND', `Setting ${id} was not found`);
    return found;
  }

  /** Runs fn with the workspace's HPE records in place: in one transaction with the seeding when needed, or when writing. */
  private async run<T>(ctx: CallContext, fn: (db: Db) => Promise<T>, write = false): Promise<T> {
    const ws = ctx.workspaceId;
    if (this.seeded.has(ws) && !write) return fn(this.store);
    const result = await this.store.transaction(async (tx) => {
      if (!this.seeded.has(ws)) await ensureHpeDefinedSettings(tx, ws);
      return fn(tx);
    });
    this.seeded.add(ws);
    return result;
  }
}

function duplicate(draft: SettingDraft): ComError {
  return new ComError('CONFLICT', `A ${draft.category} setting named '${draft.name}' already exists`);
}
