// Firmware bundle operations: read-only views of HPE's catalogue, the same for every workspace (COM publishes
// no write). Unknown and malformed ids are 404 alike.
import { ComError } from '../../http/com-error.ts';
import type { ListSpec } from '../../query/list-spec.ts';
import type { Store } from '../../store/store.ts';
import type { Page } from '../list-envelope.ts';
import { canonicalBundleId, findBundle } from './baseline.ts';
import { bundleDetails, type BundleCategoryDetail } from './details.ts';
import type { FirmwareBundleHead } from './model.ts';
import * as repo from './repository.ts';

export class FirmwareBundleService {
  constructor(private readonly store: Store) {}

  async list(request: repo.ListRequest, spec: ListSpec): Promise<Page<FirmwareBundleHead>> {
    return repo.listBundles(this.store, request, spec);
  }

  async get(id: string): Promise<FirmwareBundleHead> {
    const canonical = canonicalBundleId(id);
    const found = canonical === undefined ? undefined : await repo.findBundleHead(this.store, canonical);
    if (!found) throw notFound(id);
    return found;
  }

  /** The bundle's components by category; the whole list, as COM declares no paging for it. */
  async details(id: string): Promise<Page<BundleCategoryDetail>> {
    const bundle = await findBundle(this.store, id);
    if (!bundle) throw notFound(id);
    const items = bundleDetails(bundle);
    return { items, offset: 0, total: items.length };
  }
}

function notFound(id: string): ComError {
  return new ComError('NOT_FOUND', `Firmware bundle ${id} was not found`);
}
