// Appliance firmware bundle operations: read-only views of HPE's OneView release catalogue, the same for every
// workspace (COM publishes no write). Unknown and malformed ids are 404 alike.
import { ComError } from '../../http/com-error.ts';
import type { ListSpec } from '../../query/list-spec.ts';
import type { Store } from '../../store/store.ts';
import type { Page } from '../list-envelope.ts';
import type { ApplianceFirmwareBundle } from './model.ts';
import * as repo from './repository.ts';

export class ApplianceFirmwareBundleService {
  constructor(private readonly store: Store) {}

  async list(request: repo.ListRequest, spec: ListSpec): Promise<Page<ApplianceFirmwareBundle>> {
    return repo.listApplianceBundles(this.store, request, spec);
  }

  /** Ids are 32 hex characters; the dashed UUID spelling and upper case name the same bundle. */
  async get(id: string): Promise<ApplianceFirmwareBundle> {
    const hex = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(id) ? id.replace(/-/g, '').toLowerCase() : undefined;
    const found = hex === undefined ? undefined : await repo.findApplianceBundle(this.store, hex);
    if (!found) throw new ComError('NOT_FOUND', `Appliance firmware bundle ${id} was not found`);
    return found;
  }
}
