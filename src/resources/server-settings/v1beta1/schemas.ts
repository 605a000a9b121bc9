// server-settings v1beta1 wire schemas: HPE's serverSettingsResponse-v1beta1 / serverSettingsCollection-v1beta1 /
// serverSettingsCreateRequest-v1beta1 / serverSettingsUpdateRequest-v1beta1 (legacy /compute-ops prefix only).
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Collection } from '../../../http/schemas.ts';
import { SERVER_CATEGORIES } from '../../settings/service.ts';

const StringEnum = (values: readonly string[], description: string) => Type.Unsafe<string>({ type: 'string', enum: [...values], description });
const Nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()]);
const Payload = (description: string) => Type.Object({}, { additionalProperties: true, description });

const KEYS = {
  DEFAULT: 'Payload of BIOS, STORAGE, OS, EXTERNAL_STORAGE and ILO settings; its schema follows `category`. Matched ignoring case on input.',
  GEN10: 'FIRMWARE baseline for Gen10 servers: {id} (firmware bundle id)',
  GEN11: 'FIRMWARE baseline for Gen11 servers: {id}',
  GEN12: 'FIRMWARE baseline for Gen12 servers: {id}',
};

function settingsDocument(removable: boolean, description: string) {
  const value = (d: string) => (removable ? Type.Optional(Nullable(Payload(d))) : Type.Optional(Payload(d)));
  return Type.Object({ DEFAULT: value(KEYS.DEFAULT), GEN10: value(KEYS.GEN10), GEN11: value(KEYS.GEN11), GEN12: value(KEYS.GEN12) }, { additionalProperties: true, description });
}

const Name = Type.String({ minLength: 1, maxLength: 100, description: 'Server settings name; unique per category' });
const Description = Nullable(Type.String({ maxLength: 10000, description: 'Server settings description' }));
const Category = StringEnum(SERVER_CATEGORIES, 'The category to which the settings data applies; ILO settings are HPE-defined');
const PlatformFamily = StringEnum(['ANY', 'PROLIANT'], 'Accepted for compatibility; every server setting applies to ANY platform family');

export const ServerSettingCreateV1beta1 = Type.Object(
  {
    name: Name,
    category: Category,
    description: Type.Optional(Description),
    platformFamily: Type.Optional(PlatformFamily),
    settings: Type.Optional(settingsDocument(false, 'Configuration data for the category (FIRMWARE: GEN10/GEN11/GEN12; others: DEFAULT)')),
  },
  { description: 'Server setting' },
);
export type ServerSettingCreateV1beta1 = Static<typeof ServerSettingCreateV1beta1>;

export const ServerSettingPatchV1beta1 = Type.Object(
  {
    name: Type.Optional(Name),
    description: Type.Optional(Description),
    category: Type.Optional(Type.String({ description: 'Immutable: a GET body may be echoed back, but a different category is refused' })),
    settings: Type.Optional(settingsDocument(true, 'JSON merge patch of the configuration data; null removes a key')),
  },
  { description: 'Changes to a server setting (JSON merge patch)' },
);
export type ServerSettingPatchV1beta1 = Static<typeof ServerSettingPatchV1beta1>;

export const ServerSettingV1beta1 = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: 'Server settings identifier' }),
    type: Type.String({ description: 'Type of the resource: compute-ops/server-setting' }),
    name: Name,
    description: Description,
    category: Category,
    platformFamily: PlatformFamily,
    settings: settingsDocument(false, 'Configuration data corresponding to the specified category'),
    generation: Type.Integer({ minimum: 1, description: 'Monotonically increasing update counter' }),
    createdAt: Type.String({ format: 'date-time', description: 'Time of server settings creation' }),
    updatedAt: Type.String({ format: 'date-time', description: 'Time of the last server settings update' }),
    resourceUri: Type.String({ description: 'URI to the server setting itself, /compute-ops/v1beta1/server-settings/{id}' }),
  },
  { description: 'Server setting' },
);
export type ServerSettingV1beta1 = Static<typeof ServerSettingV1beta1>;

export const ServerSettingCollectionV1beta1 = Collection(ServerSettingV1beta1, 'Server settings collection');

export const IdParams = Type.Object({ id: Type.String({ description: 'Server setting id (uuid)' }) });

// Python clients send force=True: any case is accepted (client-compat.md), anything else is a 400.
export const DeleteQuery = Type.Object({
  force: Type.Optional(Type.String({ pattern: '^(?:[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$', description: 'Delete even when groups still use the setting (true/false, default false)' })),
});
