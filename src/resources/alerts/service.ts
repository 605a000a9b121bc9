// Alert operations. The device simulator (and later the Redfish event listener) raises and clears alerts
// with `raiseAlert`/`clearAlerts`; the HTTP face lists them and clears software alerts. Every change is
// load → change → validate → save in one transaction, and shows up in the activity feed.
import { randomUUID } from 'node:crypto';
import { ComError } from '../../http/com-error.ts';
import type { CallContext } from '../../http/request-context.ts';
import type { ListSpec } from '../../query/list-spec.ts';
import type { Db, Store } from '../../store/store.ts';
import { nowTimestamp, toStoredTimestamp } from '../../store/time.ts';
import { recordActivity } from '../activities/service.ts';
import type { Page } from '../list-envelope.ts';
import type { Server } from '../servers/model.ts';
import { findServer } from '../servers/repository.ts';
import type { Alert, AlertType, ClearMatch, NewAlert } from './model.ts';
import * as repo from './repository.ts';
import { normalizeNewAlert } from './rules.ts';

export { ALERT_CATALOGUE, alertFromCatalogue, type AlertMessageKey, type AlertTemplate } from './catalogue.ts';
export type { Alert, ClearMatch, NewAlert } from './model.ts';

/** Cleared alerts stay visible this long (conventions §13). */
export const CLEARED_RETENTION_DAYS = 180;

/** The oldest `clearedAt` a list still shows. */
export function clearedSince(nowMs: number = Date.now()): string {
  return toStoredTimestamp(new Date(nowMs - CLEARED_RETENTION_DAYS * 86_400_000));
}

/** Runs fn in a new transaction on a Store, or inline on a transaction the caller already opened. */
function inTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return 'transaction' in db ? (db as Store).transaction(fn) : fn(db);
}

const serverSource = (server: Server) => ({ type: 'Server', id: server.id, name: server.name, resourceUri: `v1/servers/${server.id}` });
const titleCase = (s: string) => s.charAt(0) + s.slice(1).toLowerCase().replace(/_/g, ' ');

/**
 * Raises an alert on a server. An active alert with the same messageId and originOfCondition is the same
 * condition recurring: it is updated (isRecurrent, new timestamp and text, generation +1) instead of
 * duplicated. Records a SERVER_ALERT_RAISED activity. Unknown server → NOT_FOUND; invalid input → 400.
 */
export async function raiseAlert(db: Db, workspaceId: string, input: NewAlert): Promise<Alert> {
  const { issues, value } = normalizeNewAlert(input);
  if (!value) throw ComError.badRequest(issues);
  return inTransaction(db, async (tx) => {
    const server = await findServer(tx, workspaceId, input.serverId);
    if (!server) throw new ComError('NOT_FOUND', `Server ${input.serverId} was not found`);
    const now = nowTimestamp();
    const origin = input.originOfCondition;
    const same = (await repo.findActive(tx, workspaceId, server.id, { messageId: input.messageId })).find((a) => a.originOfCondition === origin);
    const content = {
      severity: value.severity,
      category: value.category,
      alertType: value.alertType,
      messageId: input.messageId,
      messageKey: value.messageKey,
      arguments: input.arguments ?? [],
      description: input.description,
      resolution: input.resolution,
      message: input.message,
      originOfCondition: origin,
      timestamp: value.timestamp,
      serviceEvent: input.serviceEvent,
    };
    let alert: Alert;
    if (same) {
      alert = { ...same, ...content, isRecurrent: true, generation: same.generation + 1, updatedAt: now };
      if (!(await repo.updateAlert(tx, alert, same.generation))) throw new ComError('CONFLICT', `Alert ${same.id} changed while it was being raised again`);
    } else {
      alert = {
        ...content,
        id: randomUUID(),
        workspaceId,
        serverId: server.id,
        generation: 1,
        createdAt: now,
        updatedAt: now,
        isRecurrent: input.isRecurrent ?? false,
        cleared: false,
        clearedAt: null,
        serviceNowIncident: null,
        caseId: null,
        caseUrl: null,
      };
      await repo.insertAlert(tx, alert);
    }
    await recordActivity(tx, workspaceId, {
      key: 'SERVER_ALERT_RAISED',
      args: { severity: titleCase(alert.severity), serverName: server.name, message: alert.message, description: alert.description, resolution: alert.resolution },
      source: serverSource(server),
      associatedServerId: server.id,
      healthState: alert.severity,
      at: now,
    });
    return alert;
  });
}

