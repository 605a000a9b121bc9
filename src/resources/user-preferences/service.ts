// User-preference operations: load → change → validate → save, each in one transaction, always scoped to
// the caller's workspace and user. Versions call these with hub values; HTTP shapes are not known here.
import { randomUUID } from 'node:crypto';
import { ComError } from '../../http/com-error.ts';
import { checkIfMatch } from '../../http/if-match.ts';
import type { CallContext } from '../../http/request-context.ts';
import { isEmail, normalizeEmail, type IdentityService } from '../../identity/identity-service.ts';
import { isUniqueViolation } from '../../store/errors.ts';
import type { ListSpec } from '../../query/list-spec.ts';
import type { Db, Store } from '../../store/store.ts';
import type { Page } from '../list-envelope.ts';
import { nowTimestamp } from '../../store/time.ts';
import { recordPreferenceActivity } from './activities.ts';
import { ALL_OFF, choicesOf, sameChoices, type NotificationChoices, type UserPreference } from './model.ts';
import * as repo from './repository.ts';
import { hierarchyIssues, validateChoices } from './rules.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who subscribe turns on, per kind of notification (user-preferences.md §4.5). Lists hold e-mails. */
export interface SubscribeRecipients {
  all: string[];
  critical: string[];
  health: string[];
  powerReset: string[];
  disconnect: string[];
}

/** What subscribe turns on; omitted flags are left as they are. */
export type SubscribeRequest = Partial<NotificationChoices>;

/** Outcome of subscribe/unsubscribe: per-user successes, and per-user errors that did not fail the request. */
export interface BulkOutcome {
  successes: UserPreference[];
  errors: ComError[];
}

function invalid(issues: ReturnType<typeof validateChoices>): ComError {
  return ComError.badRequest(issues, `Invalid notification combination: ${issues.map((i) => `${i.subject} ${i.description}`).join('; ')}`, 'INVALID_NOTIFICATION_COMBINATION');
}

export class UserPreferenceService {
  constructor(
    private readonly store: Store,
    private readonly identity: IdentityService,
  ) {}

  /** The caller's preference object as a collection of 0 or 1 item, filtered and paged like every list. */
  list(ctx: CallContext, request: repo.ListRequest, spec: ListSpec): Promise<Page<UserPreference>> {
    return repo.listForUser(this.store, ctx.workspaceId, ctx.principal.userId, request, spec);
  }

  async get(ctx: CallContext, id: string): Promise<UserPreference> {
    return this.load(this.store, ctx, id);
  }

  /** Creates the caller's object; a second one is refused with 400 and the first stays untouched. */
  async create(ctx: CallContext, choices: NotificationChoices): Promise<UserPreference> {
    const issues = validateChoices(choices);
    if (issues.length) throw invalid(issues);
    const now = nowTimestamp();
    const created: UserPreference = {
      ...choicesOf(choices),
      id: randomUUID(),
      workspaceId: ctx.workspaceId,
      userId: ctx.principal.userId,
      generation: 1,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.store.transaction(async (tx) => {
        if (await repo.findByUser(tx, ctx.workspaceId, ctx.principal.userId)) throw alreadyExists();
        await repo.insert(tx, created);
        await recordPreferenceActivity(tx, 'CREATED', created, ctx.principal.email);
      });
    } catch (err) {
      throw isUniqueViolation(err) ? alreadyExists() : err;
    }
    return created;
  }

  /**
   * Replaces the caller's object with the choices `build` derives from the stored one (a version that
   * cannot see a field keeps it). Every PUT is a change: generation +1.
   */
  async replace(
    ctx: CallContext,
    id: string,
    build: (current: UserPreference) => NotificationChoices,
    ifMatch?: string | string[],
  ): Promise<UserPreference> {
    return this.store.transaction(async (tx) => {
      const current = await this.load(tx, ctx, id);
      checkIfMatch(ifMatch, current.generation);
      const choices = build(current);
      const issues = validateChoices(choices);
      if (issues.length) throw invalid(issues);
      const next: UserPreference = { ...current, ...choicesOf(choices), generation: current.generation + 1, updatedAt: nowTimestamp() };
      if (!(await repo.update(tx, next, current.generation))) throw new ComError('PRECONDITION_FAILED', 'The preference changed while it was being updated');
      await recordPreferenceActivity(tx, 'UPDATED', next, ctx.principal.email);
      return next;
    });
  }

