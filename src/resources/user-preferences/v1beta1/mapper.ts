// user-preferences v1beta1 ⇄ hub. v1beta1 cannot see powerResetNotification or disconnectNotification,
// so a write through it keeps what is stored for them (style.md §1.1: an older version never erases a newer field).
import { resourceUri, typeName, type ApiScope } from '../../../http/api-scope.ts';
import { defineListSpec } from '../../../query/list-spec.ts';
import { COMMON_LIST_PROPERTIES } from '../repository.ts';
import { ALL_OFF, type NotificationChoices, type UserPreference } from '../model.ts';
import type { UserPreferenceRequestV1beta1, UserPreferenceV1beta1 } from './schemas.ts';

export function toV1beta1(p: UserPreference, scope: ApiScope): UserPreferenceV1beta1 {
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
  };
}

/** `current` is the stored object (PUT) or undefined (POST, where the hidden choices start off). */
export function fromV1beta1(body: UserPreferenceRequestV1beta1, current?: NotificationChoices): NotificationChoices {
  return {
    criticalNotification: body.criticalNotification,
    criticalNonServiceNotification: body.criticalNonServiceNotification ?? false,
    warningNotification: body.warningNotification ?? false,
    healthNotification: body.healthNotification ?? false,
    powerResetNotification: (current ?? ALL_OFF).powerResetNotification,
    disconnectNotification: (current ?? ALL_OFF).disconnectNotification,
  };
}

/** v1beta1 filter/sort names: the fields v1beta1 shows, nothing it hides. */
export const listSpecV1beta1 = defineListSpec({ idColumn: 'id', limit: { max: 1000, default: 100 }, properties: COMMON_LIST_PROPERTIES });
