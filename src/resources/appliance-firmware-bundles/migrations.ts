// The global appliance firmware bundle table, and the migration that loads HPE's catalogue into it.
// Append-only. The load migration is named after the catalogue's content, so a changed catalogue (a new
// OneView release) is a new migration that replaces the old contents; an unchanged one never runs twice.
import { createHash } from 'node:crypto';
import { insertStatements } from '../../store/sql-literal.ts';
import type { Migration } from '../../store/store.ts';
import { APPLIANCE_CATALOGUE } from './catalogue.ts';
import { APPLIANCE_BUNDLE_COLUMNS, applianceBundleRow } from './repository.ts';

function catalogueMigration(): Migration {
  const rows = APPLIANCE_CATALOGUE.map(applianceBundleRow);
  const digest = createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 12);
  return {
    id: `appliance-firmware-bundles-catalogue-${digest}`,
    up: () => ['DELETE FROM appliance_firmware_bundles', ...insertStatements('appliance_firmware_bundles', APPLIANCE_BUNDLE_COLUMNS, rows)],
  };
}

export const applianceFirmwareBundleMigrations: Migration[] = [
  {
    id: 'appliance-firmware-bundles-001',
    up: (t) => [
      `CREATE TABLE appliance_firmware_bundles (
        id ${t.text} PRIMARY KEY,
        name ${t.text} NOT NULL,
        appliance_version ${t.text} NOT NULL,
        appliance_type ${t.text} NOT NULL,
        release_date ${t.text} NOT NULL,
        milestone ${t.bool} NOT NULL,
        state ${t.text} NOT NULL,
        rda_bundle_path ${t.text} NOT NULL,
        ova_file_name ${t.text} NOT NULL,
        size ${t.bigint} NOT NULL,
        release_notes ${t.text} NOT NULL,
        synergy_release_info ${t.text} NOT NULL,
        languages ${t.json} NOT NULL,
        features ${t.json} NOT NULL,
        supported_upgrades ${t.json} NOT NULL,
        created_at ${t.timestamp} NOT NULL,
        updated_at ${t.timestamp} NOT NULL,
        UNIQUE (appliance_type, appliance_version)
      )`,
    ],
  },
  catalogueMigration(),
];
