// user-preferences v1 wire schemas: they validate requests, type the handlers, whitelist responses and
// generate /openapi.json. Names and types follow HPE's userPreferences*-v1 schemas.
import { Type, type Static } from '@sinclair/typebox';
import { Collection, ErrorResponse } from '../../../http/schemas.ts';

const see = ' Each server\'s own notification settings (/compute-ops-mgmt/v1/servers/{id}/notifications) start from this default.';

const Disconnect = Type.Union([Type.Integer({ minimum: 1, maximum: 3 }), Type.Null()], {
  description: 'Hours (1 to 3) a server must stay disconnected or not monitored before an e-mail is sent; null disables it.' + see,
});

export const UserPreferenceRequestV1 = Type.Object(
  {
    criticalNotification: Type.Boolean({ description: 'E-mail for service events.' + see }),
    criticalNonServiceNotification: Type.Optional(Type.Boolean({ description: 'Also e-mail critical events that are not service events; requires criticalNotification.' })),
    warningNotification: Type.Optional(Type.Boolean({ description: 'Also e-mail warning events; requires criticalNonServiceNotification.' })),
    healthNotification: Type.Optional(Type.Boolean({ description: 'Daily server health summary e-mail.' })),
    powerResetNotification: Type.Optional(Type.Boolean({ description: 'E-mail on out-of-band power operations.' })),
    disconnectNotification: Type.Optional(Disconnect),
  },
  { additionalProperties: false, description: 'User preferences; omitted optional choices are off' },
);
export type UserPreferenceRequestV1 = Static<typeof UserPreferenceRequestV1>;

export const UserPreferenceV1 = Type.Object(
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
    powerResetNotification: Type.Boolean(),
    disconnectNotification: Disconnect,
  },
  { description: 'User preferences' },
);
export type UserPreferenceV1 = Static<typeof UserPreferenceV1>;

export const UserPreferenceCollectionV1 = Collection(UserPreferenceV1, 'The caller\'s user preferences (0 or 1 item)');

const EmailList = Type.Optional(Type.Union([Type.Array(Type.String()), Type.Null()], { description: 'User e-mails' }));

export const SubscribeRequestV1 = Type.Object(
  {
    recipients: Type.Object(
      { all: EmailList, critical: EmailList, health: EmailList, powerReset: EmailList, disconnect: EmailList },
      { additionalProperties: false, description: 'Users to turn notifications on for, per kind; `all` covers every kind' },
    ),
    requestData: Type.Object(
      {
        criticalNotification: Type.Optional(Type.Boolean()),
        criticalNonServiceNotification: Type.Optional(Type.Boolean()),
        warningNotification: Type.Optional(Type.Boolean()),
        healthNotification: Type.Optional(Type.Boolean()),
        powerResetNotification: Type.Optional(Type.Boolean()),
        disconnectNotification: Type.Optional(Disconnect),
      },
      { additionalProperties: false, description: 'The choices to turn on; false or absent leaves a choice as it is' },
    ),
  },
  { additionalProperties: false },
);
export type SubscribeRequestV1 = Static<typeof SubscribeRequestV1>;

export const UnsubscribeRequestV1 = Type.Object(
  { all: EmailList, critical: EmailList, health: EmailList, powerReset: EmailList, disconnect: EmailList },
  { additionalProperties: false, description: 'Users to turn notifications off for, per kind; `all` turns every choice off' },
);
export type UnsubscribeRequestV1 = Static<typeof UnsubscribeRequestV1>;

export const SubscribeResponseV1 = Type.Object(
  {
    successCount: Type.Integer(),
    errorCount: Type.Integer(),
    successes: Type.Array(UserPreferenceV1),
    errors: Type.Array(ErrorResponse),
  },
  { description: 'Per-user outcome of subscribe or unsubscribe' },
);

export const IdParams = Type.Object({ id: Type.String({ description: 'User preference id' }) });
