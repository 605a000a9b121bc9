// servers v1 notification schemas (HPE's notificationsResponse-v1, notificationsRequest-v1,
// notificationsOnBehalfRequest-v1): one user's e-mail choices for one server (servers.md §5.11).
import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from './schemas.ts';

const Flag = (description: string) => Type.Optional(Nullable(Type.Boolean(), `${description}; null or absent is off`));
const Disconnect = Type.Optional(
  Nullable(Type.Integer({ minimum: 1, maximum: 3 }), 'Hours (1 to 3) a server may stay disconnected or unmonitored before an e-mail; null is off'),
);

const REQUEST_PROPERTIES = {
  criticalNotification: Type.Boolean({ description: 'E-mail for service events' }),
  criticalNonServiceNotification: Flag('Also critical non-service events; requires criticalNotification'),
  warningNotification: Flag('Also warning events; requires criticalNonServiceNotification'),
  healthNotification: Flag('Daily health summary'),
  powerResetNotification: Flag('Out-of-band power operations'),
  disconnectNotification: Disconnect,
};

export const NotificationsRequestV1 = Type.Object(REQUEST_PROPERTIES, { additionalProperties: false, description: "The caller's choices for this server" });
export type NotificationsRequestV1 = Static<typeof NotificationsRequestV1>;

export const NotificationsOnBehalfRequestV1 = Type.Object(
  {
    data: Type.Object(REQUEST_PROPERTIES, { additionalProperties: false, description: 'The choices every recipient gets for this server' }),
    recipients: Type.Array(Type.String(), { minItems: 1, description: 'E-mails of workspace members' }),
  },
  { additionalProperties: false },
);
export type NotificationsOnBehalfRequestV1 = Static<typeof NotificationsOnBehalfRequestV1>;

export const NotificationsResponseV1 = Type.Object(
  {
    serverId: Type.String(),
    criticalNotification: Type.Boolean(),
    criticalNonServiceNotification: Nullable(Type.Boolean()),
    warningNotification: Nullable(Type.Boolean()),
    healthNotification: Nullable(Type.Boolean()),
    powerResetNotification: Nullable(Type.Boolean()),
    disconnectNotification: Nullable(Type.Integer({ minimum: 1, maximum: 3 })),
  },
  { description: 'E-mail choices of a user for a server' },
);
export type NotificationsResponseV1 = Static<typeof NotificationsResponseV1>;
