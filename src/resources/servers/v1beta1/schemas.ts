// servers v1beta1, the legacy shape real clients still call (client-compat.md) though the reference no longer
// lists it: the v1beta2 members plus resourceType, selfUri and displayName.
import { Type, type Static } from '@sinclair/typebox';
import { Collection } from '../../../http/schemas.ts';
import { SERVER_V1BETA2_PROPERTIES } from '../v1beta2/schemas.ts';

export const ServerV1beta1 = Type.Object(
  {
    ...SERVER_V1BETA2_PROPERTIES,
    resourceType: Type.String({ description: 'Same as type' }),
    selfUri: Type.String({ description: 'Same as resourceUri' }),
    displayName: Type.String({ description: 'Host name when the server reports one and is subscribed, else the serial number' }),
  },
  { description: 'Server (legacy v1beta1)' },
);
export type ServerV1beta1 = Static<typeof ServerV1beta1>;

export const ServerCollectionV1beta1 = Collection(ServerV1beta1, 'Servers of the workspace');
