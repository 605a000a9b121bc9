// Job-template operations: the read-only catalogue, listed and read by id. Every caller of any workspace
// sees the same catalogue (job-templates.md §1: static, read-only data).
import { ComError } from '../../http/com-error.ts';
import type { ListPage, ListRequest } from '../../query/list-query.ts';
import type { ListSpec } from '../../query/list-spec.ts';
import type { Store } from '../../store/store.ts';
import type { JobTemplateRecord } from './model.ts';
import { findJobTemplate, listJobTemplates } from './repository.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class JobTemplateService {
  constructor(private readonly store: Store) {}

  list(request: ListRequest, spec: ListSpec): Promise<ListPage<JobTemplateRecord>> {
    return listJobTemplates(this.store, request, spec);
  }

  async get(id: string): Promise<JobTemplateRecord> {
    const found = UUID.test(id) ? await findJobTemplate(this.store, id) : undefined;
    if (!found) throw new ComError('NOT_FOUND', `Job template ${id} was not found`);
    return found;
  }
}
