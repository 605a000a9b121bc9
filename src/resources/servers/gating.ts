// Subscription gating applied to a version's wire object (servers.md §0.8): a server without a valid
// subscription omits the gated members entirely, in every version and on list, get and patch.
import { GATED_PATHS, isSubscribed, type Server } from './model.ts';

/** Removes the gated members from `wire` (in place) unless `server` is subscribed; returns `wire`. */
export function gated<W extends object>(wire: W, server: Pick<Server, 'state'>): W {
  if (isSubscribed(server)) return wire;
  for (const path of GATED_PATHS) {
    let at: unknown = wire;
    for (const key of path.slice(0, -1)) at = typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[key] : undefined;
    if (typeof at === 'object' && at !== null) delete (at as Record<string, unknown>)[path[path.length - 1]!];
  }
  return wire;
}
