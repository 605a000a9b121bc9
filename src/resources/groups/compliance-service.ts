// Reading a group's compliance results (groups.md §3.9–§3.13, §4.10–§4.14): per-device records by category,
// and the one external-storage result. The group must exist in the caller's workspace (404 otherwise).
import { ComError } from '../../http/com-error.ts';
import type { CallContext } from '../../http/request-context.ts';
import type { ListRequest } from '../../query/list-query.ts';
import type { ListSpec } from '../../query/list-spec.ts';
import type { Store } from '../../store/store.ts';
import type { Page } from '../list-envelope.ts';
import { findCompliance, findExternalStorageCompliance, listCompliance } from './compliance-store.ts';
import type { ComplianceCategory, DeviceCompliance, ExternalStorageCompliance } from './model.ts';
import { loadGroup } from './service.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class ComplianceService {
  constructor(private readonly store: Store) {}

  async list(ctx: CallContext, groupId: string, categories: readonly ComplianceCategory[], request: ListRequest, spec: ListSpec): Promise<Page<DeviceCompliance>> {
    const group = await loadGroup(this.store, ctx.workspaceId, groupId);
    return listCompliance(this.store, ctx.workspaceId, group.id, categories, request, spec);
  }

  async get(ctx: CallContext, groupId: string, id: string, categories: readonly ComplianceCategory[]): Promise<DeviceCompliance> {
    const group = await loadGroup(this.store, ctx.workspaceId, groupId);
    const found = UUID.test(id) ? await findCompliance(this.store, ctx.workspaceId, group.id, id.toLowerCase(), categories) : undefined;
    if (!found) throw new ComError('NOT_FOUND', `Compliance record ${id} was not found in group ${group.id}`);
    return found;
  }

  /** 404 until the external-storage compliance job has produced a result (clients read 404 as "no data"). */
  async externalStorage(ctx: CallContext, groupId: string): Promise<ExternalStorageCompliance> {
    const group = await loadGroup(this.store, ctx.workspaceId, groupId);
    const found = await findExternalStorageCompliance(this.store, ctx.workspaceId, group.id);
    if (!found) throw new ComError('NOT_FOUND', `Group ${group.id} has no external storage compliance result yet`);
    return found;
  }
}