/** Clears a server's matching active alerts, recording one SERVER_ALERT_CLEARED activity each. */
async function clearMatching(tx: Db, server: Server, match: ClearMatch, alertType?: AlertType): Promise<number> {
  let cleared = 0;
  for (const alert of await repo.findActive(tx, server.workspaceId, server.id, match, alertType)) {
    const now = nowTimestamp();
    const next: Alert = { ...alert, cleared: true, clearedAt: now, generation: alert.generation + 1, updatedAt: now };
    // Somebody else cleared it meanwhile: it is cleared either way, and only once.
    if (!(await repo.updateAlert(tx, next, alert.generation))) continue;
    cleared++;
    await recordActivity(tx, server.workspaceId, {
      key: 'SERVER_ALERT_CLEARED',
      args: { serverName: server.name, message: alert.message, messageId: alert.messageId },
      source: serverSource(server),
      associatedServerId: server.id,
      healthState: 'OK',
      at: now,
    });
  }
  return cleared;
}

/**
 * Clears a server's active alerts (any type) matching every given member of `match`; `{}` clears them
 * all. Returns how many were cleared; an unknown server has none.
 */
export async function clearAlerts(db: Db, workspaceId: string, serverId: string, match: ClearMatch): Promise<number> {
  return inTransaction(db, async (tx) => {
    const server = await findServer(tx, workspaceId, serverId);
    return server ? clearMatching(tx, server, match) : 0;
  });
}

/** Links an alert to the support case or ServiceNow incident opened for it; false when there is no such alert. */
export async function recordAlertTicket(
  db: Db,
  workspaceId: string,
  alertId: string,
  ticket: Partial<Pick<Alert, 'serviceNowIncident' | 'caseId' | 'caseUrl'>>,
): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const current = await repo.findAlert(tx, workspaceId, alertId);
    if (!current) return false;
    const next: Alert = { ...current, ...ticket, generation: current.generation + 1, updatedAt: nowTimestamp() };
    return repo.updateAlert(tx, next, current.generation);
  });
}

/** One entry of a clear-alert request (clearAlertData-v1). */
export interface ClearRequestEntry extends ClearMatch {
  serverId?: string;
}

// Server ids are `<productId>+<serialNumber>`: printable ASCII. Anything else cannot exist (decisions: odd ids are 404).
const SERVER_ID = /^[\x21-\x7e]{1,200}$/;

export class AlertService {
  constructor(private readonly store: Store) {}

  /** Every visible alert of the workspace. */
  async list(ctx: CallContext, request: repo.ListRequest, spec: ListSpec): Promise<Page<Alert>> {
    return repo.listAlerts(this.store, ctx.workspaceId, undefined, clearedSince(), request, spec);
  }

  /** The visible alerts of one server; an unknown server (or another workspace's) is 404. */
  async listForServer(ctx: CallContext, serverId: string, request: repo.ListRequest, spec: ListSpec): Promise<Page<Alert>> {
    await this.loadServer(this.store, ctx, serverId);
    return repo.listAlerts(this.store, ctx.workspaceId, serverId, clearedSince(), request, spec);
  }

  /**
   * POST clear-alert: clears the server's active software (power-utilization) alerts each entry matches.
   * Hardware alerts are cleared by their device, never by a client. Returns how many were cleared.
   */
  async clearSoftwareAlerts(ctx: CallContext, serverId: string, entries: readonly ClearRequestEntry[]): Promise<number> {
    const issues = entries.flatMap((e, i) => {
      if (e.serverId !== undefined && e.serverId !== serverId) {
        return [{ source: 'field' as const, subject: `alerts.${i}.serverId`, description: `must be the server of the path, ${serverId}` }];
      }
      if (e.messageId === undefined && e.originOfCondition === undefined) {
        return [{ source: 'field' as const, subject: `alerts.${i}.messageId`, description: 'messageId or originOfCondition is required' }];
      }
      return [];
    });
    if (issues.length) throw ComError.badRequest(issues);
    return this.store.transaction(async (tx) => {
      const server = await this.loadServer(tx, ctx, serverId);
      let cleared = 0;
      for (const e of entries) cleared += await clearMatching(tx, server, { messageId: e.messageId, originOfCondition: e.originOfCondition }, 'software');
      return cleared;
    });
  }

  private async loadServer(db: Db, ctx: CallContext, serverId: string): Promise<Server> {
    const server = SERVER_ID.test(serverId) ? await findServer(db, ctx.workspaceId, serverId) : undefined;
    if (!server) throw new ComError('NOT_FOUND', `Server ${serverId} was not found`);
    return server;
  }
}
