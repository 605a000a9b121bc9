// activities v1beta2 ⇄ hub. Activities are read-only, so there is only toV1beta2: it picks the negotiated
// language and derives every URI from the request's prefix.
import { resourceUri, typeName, type ApiScope } from '../../../http/api-scope.ts';
import { defineListSpec } from '../../../query/list-spec.ts';
import { groupTitle } from '../messages.ts';
import type { Activity, ActivityGroup, Language } from '../model.ts';
import type { UriBases } from '../repository.ts';
import type { ActivityV1beta2 } from './schemas.ts';

/** Servers are linked at v1, the version clients fetch them with (activities.md §2 example). */
export function uriBases(scope: ApiScope): UriBases {
  return {
    self: `${resourceUri(scope, 'activities')}/`,
    server: `/${scope.prefix}/v1/servers/`,
    root: `/${scope.prefix}/`,
  };
}

export function toV1beta2(a: Activity, scope: ApiScope, language: Language): ActivityV1beta2 {
  const bases = uriBases(scope);
  const text = a.text[language];
  return {
    id: a.id,
    type: typeName(scope, 'activity'),
    resourceUri: bases.self + a.id,
    generation: a.generation,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    title: text.title,
    key: a.key,
    message: text.message,
    recommendedAction: text.recommendedAction,
    source: {
      id: a.source.id,
      type: a.source.type,
      name: a.source.name,
      displayName: a.source.name,
      ...(a.source.originId === null ? {} : { originId: a.source.originId }),
      ...(a.source.resourcePath === null ? {} : { resourceUri: bases.root + a.source.resourcePath }),
    },
    associatedServerUri: a.associatedServerId === null ? null : bases.server + a.associatedServerId,
    associatedServerId: a.associatedServerId,
    groupId: a.groupId,
    groupDisplayName: a.groupDisplayName,
    healthState: a.healthState,
    serverSettingsId: a.serverSettingsId,
    serverSettingsName: a.serverSettingsName,
    serverSettingsCategory: a.serverSettingsCategory,
    hidden: a.hidden,
  };
}

/** A run of activities is its newest member, titled with the run's size when it has more than one. */
export function groupToV1beta2(g: ActivityGroup, scope: ApiScope, language: Language): ActivityV1beta2 {
  const item = toV1beta2(g.newest, scope, language);
  return g.size > 1 ? { ...item, title: groupTitle(g.newest.key, language, g.size, item.title) } : item;
}

/** Legacy scripts sort with `createdAt:desc`; COM's syntax is `createdAt desc` (activities.md §1). */
export function normalizeSort(sort: string | undefined): string | undefined {
  return sort?.replace(/([A-Za-z0-9_/]+):(asc|desc)\b/gi, '$1 $2');
}

const text = (column: string) => ({ column, type: 'string' as const });

/** The filterable properties activities.md §1 lists, deprecated ones included; all sortable. */
export const listSpecV1beta2 = defineListSpec({
  idColumn: 'id',
  defaultSort: 'createdAt desc',
  limit: { max: 1000, default: 100 },
  properties: {
    associatedServerId: text('associated_server_id'),
    associatedServerUri: text('associated_server_uri'),
    createdAt: { column: 'created_at', type: 'timestamp' },
    groupId: text('group_id'),
    groupDisplayName: text('group_display_name'),
    healthState: text('health_state'),
    hidden: { column: 'hidden', type: 'boolean' },
    id: text('id'),
    key: text('activity_key'),
    resourceUri: text('resource_uri'),
    serverSettingsCategory: text('server_settings_category'),
    serverSettingsId: text('server_settings_id'),
    serverSettingsName: text('server_settings_name'),
    'source/id': text('source_id'),
    'source/type': text('source_type'),
    'source/resourceUri': text('source_resource_uri'),
    'source/displayName': text('source_name'),
    'source/originId': text('source_origin_id'),
  },
});
