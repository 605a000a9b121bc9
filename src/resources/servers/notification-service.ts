// Per-server e-mail choices of one user (servers.md §5.11). A user without a record for a server starts from
// their workspace default (user-preferences), else from everything off. Writes validate the cumulative
// hierarchy with the user-preferences rules, so both groups refuse exactly the same combinations.
import { ComError, type Issue } from '../../http/com-error.ts';
import type { CallContext } from '../../http/request-context.ts';
import { isEmail, normalizeEmail, type IdentityService } from '../../identity/identity-service.ts';
import type { Db, Store } from '../../store/store.ts';
import { nowTimestamp } from '../../store/time.ts';
import { ALL_OFF, choicesOf, type NotificationChoices } from '../user-preferences/model.ts';
import { findByUser } from '../user-preferences/repository.ts';
import { disconnectIssues, hierarchyIssues } from '../user-preferences/rules.ts';
import { recordNotificationsUpdated } from './activities.ts';
import { findNotification, saveNotification } from './notification-repository.ts';
import type { Server } from './model.ts';
import { findServer } from './repository.ts';

/** One user's choices for one server. */
export interface ServerNotification extends NotificationChoices {
  serverId: string;
}

function invalid(issues: Issue[]): ComError {
  return ComError.badRequest(issues, undefined, 'INVALID_NOTIFICATION_COMBINATION');
}

function validate(choices: NotificationChoices, prefix = ''): void {
  const issues = [...hierarchyIssues(choices, prefix), ...disconnectIssues(choices.disconnectNotification, prefix)];
  if (issues.length) throw invalid(issues);
}

export class ServerNotificationService {
  constructor(
    private readonly store: Store,
    private readonly identity: IdentityService,
  ) {}

  async get(ctx: CallContext, serverId: string): Promise<ServerNotification> {
    await this.requireServer(this.store, ctx.workspaceId, serverId);
    return { serverId, ...(await this.effective(this.store, ctx.workspaceId, serverId, ctx.principal.userId)) };
  }

  /** Sets the caller's choices to what `build` derives from the effective ones (a version keeps what it cannot see). */
  async replace(ctx: CallContext, serverId: string, build: (current: NotificationChoices) => NotificationChoices): Promise<ServerNotification> {
    return this.store.transaction(async (tx) => {
      const server = await this.requireServer(tx, ctx.workspaceId, serverId);
      const choices = choicesOf(build(await this.effective(tx, ctx.workspaceId, serverId, ctx.principal.userId)));
      validate(choices);
      await saveNotification(tx, ctx.workspaceId, serverId, ctx.principal.userId, choices, nowTimestamp());
      await recordNotificationsUpdated(tx, server, ctx.principal.email, choices);
      return { serverId, ...choices };
    });
  }

  /**
   * Gives every recipient exactly `choices` for this server. Every recipient must be a member of the
   * workspace, or nothing changes (servers.md §5.11 recommends 400 for an unknown e-mail).
   */
  async setOnBehalf(ctx: CallContext, serverId: string, choices: NotificationChoices, recipients: readonly string[]): Promise<ServerNotification> {
    validate(choices, 'data.');
    const malformed = recipients.filter((e) => !isEmail(e));
    if (malformed.length) throw ComError.badRequest(malformed.map((e) => ({ source: 'field', subject: 'recipients', description: `${e} is not an e-mail address` })));
    const emails = [...new Set(recipients.map(normalizeEmail))];
    return this.store.transaction(async (tx) => {
      const server = await this.requireServer(tx, ctx.workspaceId, serverId);
      const members = await this.identity.membersByEmail(tx, ctx.workspaceId, emails);
      const strangers = emails.filter((e) => !members.has(e));
      if (strangers.length) {
        throw ComError.badRequest(strangers.map((e) => ({ source: 'field', subject: 'recipients', description: `${e} is not a member of this workspace` })));
      }
      const now = nowTimestamp();
      for (const member of members.values()) {
        await saveNotification(tx, ctx.workspaceId, serverId, member.userId, choices, now);
        await recordNotificationsUpdated(tx, server, member.email, choices);
      }
      return { serverId, ...choicesOf(choices) };
    });
  }

  private async effective(db: Db, workspaceId: string, serverId: string, userId: string): Promise<NotificationChoices> {
    const own = await findNotification(db, workspaceId, serverId, userId);
    if (own) return own;
    const defaults = await findByUser(db, workspaceId, userId);
    return defaults ? choicesOf(defaults) : { ...ALL_OFF };
  }

  private async requireServer(db: Db, workspaceId: string, serverId: string): Promise<Server> {
    const server = await findServer(db, workspaceId, serverId);
    if (!server) throw new ComError('NOT_FOUND', `Server ${serverId} was not found`);
    return server;
  }
}
