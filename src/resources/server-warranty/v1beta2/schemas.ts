// server-warranty v1beta2 wire schemas; names and types follow HPE's serverWarranty-v1beta2 and
// serverWarrantyCollection-v1beta2 (which publish no resourceUri).
import { Type, type Static } from '@sinclair/typebox';
import { Collection, ListQuery } from '../../../http/schemas.ts';

export const ServerWarrantyV1beta2 = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: 'UUID given to the resource by the system (not the server id)' }),
    type: Type.String({ description: 'Type of the resource: compute-ops-mgmt/server/warranty' }),
    generation: Type.Integer({ minimum: 1, description: 'Monotonically increasing update counter' }),
    createdAt: Type.String({ format: 'date-time', description: 'Time the warranty record was created' }),
    updatedAt: Type.String({ format: 'date-time', description: 'Time of the last update of the warranty record' }),
    deviceId: Type.String({ description: 'Id of the server (productId+serialNumber) this record belongs to' }),
    supportState: Type.Union([Type.Literal('ACTIVE'), Type.Literal('EXPIRED'), Type.Literal('UNKNOWN')], {
      description: 'Current support status: ACTIVE between start and end date, EXPIRED after it, UNKNOWN without entitlement data',
    }),
    supportStartDate: Type.Optional(Type.String({ format: 'date-time', description: 'Support start date; absent when unknown' })),
    supportEndDate: Type.Optional(Type.String({ format: 'date-time', description: 'Support end date; absent when unknown' })),
    supportLevel: Type.Optional(Type.String({ description: 'Support level of the server, e.g. Warranty; absent when unknown' })),
    contractLevel: Type.Optional(Type.String({ description: 'Contract level of the server, e.g. HPE Warranty; absent when unknown' })),
  },
  { description: 'Warranty and support coverage of one server' },
);
export type ServerWarrantyV1beta2 = Static<typeof ServerWarrantyV1beta2>;

export const ServerWarrantyCollectionV1beta2 = Collection(ServerWarrantyV1beta2, 'Warranty records of the servers of the workspace');

export const WarrantyListQueryV1beta2 = Type.Object({
  ...ListQuery.properties,
  limit: Type.Optional(Type.String({ description: 'Maximum number of items, 0 to 100 (default 100); larger values are clamped' })),
  filter: Type.Optional(
    Type.String({
      description:
        "OData subset: eq, gt, ge, lt, le joined by and, over supportState, supportStartDate and supportEndDate, e.g. supportState eq 'ACTIVE' and supportStartDate le 2024-07-01",
    }),
  ),
});
export type WarrantyListQueryV1beta2 = Static<typeof WarrantyListQueryV1beta2>;

export const IdParams = Type.Object({ id: Type.String({ description: 'Unique identifier (UUID) of the server warranty resource' }) });
