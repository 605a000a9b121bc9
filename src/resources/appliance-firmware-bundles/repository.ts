// Rows ⇄ model for appliance firmware bundles. The catalogue is HPE's and the same for every workspace, so the
// table is global: it carries no workspace_id and no query filters by one (docs/decisions.md).
import { listPage, type ListRequest } from '../../query/list-query.ts';
import type { ListSpec } from '../../query/list-spec.ts';
import { parseJson } from '../../store/json.ts';
import type { Db } from '../../store/store.ts';
import type { Page } from '../list-envelope.ts';
import type { ApplianceBundleState, ApplianceFirmwareBundle, ApplianceType } from './model.ts';

interface ApplianceBundleRow {
  id: string;
  name: string;
  appliance_version: string;
  appliance_type: string;
  release_date: string;
  milestone: boolean | number;
  state: string;
  rda_bundle_path: string;
  ova_file_name: string;
  size: number | string;
  release_notes: string;
  synergy_release_info: string;
  languages: unknown;
  features: unknown;
  supported_upgrades: unknown;
  created_at: string;
  updated_at: string;
}

export const APPLIANCE_BUNDLE_COLUMNS = [
  'id',
  'name',
  'appliance_version',
  'appliance_type',
  'release_date',
  'milestone',
  'state',
  'rda_bundle_path',
  'ova_file_name',
  'size',
  'release_notes',
  'synergy_release_info',
  'languages',
  'features',
  'supported_upgrades',
  'created_at',
  'updated_at',
] as const;
const COLUMN_LIST = APPLIANCE_BUNDLE_COLUMNS.join(', ');

/** The stored values of a bundle, in APPLIANCE_BUNDLE_COLUMNS order. */
export function applianceBundleRow(b: ApplianceFirmwareBundle): unknown[] {
  return [
    b.id,
    b.name,
    b.applianceVersion,
    b.applianceType,
    b.releaseDate,
    b.milestone,
    b.state,
    b.rdaBundlePath,
    b.ovaFileName,
    b.size,
    b.releaseNotes,
    b.synergyReleaseInfo,
    b.languages,
    b.features,
    b.supportedUpgrades,
    b.createdAt,
    b.updatedAt,
  ];
}

function fromRow(r: ApplianceBundleRow): ApplianceFirmwareBundle {
  return {
    id: r.id,
    name: r.name,
    applianceVersion: r.appliance_version,
    applianceType: r.appliance_type as ApplianceType,
    releaseDate: r.release_date,
    milestone: Boolean(r.milestone),
    state: r.state as ApplianceBundleState,
    rdaBundlePath: r.rda_bundle_path,
    ovaFileName: r.ova_file_name,
    size: Number(r.size),
    releaseNotes: r.release_notes,
    synergyReleaseInfo: r.synergy_release_info,
    languages: parseJson<string[]>(r.languages),
    features: parseJson<string[]>(r.features),
    supportedUpgrades: parseJson<string[]>(r.supported_upgrades),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function findApplianceBundle(db: Db, id: string): Promise<ApplianceFirmwareBundle | undefined> {
  const row = await db.get<ApplianceBundleRow>(`SELECT ${COLUMN_LIST} FROM appliance_firmware_bundles WHERE id = ?`, [id]);
  return row && fromRow(row);
}

export type { ListRequest } from '../../query/list-query.ts';

export async function listApplianceBundles(db: Db, request: ListRequest, spec: ListSpec): Promise<Page<ApplianceFirmwareBundle>> {
  return listPage(db, { from: 'appliance_firmware_bundles', columns: COLUMN_LIST, spec }, request, fromRow);
}
