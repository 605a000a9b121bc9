// Server lists are the heaviest COM reads (a page of 100 servers is ~300 KB of JSON). Each server's wire
// JSON is cached per (workspace, id, generation, prefix, version): generation changes on every write, so
// an entry can never be stale, in this process or across processes sharing a database. A list then costs
// one index query for ids and generations, plus the rendering of whatever changed since it was last seen.
import { LRUCache } from 'lru-cache';
import type { ApiScope } from '../../http/api-scope.ts';
import type { Db } from '../../store/store.ts';
import type { Page } from '../list-envelope.ts';
import type { Server } from './model.ts';
import { findServers } from './repository.ts';

/** Bytes of rendered JSON kept in memory. */
const MAX_CACHED_BYTES = 64 * 1024 * 1024;
const COMMA = Buffer.from(',');

// Entries are UTF-8 buffers: a page is then one memory copy, with no re-encoding of ~300 KB per request.
export class RenderCache {
  private readonly entries = new LRUCache<string, Buffer>({ maxSize: MAX_CACHED_BYTES, sizeCalculation: (json) => Math.max(1, json.length) });
  // Whole pages too: dashboards poll the same query, and a page is identified by what it contains.
  private readonly pages = new LRUCache<string, Buffer>({ maxSize: MAX_CACHED_BYTES / 4, sizeCalculation: (json) => Math.max(1, json.length) });

  private key(workspaceId: string, id: string, generation: number, scope: ApiScope): string {
    return `${workspaceId}\u0000${id}\u0000${generation}\u0000${scope.prefix}\u0000${scope.version}`;
  }

  /**
   * The `{offset, count, total, items}` body of a page, as UTF-8 JSON. Servers missing from the cache are read
   * in one query and rendered with `toWire`; a server deleted between the two queries is left out.
   */
  async renderPage(
    db: Db,
    workspaceId: string,
    page: Page<{ id: string; generation: number }>,
    scope: ApiScope,
    toWire: (server: Server) => object,
  ): Promise<Buffer> {
    const pageKey = `${workspaceId}\u0000${scope.prefix}\u0000${scope.version}\u0000${page.offset}\u0000${page.total}\u0000${page.items.map((v) => `${v.id}\u0001${v.generation}`).join('\u0000')}`;
    const cachedPage = this.pages.get(pageKey);
    if (cachedPage) return cachedPage;
    const parts: (Buffer | undefined)[] = page.items.map((v) => this.entries.get(this.key(workspaceId, v.id, v.generation, scope)));
    const missing = page.items.filter((_, i) => parts[i] === undefined).map((v) => v.id);
    if (missing.length) {
      const found = await findServers(db, workspaceId, missing);
      page.items.forEach((v, i) => {
        if (parts[i] !== undefined) return;
        const server = found.get(v.id);
        if (!server) return;
        const json = Buffer.from(JSON.stringify(toWire(server)));
        this.entries.set(this.key(workspaceId, server.id, server.generation, scope), json);
        parts[i] = json;
      });
    }
    const items = parts.filter((p): p is Buffer => p !== undefined);
    const chunks: Buffer[] = [Buffer.from(`{"offset":${page.offset},"count":${items.length},"total":${page.total},"items":[`)];
    items.forEach((item, i) => chunks.push(...(i ? [COMMA, item] : [item])));
    chunks.push(Buffer.from(']}'));
    const body = Buffer.concat(chunks);
    // A page missing a server that vanished between the two queries is not worth remembering.
    if (items.length === page.items.length) this.pages.set(pageKey, body);
    return body;
  }
}
