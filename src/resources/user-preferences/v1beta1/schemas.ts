// user-preferences v1beta1 wire schemas (HPE's userPreferences*-v1beta1): the v1 object without
// powerResetNotification and disconnectNotification.
import { Type, type Static } from '@sinclair/typebox';
import { Collection } from '../../../http/schemas.ts';

export const UserPreferenceRequestV1beta1 = Type.Object(
  {
    criticalNotification: Type.Boolean({ description: 'E-mail for service events.' }),
    criticalNonServiceNotification: Type.Optional(Type.Boolean({ description: 'Also e-mail critical non-service events; requires criticalNotification.' })),
    warningNotification: Type.Optional(Type.Boolean({ description: 'Also e-mail warning events; requires criticalNonServiceNotification.' })),
    healthNotification: Type.Optional(Type.Boolean({ description: 'Daily server health summary e-mail.' })),
  },
  { additionalProperties: false, description: 'User preferences; omitted optional choices are off' },
);
export type UserPreferenceRequestV1beta1 = Static<typeof UserPreferenceRequestV1beta1>;

export const UserPreferenceV1beta1 = Type.Object(
  {
    id: Type.String({ description: 'Unique user preference identifier' }),
    type: Type.String({ description: 'The type of the resource: compute-ops-mgmt/user-preference' }),
    resourceUri: Type.String({ description: 'Root-relative URI of this object' }),
    generation: Type.Integer({ minimum: 1, description: 'Monotonically increasing update counter' }),
    createdAt: Type.String({ format: 'date-time', description: 'Time of preferences creation' }),
    updatedAt: Type.String({ format: 'date-time', description: 'Time of the last preferences update' }),
    criticalNotification: Type.Boolean(),
    criticalNonServiceNotification: Type.Boolean(),
    warningNotification: Type.Boolean(),
    healthNotification: Type.Boolean(),
  },
  { description: 'User preferences' },
);
export type UserPreferenceV1beta1 = Static<typeof UserPreferenceV1beta1>;

export const UserPreferenceCollectionV1beta1 = Collection(UserPreferenceV1beta1, "The caller's user preferences (0 or 1 item)");
