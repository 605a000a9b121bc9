// What appliance firmware bundle lists filter and sort on. COM documents applianceVersion and applianceType
// as filterable; every other scalar the bundle shows filters and sorts too (firmware-bundles.md §3, inferred).
import { defineListSpec } from '../../query/list-spec.ts';
import { QueryError } from '../../query/query-error.ts';
import { APPLIANCE_BUNDLE_STATES, APPLIANCE_TYPES } from './model.ts';

/** Both published versions show the same fields under the same names, so they share one list contract. */
export const applianceBundleListSpec = defineListSpec({
  idColumn: 'id',
  defaultSort: 'releaseDate desc',
  // Clients never page and expect every bundle (client-compat.md, Paging); COM caps the list at 1000.
  limit: { max: 1000, default: 1000 },
  properties: {
    id: { column: 'id', type: 'string' },
    name: { column: 'name', type: 'string' },
    applianceVersion: { column: 'appliance_version', type: 'string' },
    applianceType: { column: 'appliance_type', type: 'enum', values: APPLIANCE_TYPES },
    releaseDate: { column: 'release_date', type: 'date' },
    milestone: { column: 'milestone', type: 'boolean' },
    state: { column: 'state', type: 'enum', values: APPLIANCE_BUNDLE_STATES },
    rdaBundlePath: { column: 'rda_bundle_path', type: 'string' },
    ovaFileName: { column: 'ova_file_name', type: 'string' },
    size: { column: 'size', type: 'integer' },
    releaseNotes: { column: 'release_notes', type: 'string' },
    synergyReleaseInfo: { column: 'synergy_release_info', type: 'string' },
    languages: { json: 'languages', sortable: false },
    features: { json: 'features', sortable: false },
    supportedUpgrades: { json: 'supported_upgrades', sortable: false },
    createdAt: { column: 'created_at', type: 'timestamp' },
    updatedAt: { column: 'updated_at', type: 'timestamp' },
  },
});

/** `displayAppliances`: true or false in any case (clients send True/False too); absent is false. */
export function parseDisplayAppliances(text: string | undefined): boolean {
  if (text === undefined || text === '') return false;
  const value = text.trim().toLowerCase();
  if (value !== 'true' && value !== 'false') throw new QueryError('displayAppliances', `displayAppliances must be true or false, not '${text}'`);
  return value === 'true';
}
