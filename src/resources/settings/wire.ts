// Wire schemas settings v1 and v1beta1 share (HPE's settings*-v1 and -v1beta1 have the same members; the
// versions differ only inside payloads, which the hub validates per category). Each version's schemas.ts
// instantiates them with its own descriptions.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Collection } from '../../http/schemas.ts';
import { SETTING_CATEGORIES } from './model.ts';

/** A string restricted to listed values, published as a plain `enum` (not anyOf of constants). */
export const StringEnum = (values: readonly string[], description: string) => Type.Unsafe<string>({ type: 'string', enum: [...values], description });

const KEY_DOCS = {
  DEFAULT: 'Payload of every category except FIRMWARE; its schema follows `category` (BIOS, STORAGE, OS, EXTERNAL_STORAGE, ILO, ILO_SETTINGS, OVE_*). The key is matched ignoring case on input.',
  GEN10: 'FIRMWARE baseline for Gen10 servers: {id (firmware bundle id), componentExclusionsEnabled, componentExclusions}',
  GEN11: 'FIRMWARE baseline for Gen11 servers',
  GEN12: 'FIRMWARE baseline for Gen12 servers',
};

const Payload = (description: string) => Type.Object({}, { additionalProperties: true, description });
const Nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()]);

function settingsDocument(removable: boolean, description: string) {
  const value = (d: string) => (removable ? Type.Optional(Nullable(Payload(d))) : Type.Optional(Payload(d)));
  return Type.Object(
    { DEFAULT: value(KEY_DOCS.DEFAULT), GEN10: value(KEY_DOCS.GEN10), GEN11: value(KEY_DOCS.GEN11), GEN12: value(KEY_DOCS.GEN12) },
    { additionalProperties: true, description },
  );
}

const Name = Type.String({ minLength: 1, maxLength: 100, description: 'The display name for the setting; unique per category' });
const Description = Nullable(Type.String({ maxLength: 10000, description: 'The description for the setting' }));
const CATEGORY_DOC =
  'The category to which the settings data applies. ILO settings are HPE-defined; ILO_SETTINGS holds user-defined iLO settings as current clients send them.';

export const SettingCreateBody = Type.Object(
  {
    name: Name,
    category: StringEnum(SETTING_CATEGORIES, CATEGORY_DOC),
    description: Type.Optional(Description),
    settings: Type.Optional(settingsDocument(false, 'Configuration data for the category (FIRMWARE: GEN10/GEN11/GEN12; others: DEFAULT)')),
  },
  { description: 'Device setting' },
);
export type SettingCreateBody = Static<typeof SettingCreateBody>;

export const SettingPatchBody = Type.Object(
  {
    name: Type.Optional(Name),
    description: Type.Optional(Description),
    category: Type.Optional(Type.String({ description: 'Immutable: a GET body may be echoed back, but a different category is refused' })),
    settings: Type.Optional(settingsDocument(true, 'JSON merge patch of the configuration data; null removes a key (e.g. GEN10)')),
  },
  { description: 'Changes to a device setting (JSON merge patch)' },
);
export type SettingPatchBody = Static<typeof SettingPatchBody>;

export function settingResponse(version: string) {
  return Type.Object(
    {
      id: Type.String({ format: 'uuid', description: 'Primary identifier for the setting given by the system' }),
      type: Type.String({ description: 'Type of the resource: compute-ops-mgmt/setting' }),
      name: Name,
      description: Description,
      category: StringEnum(SETTING_CATEGORIES, CATEGORY_DOC),
      settings: settingsDocument(false, 'Configuration data corresponding to the specified category'),
      generation: Type.Integer({ minimum: 1, description: 'Monotonically increasing update counter' }),
      createdAt: Type.String({ format: 'date-time', description: 'Time of settings creation' }),
      updatedAt: Type.String({ format: 'date-time', description: 'Time of the last settings update' }),
      resourceUri: Type.String({ description: `URI to the setting itself, e.g. /compute-ops-mgmt/${version}/settings/{id}` }),
    },
    { description: 'Device setting' },
  );
}

export interface SettingWire {
  id: string;
  type: string;
  name: string;
  description: string | null;
  category: string;
  settings: Record<string, unknown>;
  generation: number;
  createdAt: string;
  updatedAt: string;
  resourceUri: string;
}

export const settingCollection = (item: TSchema) => Collection(item, 'Device settings collection');

export const IdParams = Type.Object({ id: Type.String({ description: 'Setting id (uuid)' }) });

// Python clients send force=True: any case is accepted (client-compat.md), anything else is a 400.
export const DeleteQuery = Type.Object({
  force: Type.Optional(Type.String({ pattern: '^(?:[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$', description: 'Delete even when groups still use the setting (true/false, default false)' })),
});
export type DeleteQuery = Static<typeof DeleteQuery>;
