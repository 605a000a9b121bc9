// user-preferences v1 ⇄ hub. v1 shows every choice, so the mapping is one to one.
import { resourceUri, typeName, type ApiScope } from '../../../http/api-scope.ts';
import { defineListSpec } from '../../../query/list-spec.ts';
import { COMMON_LIST_PROPERTIES } from '../repository.ts';
import type { NotificationChoices, UserPreference } from '../model.ts';
import type { UserPreferenceRequestV1, UserPreferenceV1 } from './schemas.ts';

export function toV1(p: UserPreference, scope: ApiScope): UserPreferenceV1 {
  return {
    id: p.id,
    type: typeName(scope, 'user-preference'),
    resourceUri: resourceUri(scope, `user-preferences/${p.id}`),
    generation: p.generation,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    criticalNotification: p.criticalNotification,
    criticalNonServiceNotification: p.criticalNonServiceNotification,
    warningNotification: p.warningNotification,
    healthNotification: p.healthNotification,
    powerResetNotification: p.powerResetNotification,
    disconnectNotification: p.disconnectNotification,
  };
}

/** POST and PUT carry the full set of choices: an omitted optional choice is off (user-preferences.md §4.4). */
export function fromV1(body: UserPreferenceRequestV1): NotificationChoices {
  return {
    criticalNotification: body.criticalNotification,
    criticalNonServiceNotification: body.criticalNonServiceNotification ?? false,
    warningNotification: body.warningNotification ?? false,
    healthNotification: body.healthNotification ?? false,
    powerResetNotification: body.powerResetNotification ?? false,
    disconnectNotification: body.disconnectNotification ?? null,
  };
}

/** v1 filter/sort names → columns: every field v1 shows. The collection is 0 or 1 item, but the grammar is the shared one. */
export const listSpecV1 = defineListSpec({
  idColumn: 'id',
  limit: { max: 1000, default: 100 },
  properties: {
    ...COMMON_LIST_PROPERTIES,
    powerResetNotification: { column: 'power_reset_notification', type: 'boolean' },
    disconnectNotification: { column: 'disconnect_notification', type: 'integer' },
  },
});
