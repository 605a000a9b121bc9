// Server write requests, identical in every version (HPE's serverUpdateRequest-v1/-v1beta2 and
// serverCreateRequest-v1/-v1beta2), and their mapping to hub values. The merge-patch body refuses unknown
// members (servers.md §4.1), unlike other bodies, which ignore them (docs/decisions.md).
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { ComError, type Issue } from '../../http/com-error.ts';
import type { ServerPatch } from './model.ts';
import type { RegistrationRequest } from './registration-service.ts';

const Text = (description: string) => Type.Optional(Type.String({ description }));

const UserDefinedPatch = Type.Object(
  {
    host: Text('BMC IP address or host name'),
    username: Text('BMC user name'),
    password: Text('BMC password (write-only)'),
    certificateFingerprint: Text('BMC certificate fingerprint'),
  },
  { additionalProperties: false, description: 'BMC credentials for credential and Secure Gateway connections; merged into the stored ones, null removes them' },
);

export const ServerUpdateRequest = Type.Object(
  {
    // No `default` here (COM's schema says true): a default would turn an absent member into a change.
    autoIloFwUpdate: Type.Optional(Type.Boolean({ description: 'Opt in or out of automatic iLO-only firmware updates' })),
    appliance: Type.Optional(
      Type.Object(
        { applianceId: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'Secure Gateway to connect through; null detaches' })) },
        { additionalProperties: false },
      ),
    ),
    hardware: Type.Optional(
      Type.Union([
        Type.Object(
          { bmc: Type.Optional(Type.Union([Type.Object({ userDefined: Type.Optional(Type.Union([UserDefinedPatch, Type.Null()])) }, { additionalProperties: false }), Type.Null()])) },
          { additionalProperties: false },
        ),
        Type.Null(),
      ]),
    ),
  },
  { additionalProperties: false, description: 'JSON merge patch of a server; unknown members are refused' },
);
export type ServerUpdateRequest = Static<typeof ServerUpdateRequest>;

export const ServerCreateRequest = Type.Object(
  {
    appliance: Type.Optional(Type.Object({ applianceId: Type.String({ description: 'Secure Gateway appliance to reach the BMC through' }) })),
    hardware: Type.Object({
      bmc: Type.Object({
        userDefined: Type.Object(
          {
            host: Type.String({ description: 'BMC IP address or host name' }),
            username: Type.String({ description: 'BMC user name' }),
            password: Type.String({ description: 'BMC password' }),
            certificateFingerprint: Text('BMC certificate fingerprint'),
          },
          { description: 'Credentials COM uses to reach the BMC' },
        ),
      }),
    }),
  },
  { description: 'A server COM reaches with stored BMC credentials, optionally through a Secure Gateway' },
);
export type ServerCreateRequest = Static<typeof ServerCreateRequest>;

export const ServerJobResponse = Type.Object({ jobId: Type.String({ format: 'uuid', description: 'Job that adds the server' }) }, { description: 'serverJobResponse' });

const LIST_QUERY = {
  offset: Type.Optional(Type.String({ description: 'Zero-based resource offset' })),
  limit: Type.Optional(Type.String({ description: 'Maximum number of items, 0 to 100 (default 100); larger values are clamped' })),
  filter: Type.Optional(Type.String({ description: 'OData-style filter; servers are filtered by serial number with name, by host name with host/hostname' })),
};
const Select = Type.Optional(Type.String({ description: 'Comma-separated properties to return; nested with /' }));

export const ServerListQuery = Type.Object(LIST_QUERY);
export const ServerListQueryWithSelect = Type.Object({ ...LIST_QUERY, select: Select });
export const SelectQuery = Type.Object({ select: Select });

export const IdParams = Type.Object({ id: Type.String({ description: 'Server id (<productId>+<serialNumber>); + raw or as %2B' }) });

export const IdsQuery = Type.Object({
  id: Type.Array(Type.String(), { minItems: 1, description: 'Server ids, one id= per server, + sent as %2B' }),
});

/** Hub patch from the wire body; `members` lists what the client wrote, for issue subjects. */
export function toServerPatch(body: ServerUpdateRequest): ServerPatch {
  const patch: ServerPatch = { members: [] };
  if (body.autoIloFwUpdate !== undefined) {
    patch.autoIloFwUpdate = body.autoIloFwUpdate;
    patch.members.push('autoIloFwUpdate');
  }
  if (body.appliance?.applianceId !== undefined) {
    patch.applianceId = body.appliance.applianceId;
    patch.members.push('appliance.applianceId');
  }
  // Merge-patch: a null anywhere on the way to userDefined removes the credentials.
  const bmc = body.hardware === null ? null : body.hardware?.bmc;
  const userDefined = bmc === null ? null : bmc?.userDefined;
  if (userDefined !== undefined) {
    patch.credentials = userDefined && Object.fromEntries(Object.entries(userDefined).filter(([, v]) => v !== undefined));
    patch.members.push('hardware.bmc.userDefined');
  }
  return patch;
}

export function toRegistrationRequest(body: ServerCreateRequest): RegistrationRequest {
  return { credentials: body.hardware.bmc.userDefined, applianceId: body.appliance?.applianceId ?? null };
}

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  anyOf?: SchemaNode[];
  additionalProperties?: unknown;
}

/** Members the schema does not declare, at any depth, as dotted subjects. */
export function unknownMembers(schema: SchemaNode, value: unknown, path = ''): Issue[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const shape = [schema, ...(schema.anyOf ?? [])].find((s) => s.properties);
  if (!shape?.properties || shape.additionalProperties !== false) return [];
  return Object.entries(value).flatMap(([key, member]) => {
    const sub = Object.hasOwn(shape.properties!, key) ? shape.properties![key] : undefined;
    if (!sub) return [{ source: 'field' as const, subject: `${path}${key}`, description: 'is not a member of serverUpdateRequest' }];
    return unknownMembers(sub, member, `${path}${key}.`);
  });
}

/** preValidation hook: refuses unknown members before validation would silently drop them. */
export function refuseUnknownMembers(schema: TSchema) {
  return async (request: FastifyRequest): Promise<void> => {
    const issues = unknownMembers(schema as SchemaNode, request.body);
    if (issues.length) throw ComError.badRequest(issues);
  };
}
