// Rows ⇄ model for firmware bundles. The catalogue is HPE's and the same for every workspace, so these tables
// are global: they carry no workspace_id and no query filters by one (docs/decisions.md, firmware-bundles).
import { listPage, type ListRequest } from '../../query/list-query.ts';
import type { ListSpec } from '../../query/list-spec.ts';
import { parseJson, parseJsonOrNull } from '../../store/json.ts';
import type { Db } from '../../store/store.ts';
import type { Page } from '../list-envelope.ts';
import type { BundleComponent, BundleGeneration, BundleNameFormat, BundleType, ComponentCategory, FirmwareBundle, FirmwareBundleHead } from './model.ts';

interface BundleRow {
  id: string;
  generation: number | string;
  name: string;
  description: string;
  created_at: string;
  updated_at: string;
  release_date: string;
  summary: string;
  bundle_type: string;
  platform_family: string;
  base_bundle_id: string | null;
  release_version: string;
  enhancements: string;
  advisories: string;
  supported_os_list: unknown;
  is_active: boolean | number;
  release_notes: string;
  support_url: string;
  display_name: string;
  vmware_addon_info: unknown;
  bundle_name_format: string;
  bundle_generation: string;
}

interface ComponentRow {
  name: string;
  version: string;
  category: string;
  device_context: string;
  target: string;
  component_file: string;
  description: string;
}

export const BUNDLE_COLUMNS = [
  'id',
  'generation',
  'name',
  'description',
  'created_at',
  'updated_at',
  'release_date',
  'summary',
  'bundle_type',
  'platform_family',
  'base_bundle_id',
  'release_version',
  'enhancements',
  'advisories',
  'supported_os_list',
  'is_active',
  'release_notes',
  'support_url',
  'display_name',
  'vmware_addon_info',
  'bundle_name_format',
  'bundle_generation',
] as const;
const BUNDLE_COLUMN_LIST = BUNDLE_COLUMNS.join(', ');

export const COMPONENT_COLUMNS = ['bundle_id', 'position', 'name', 'version', 'category', 'device_context', 'target', 'component_file', 'description'] as const;

/** The stored values of a bundle, in BUNDLE_COLUMNS order. */
export function bundleRow(b: FirmwareBundleHead): unknown[] {
  return [
    b.id,
    b.generation,
    b.name,
    b.description,
    b.createdAt,
    b.updatedAt,
    b.releaseDate,
    b.summary,
    b.bundleType,
    b.platformFamily,
    b.baseBundleId,
    b.releaseVersion,
    b.enhancements,
    b.advisories,
    b.supportedOsList,
    b.isActive,
    b.releaseNotes,
    b.supportUrl,
    b.displayName,
    b.vmwareAddonInfo,
    b.bundleNameFormat,
    b.bundleGeneration,
  ];
}

/** The stored values of a bundle's components, in COMPONENT_COLUMNS order; position keeps the bundle's order. */
export function componentRows(b: FirmwareBundle): unknown[][] {
  return b.components.map((c, i) => [b.id, i, c.name, c.version, c.category, c.deviceContext, c.target, c.componentFile, c.description]);
}

function fromRow(r: BundleRow): FirmwareBundleHead {
  return {
    id: r.id,
    generation: Number(r.generation),
    name: r.name,
    description: r.description,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    releaseDate: r.release_date,
    summary: r.summary,
    bundleType: r.bundle_type as BundleType,
    platformFamily: 'PROLIANT',
    baseBundleId: r.base_bundle_id,
    releaseVersion: r.release_version,
    enhancements: r.enhancements,
    advisories: r.advisories,
    supportedOsList: parseJson<string[]>(r.supported_os_list),
    isActive: Boolean(r.is_active),
    releaseNotes: r.release_notes,
    supportUrl: r.support_url,
    displayName: r.display_name,
    vmwareAddonInfo: parseJsonOrNull<Record<string, string>[]>(r.vmware_addon_info),
    bundleNameFormat: r.bundle_name_format as BundleNameFormat,
    bundleGeneration: r.bundle_generation as BundleGeneration,
  };
}

function componentFromRow(r: ComponentRow): BundleComponent {
  return {
    name: r.name,
    version: r.version,
    category: r.category as ComponentCategory,
    deviceContext: r.device_context,
    target: r.target,
    componentFile: r.component_file,
    description: r.description,
  };
}

export async function findBundleHead(db: Db, id: string): Promise<FirmwareBundleHead | undefined> {
  const row = await db.get<BundleRow>(`SELECT ${BUNDLE_COLUMN_LIST} FROM firmware_bundles WHERE id = ?`, [id]);
  return row && fromRow(row);
}

export async function findBundleWithComponents(db: Db, id: string): Promise<FirmwareBundle | undefined> {
  const head = await findBundleHead(db, id);
  if (!head) return undefined;
  const rows = await db.all<ComponentRow>(
    `SELECT ${COMPONENT_COLUMNS.slice(2).join(', ')} FROM firmware_bundle_components WHERE bundle_id = ? ORDER BY position`,
    [id],
  );
  return { ...head, components: rows.map(componentFromRow) };
}

export type { ListRequest } from '../../query/list-query.ts';

export async function listBundles(db: Db, request: ListRequest, spec: ListSpec): Promise<Page<FirmwareBundleHead>> {
  return listPage(db, { from: 'firmware_bundles', columns: BUNDLE_COLUMN_LIST, spec }, request, fromRow);
}
