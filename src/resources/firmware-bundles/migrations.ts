// The global firmware bundle catalogue tables, and the migration that loads HPE's catalogue into them.
// Append-only. The load migration is named after the catalogue's content, so a changed catalogue (a new SPP)
// is a new migration that replaces the old contents; an unchanged one never runs twice. (Going back to an
// earlier catalogue would reuse a recorded id: ship such a change with a new entry instead of a revert.)
import { createHash } from 'node:crypto';
import { insertStatements } from '../../store/sql-literal.ts';
import type { Migration } from '../../store/store.ts';
import { FIRMWARE_CATALOGUE } from './catalogue/catalogue.ts';
import type { FirmwareBundle } from './model.ts';
import { BUNDLE_COLUMNS, bundleRow, COMPONENT_COLUMNS, componentRows } from './repository.ts';

/** Replaces the stored catalogue with `catalogue`; its id changes whenever the catalogue does. */
export function catalogueMigration(catalogue: readonly FirmwareBundle[] = FIRMWARE_CATALOGUE): Migration {
  const bundles = catalogue.map(bundleRow);
  const components = catalogue.flatMap(componentRows);
  const digest = createHash('sha256').update(JSON.stringify([bundles, components])).digest('hex').slice(0, 12);
  return {
    id: `firmware-bundles-catalogue-${digest}`,
    up: () => [
      'DELETE FROM firmware_bundle_components',
      'DELETE FROM firmware_bundles',
      ...insertStatements('firmware_bundles', BUNDLE_COLUMNS, bundles, 25),
      ...insertStatements('firmware_bundle_components', COMPONENT_COLUMNS, components),
    ],
  };
}

export const firmwareBundleMigrations: Migration[] = [
  {
    id: 'firmware-bundles-001',
    up: (t) => [
      `CREATE TABLE firmware_bundles (
        id ${t.text} PRIMARY KEY,
        generation ${t.int} NOT NULL,
        name ${t.text} NOT NULL,
        description ${t.text} NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        updated_at ${t.timestamp} NOT NULL,
        release_date ${t.text} NOT NULL,
        summary ${t.text} NOT NULL,
        bundle_type ${t.text} NOT NULL,
        platform_family ${t.text} NOT NULL,
        base_bundle_id ${t.text},
        release_version ${t.text} NOT NULL,
        enhancements ${t.text} NOT NULL,
        advisories ${t.text} NOT NULL,
        supported_os_list ${t.json} NOT NULL,
        is_active ${t.bool} NOT NULL,
        release_notes ${t.text} NOT NULL,
        support_url ${t.text} NOT NULL,
        display_name ${t.text} NOT NULL,
        vmware_addon_info ${t.json},
        bundle_name_format ${t.text} NOT NULL,
        bundle_generation ${t.text} NOT NULL,
        UNIQUE (bundle_generation, release_version)
      )`,
      // Lists default to the newest first.
      `CREATE INDEX firmware_bundles_release ON firmware_bundles (release_date, id)`,
      `CREATE TABLE firmware_bundle_components (
        bundle_id ${t.text} NOT NULL REFERENCES firmware_bundles(id) ON DELETE CASCADE,
        position ${t.int} NOT NULL,
        name ${t.text} NOT NULL,
        version ${t.text} NOT NULL,
        category ${t.text} NOT NULL,
        device_context ${t.text} NOT NULL,
        target ${t.text} NOT NULL,
        component_file ${t.text} NOT NULL,
        description ${t.text} NOT NULL,
        PRIMARY KEY (bundle_id, position)
      )`,
    ],
  },
  catalogueMigration(),
];
