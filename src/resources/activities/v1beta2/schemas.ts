// activities v1beta2 wire schemas. Names and types follow HPE's activity-v1beta2 and
// activityCollection-v1beta2, plus the members real clients read and filter (activities.md §2, "additional").
import { Type, type Static } from '@sinclair/typebox';
import { Collection } from '../../../http/schemas.ts';

const NullableString = (description: string) => Type.Union([Type.String(), Type.Null()], { description });

export const ActivityV1beta2 = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: 'Primary identifier for the activity given by the system' }),
    type: Type.String({ description: 'Type of the resource: compute-ops-mgmt/activity' }),
    resourceUri: Type.String({ description: 'Root-relative URI of this activity (legacy)' }),
    generation: Type.Integer({ minimum: 1, description: 'Monotonically increasing update counter' }),
    createdAt: Type.String({ format: 'date-time', description: 'Time of activity creation' }),
    updatedAt: Type.String({ format: 'date-time', description: 'Time of the last activity update' }),
    title: Type.String({ description: 'Short headline, in the negotiated language' }),
    key: Type.String({ description: 'Machine event key, e.g. SERVER_JOB_FW_UPDATE_COMPLETED' }),
    message: Type.String({ description: 'Text in the negotiated language; may span lines ("<headline>\\n\\n<label>: <detail>")' }),
    recommendedAction: NullableString('What the user should do, in the negotiated language'),
    source: Type.Object(
      {
        id: Type.String({ description: 'The opaque identifier of the resource that caused the activity' }),
        type: Type.String({ description: 'The type of the resource that caused the activity, e.g. Server, Group, Job' }),
        name: Type.String({ description: 'Name given to the resource' }),
        displayName: Type.String({ description: 'Deprecated: same as name' }),
        originId: Type.Optional(Type.String({ description: 'Deprecated' })),
        resourceUri: Type.Optional(Type.String({ description: 'Deprecated: root-relative URI of the source' })),
      },
      { description: 'Reference to the resource that caused this activity' },
    ),
    associatedServerUri: NullableString('URI of the server the activity concerns'),
    associatedServerId: NullableString('Id of the server the activity concerns'),
    groupId: NullableString('Id of the group the activity concerns'),
    groupDisplayName: NullableString('Name of the group the activity concerns'),
    healthState: NullableString('Health the activity reports, e.g. OK, WARNING, CRITICAL'),
    serverSettingsId: NullableString('Id of the server setting the activity concerns'),
    serverSettingsName: NullableString('Name of the server setting the activity concerns'),
    serverSettingsCategory: NullableString('Category of the server setting the activity concerns'),
    hidden: Type.Boolean({ description: 'Whether the console hides this activity' }),
  },
  { description: 'An entry of the activity (audit/event) feed' },
);
export type ActivityV1beta2 = Static<typeof ActivityV1beta2>;

export const ActivityCollectionV1beta2 = Collection(ActivityV1beta2, 'Activity collection');

export const ActivityListQueryV1beta2 = Type.Object({
  groups: Type.Optional(
    Type.String({
      description:
        'Number (1 to 10) of groups of activities to return: back-to-back activities with the same key, each shown as one item. Unrelated to the groups resource.',
    }),
  ),
  offset: Type.Optional(Type.String({ description: 'Zero-based resource offset' })),
  limit: Type.Optional(Type.String({ description: 'Maximum number of items (0 to 1000, default 100); larger values are clamped' })),
  filter: Type.Optional(Type.String({ description: 'OData-style filter expression' })),
  select: Type.Optional(Type.String({ description: 'Comma-separated properties to return' })),
  sort: Type.Optional(Type.String({ description: 'Comma-separated properties, each optionally followed by asc or desc; default createdAt desc' })),
});
export type ActivityListQueryV1beta2 = Static<typeof ActivityListQueryV1beta2>;

export const ActivityHeadersV1beta2 = Type.Object({
  'accept-language': Type.Optional(Type.String({ description: 'en or ja, with q-weights; anything else gets English' })),
});
