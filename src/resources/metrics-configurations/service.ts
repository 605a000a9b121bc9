// Metrics-configuration operations: load → change → validate → save, each in one transaction scoped to the
// caller's workspace, each change recording its activity in that transaction (activity.ts). Also the read the
// virtual fleet uses to decide which power readings raise alerts.
import { randomUUID } from 'node:crypto';
import { ComError } from '../../http/com-error.ts';
import { checkIfMatch } from '../../http/if-match.ts';
import type { CallContext } from '../../http/request-context.ts';
import type { ListSpec } from '../../query/list-spec.ts';
import { isUniqueViolation } from '../../store/errors.ts';
import type { Db, Store } from '../../store/store.ts';
import { nowTimestamp } from '../../store/time.ts';
import type { Page } from '../list-envelope.ts';
import { recordMetricsConfigurationActivity } from './activity.ts';
import type { AlertResource, MetricsCollection, MetricsConfiguration, MetricsSettings } from './model.ts';
import * as repo from './repository.ts';
import { validateSettings } from './rules.ts';

export type { AlertResource, MetricsCollection } from './model.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A workspace's power-utilization alert rule, as the simulator applies it: raise a utilization alert for a
 * server whose power utilization exceeds `thresholdPercentage` and that `resources` cover.
 */
export interface ActiveThreshold {
  configurationId: string;
  workspaceId: string;
  /** Percent (1..100). */
  thresholdPercentage: number;
  /** Whether COM collects metrics on its own schedule; readings only exist then or after on-demand collections. */
  metricsCollection: MetricsCollection;
  /** Groups, saved filters and tags the alerts cover (null entries dropped); empty means every server of the workspace. */
  resources: AlertResource[];
}

/**
 * The thresholds that should raise utilization alerts in a workspace: one per configuration whose
 * `powerThresholdAlerts` is on (so zero or one). Reads only; call with the store or inside a transaction.
 */
export async function listActiveThresholds(db: Db, workspaceId: string): Promise<ActiveThreshold[]> {
  const c = await repo.findForWorkspace(db, workspaceId);
  if (!c || !c.powerThresholdAlerts) return [];
  return [
    {
      configurationId: c.id,
      workspaceId,
      thresholdPercentage: c.powerUtilizationThresholdPercentage,
      metricsCollection: c.metricsCollection,
      resources: c.alertResources.filter((r): r is AlertResource => r !== null),
    },
  ];
}

function invalid(issues: ReturnType<typeof validateSettings>): ComError {
  return ComError.badRequest(issues);
}

function alreadyExists(): ComError {
  return new ComError('ALREADY_EXISTS', 'This workspace already has a metrics configuration; change it with PATCH');
}

export class MetricsConfigurationService {
  constructor(private readonly store: Store) {}

  async list(ctx: CallContext, request: repo.ListRequest, spec: ListSpec): Promise<Page<MetricsConfiguration>> {
    return repo.list(this.store, ctx.workspaceId, request, spec);
  }

  async get(ctx: CallContext, id: string): Promise<MetricsConfiguration> {
    return this.load(this.store, ctx, id);
  }

  /** A workspace holds one configuration; a second POST is 400 and leaves the first untouched. */
  async create(ctx: CallContext, settings: MetricsSettings): Promise<MetricsConfiguration> {
    const issues = validateSettings(settings);
    if (issues.length) throw invalid(issues);
    const now = nowTimestamp();
    const created: MetricsConfiguration = { ...settings, id: randomUUID(), workspaceId: ctx.workspaceId, generation: 1, createdAt: now, updatedAt: now };
    try {
      await this.store.transaction(async (tx) => {
        if (await repo.findForWorkspace(tx, ctx.workspaceId)) throw alreadyExists();
        await repo.insert(tx, created);
        await recordMetricsConfigurationActivity(tx, 'CREATED', created);
      });
    } catch (err) {
      throw isUniqueViolation(err) ? alreadyExists() : err;
    }
    return created;
  }

  /** Merge patch: members sent replace the stored ones (alertResources as a whole); at least one is needed. */
  async update(ctx: CallContext, id: string, patch: Partial<MetricsSettings>, ifMatch?: string | string[]): Promise<MetricsConfiguration> {
    return this.store.transaction(async (tx) => {
      const current = await this.load(tx, ctx, id);
      checkIfMatch(ifMatch, current.generation);
      if (Object.values(patch).every((v) => v === undefined)) {
        throw ComError.badRequest([{ source: 'field', subject: '(root)', description: 'must change at least one property' }]);
      }
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const next: MetricsConfiguration = { ...current, ...defined, generation: current.generation + 1, updatedAt: nowTimestamp() };
      const issues = validateSettings(next);
      if (issues.length) throw invalid(issues);
      if (!(await repo.update(tx, next, current.generation))) throw new ComError('PRECONDITION_FAILED', 'The configuration changed while it was being updated');
      await recordMetricsConfigurationActivity(tx, 'UPDATED', next);
      return next;
    });
  }

  async delete(ctx: CallContext, id: string, ifMatch?: string | string[]): Promise<void> {
    await this.store.transaction(async (tx) => {
      const current = await this.load(tx, ctx, id);
      checkIfMatch(ifMatch, current.generation);
      if (!(await repo.remove(tx, ctx.workspaceId, current.id, current.generation))) throw new ComError('PRECONDITION_FAILED', 'The configuration changed while it was being deleted');
      await recordMetricsConfigurationActivity(tx, 'DELETED', current);
    });
  }

  /** The workspace's configuration with this id; anything else, including another workspace's, is 404. */
  private async load(db: Db, ctx: CallContext, id: string): Promise<MetricsConfiguration> {
    const found = UUID.test(id) ? await repo.findById(db, ctx.workspaceId, id.toLowerCase()) : undefined;
    if (!found) throw new ComError('NOT_FOUND', `Metrics configuration ${id} was not found`);
    return found;
  }
}
