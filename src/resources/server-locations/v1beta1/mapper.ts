// server-locations v1beta1 ⇄ hub. The published resource is the binding only: name and address stay inside.
import { resourceUri, typeName, type ApiScope } from '../../../http/api-scope.ts';
import type { ServerLocation } from '../model.ts';
import type { AssignServerLocationRequestV1beta1, RemoveServerLocationQueryV1beta1, ServerLocationV1beta1 } from './schemas.ts';

export function toV1beta1(l: ServerLocation, scope: ApiScope): ServerLocationV1beta1 {
  return {
    id: l.id,
    type: typeName(scope, 'server-location'),
    generation: l.generation,
    createdAt: l.createdAt,
    updatedAt: l.updatedAt,
    resourceUri: resourceUri(scope, `server-locations/${l.id}`),
    servers: l.servers,
  };
}

export function fromAssignV1beta1(body: AssignServerLocationRequestV1beta1): string[] {
  return body.servers;
}

/**
 * Server ids never contain whitespace, so a space in a query value can only be a `+` the client did not
 * encode (form decoding turns it into a space): it is read back as `+` (client-compat.md, query strings).
 */
export function fromRemoveQueryV1beta1(query: RemoveServerLocationQueryV1beta1): string[] {
  return query.id.map((id) => id.replace(/ /g, '+'));
}
