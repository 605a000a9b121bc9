// The bundle properties lists filter and sort on, by the hub's names; each version publishes those it shows,
// under its own names. COM documents no filter for these lists, but clients filter by releaseVersion,
// bundleGeneration and isActive, so the general COM rules apply (firmware-bundles.md §2).
import { defineListSpec, type ListSpec, type PropertyDef } from '../../query/list-spec.ts';
import { BUNDLE_GENERATIONS, BUNDLE_NAME_FORMATS, BUNDLE_TYPES, PLATFORM_FAMILIES } from './model.ts';

export const BUNDLE_PROPERTIES = {
  id: { column: 'id', type: 'string' },
  generation: { column: 'generation', type: 'integer' },
  name: { column: 'name', type: 'string' },
  description: { column: 'description', type: 'string' },
  createdAt: { column: 'created_at', type: 'timestamp' },
  updatedAt: { column: 'updated_at', type: 'timestamp' },
  releaseDate: { column: 'release_date', type: 'date' },
  summary: { column: 'summary', type: 'string' },
  bundleType: { column: 'bundle_type', type: 'enum', values: BUNDLE_TYPES },
  platformFamily: { column: 'platform_family', type: 'enum', values: PLATFORM_FAMILIES },
  releaseVersion: { column: 'release_version', type: 'string' },
  enhancements: { column: 'enhancements', type: 'string' },
  advisories: { column: 'advisories', type: 'string' },
  supportedOsList: { json: 'supported_os_list', sortable: false },
  isActive: { column: 'is_active', type: 'boolean' },
  releaseNotes: { column: 'release_notes', type: 'string' },
  supportUrl: { column: 'support_url', type: 'string' },
  displayName: { column: 'display_name', type: 'string' },
  bundleNameFormat: { column: 'bundle_name_format', type: 'enum', values: BUNDLE_NAME_FORMATS },
  bundleGeneration: { column: 'bundle_generation', type: 'enum', values: BUNDLE_GENERATIONS },
} as const satisfies Record<string, PropertyDef>;

const { description: _d, platformFamily: _p, displayName: _n, ...beta } = BUNDLE_PROPERTIES;

/** What v1beta2 and v1beta1 show, so filter and sort on: every property but description, platformFamily and displayName. */
export const BETA_BUNDLE_PROPERTIES = beta;

/** A version's list contract over the properties it shows, under its names. */
export function bundleListSpec(properties: Readonly<Record<string, PropertyDef>>): ListSpec {
  return defineListSpec({
    idColumn: 'id',
    // Newest first (firmware-bundles.md §2, inferred default).
    defaultSort: 'releaseDate desc',
    // Clients never page this list and expect the whole catalogue (client-compat.md, Paging).
    limit: { max: 1000, default: 1000 },
    properties,
  });
}
