// servers v1beta1 ⇄ hub. The legacy shape is the v1beta2 content plus three members old clients read; the
// extras come from the hub, not from the v1beta2 object. displayName follows the COM console (host name,
// else serial number) but never reveals the gated host of an unsubscribed server.
import type { ApiScope } from '../../../http/api-scope.ts';
import { defineListSpec } from '../../../query/list-spec.ts';
import { isSubscribed, type Server } from '../model.ts';
import { COMMON_LIST_PROPERTIES } from '../repository.ts';
import { toV1beta2 } from '../v1beta2/mapper.ts';
import type { ServerV1beta1 } from './schemas.ts';

export function toV1beta1(s: Server, scope: ApiScope): ServerV1beta1 {
  const wire = toV1beta2(s, scope);
  const displayName = (isSubscribed(s) && s.host?.hostname) || s.name;
  return { ...wire, resourceType: wire.type, selfUri: wire.resourceUri, displayName };
}

/** The v1beta2 filter names. */
export const listSpecV1beta1 = defineListSpec({ idColumn: 'id', defaultSort: 'createdAt', limit: { max: 100, default: 100 }, properties: COMMON_LIST_PROPERTIES });