  /** An administrator turns notifications on for listed users; nothing is switched off. */
  async subscribe(ctx: CallContext, recipients: SubscribeRecipients, request: SubscribeRequest): Promise<BulkOutcome> {
    const flags = {
      criticalNotification: request.criticalNotification ?? false,
      criticalNonServiceNotification: request.criticalNonServiceNotification ?? false,
      warningNotification: request.warningNotification ?? false,
    };
    const issues = hierarchyIssues(flags, 'requestData.');
    if (issues.length) throw invalid(issues);
    const targets = new Map<string, Set<keyof SubscribeRecipients>>();
    for (const list of Object.keys(recipients) as (keyof SubscribeRecipients)[]) {
      for (const email of recipients[list]) {
        const key = normalizeEmail(email);
        const lists = targets.get(key) ?? new Set();
        lists.add(list);
        targets.set(key, lists);
      }
    }
    return this.applyToUsers(ctx, [...targets.keys()], 'SUBSCRIBED', (email, current) => {
      const lists = targets.get(email)!;
      const inList = (l: keyof SubscribeRecipients) => lists.has('all') || lists.has(l);
      const next = { ...current };
      if (inList('critical')) {
        if (flags.criticalNotification) next.criticalNotification = true;
        if (flags.criticalNonServiceNotification) next.criticalNonServiceNotification = true;
        if (flags.warningNotification) next.warningNotification = true;
      }
      if (inList('health') && request.healthNotification) next.healthNotification = true;
      if (inList('powerReset') && request.powerResetNotification) next.powerResetNotification = true;
      if (inList('disconnect') && typeof request.disconnectNotification === 'number') next.disconnectNotification = request.disconnectNotification;
      return next;
    });
  }

  /** An administrator turns notifications off for listed users; users without preferences have nothing to turn off. */
  async unsubscribe(ctx: CallContext, lists: SubscribeRecipients): Promise<BulkOutcome> {
    const targets = new Map<string, Set<keyof SubscribeRecipients>>();
    for (const list of Object.keys(lists) as (keyof SubscribeRecipients)[]) {
      for (const email of lists[list]) {
        const key = normalizeEmail(email);
        targets.set(key, (targets.get(key) ?? new Set()).add(list));
      }
    }
    return this.applyToUsers(ctx, [...targets.keys()], 'UNSUBSCRIBED', (email, current) => {
      const set = targets.get(email)!;
      if (set.has('all')) return { ...ALL_OFF };
      const next = { ...current };
      if (set.has('critical')) Object.assign(next, { criticalNotification: false, criticalNonServiceNotification: false, warningNotification: false });
      if (set.has('health')) next.healthNotification = false;
      if (set.has('powerReset')) next.powerResetNotification = false;
      if (set.has('disconnect')) next.disconnectNotification = null;
      return next;
    });
  }

  private async applyToUsers(
    ctx: CallContext,
    emails: string[],
    event: 'SUBSCRIBED' | 'UNSUBSCRIBED',
    change: (email: string, current: NotificationChoices) => NotificationChoices,
  ): Promise<BulkOutcome> {
    const outcome: BulkOutcome = { successes: [], errors: [] };
    const valid = emails.filter((e) => {
      if (isEmail(e)) return true;
      outcome.errors.push(ComError.badRequest([{ source: 'field', subject: 'recipients', description: `${e} is not an e-mail address` }], `${e} is not an e-mail address`));
      return false;
    });
    await this.store.transaction(async (tx) => {
      const members = await this.identity.membersByEmail(tx, ctx.workspaceId, valid);
      const existing = await repo.findByUsers(tx, ctx.workspaceId, [...members.values()].map((m) => m.userId));
      for (const email of valid) {
        const member = members.get(email);
        if (!member) {
          outcome.errors.push(new ComError('USER_NOT_IN_WORKSPACE', `User ${email} is not a member of this workspace`));
          continue;
        }
        const current = existing.get(member.userId);
        // Unsubscribe has nothing to turn off for a user without an object, and creates none.
        if (!current && event === 'UNSUBSCRIBED') continue;
        const choices = change(email, current ? choicesOf(current) : { ...ALL_OFF });
        const now = nowTimestamp();
        if (!current) {
          const created: UserPreference = { ...choices, id: randomUUID(), workspaceId: ctx.workspaceId, userId: member.userId, generation: 1, createdAt: now, updatedAt: now };
          await repo.insert(tx, created);
          await recordPreferenceActivity(tx, event, created, member.email);
          outcome.successes.push(created);
        } else if (sameChoices(current, choices)) {
          outcome.successes.push(current);
        } else {
          const next = { ...current, ...choices, generation: current.generation + 1, updatedAt: now };
          await repo.update(tx, next, current.generation);
          await recordPreferenceActivity(tx, event, next, member.email);
          outcome.successes.push(next);
        }
      }
    });
    return outcome;
  }

  /** The caller's object with this id; anything else, including another user's, is 404. */
  private async load(db: Db, ctx: CallContext, id: string): Promise<UserPreference> {
    const mine = UUID.test(id) ? await repo.findByUser(db, ctx.workspaceId, ctx.principal.userId) : undefined;
    if (!mine || mine.id !== id.toLowerCase()) throw new ComError('NOT_FOUND', `User preference ${id} was not found`);
    return mine;
  }
}

function alreadyExists(): ComError {
  return new ComError('ALREADY_EXISTS', 'User preferences already exist for this user; update them with PUT');
}
