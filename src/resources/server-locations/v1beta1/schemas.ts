// server-locations v1beta1 wire schemas; names and types follow HPE's serverLocationResponse-v1beta1 and
// assignServerLocationRequest-v1beta1.
import { Type, type Static } from '@sinclair/typebox';

const ServerIds = (description: string) =>
  Type.Array(Type.String({ minLength: 1, maxLength: 200, description: 'Server id: productId+serialNumber' }), { minItems: 1, description });

export const ServerLocationV1beta1 = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: 'Unique server-location identifier: the HPE GreenLake location id' }),
    type: Type.String({ description: 'The type of the resource: compute-ops-mgmt/server-location' }),
    generation: Type.Integer({ minimum: 1, description: 'Monotonically increasing update counter; +1 on each change of the bound servers' }),
    createdAt: Type.String({ format: 'date-time', description: "Time of the server-location's creation in UTC" }),
    updatedAt: Type.String({ format: 'date-time', description: "Time of the server-location's last update in UTC" }),
    resourceUri: Type.String({ format: 'uri-reference', description: 'The URI of this resource' }),
    servers: Type.Array(Type.String(), {
      description: 'Ids of the servers assigned to the location, directly managed and OneView-managed alike, in id order',
    }),
  },
  { description: 'Server location' },
);
export type ServerLocationV1beta1 = Static<typeof ServerLocationV1beta1>;

export const AssignServerLocationRequestV1beta1 = Type.Object(
  { servers: ServerIds('Ids of the OneView-managed servers to assign the location to; each leaves any previous location') },
  { additionalProperties: false, description: 'Location assignment request body' },
);
export type AssignServerLocationRequestV1beta1 = Static<typeof AssignServerLocationRequestV1beta1>;

export const RemoveServerLocationQueryV1beta1 = Type.Object({
  id: ServerIds('Ids of the OneView-managed servers to remove from the location; repeat the parameter, encode + as %2B'),
});
export type RemoveServerLocationQueryV1beta1 = Static<typeof RemoveServerLocationQueryV1beta1>;

export const LocationParams = Type.Object({ location_id: Type.String({ description: 'ID of the location in HPE GreenLake (UUID)' }) });

// No content: COM documents the 202 by description only (type null makes the OpenAPI response content-free).
export const Accepted = Type.Unsafe<undefined>({ type: 'null', description: 'Accepted; the change is already applied when the answer is sent' });
