// Rows ⇄ model for servers and their details. Every query takes the workspace first. Nested objects are
// JSON columns; the hot filter fields are also written to plain indexed columns on every save.
import { runListQuery, type ListRequest } from '../../query/list-query.ts';
import type { ListSpec, PropertyDef } from '../../query/list-spec.ts';
import { parseJson, parseJsonOrNull } from '../../store/json.ts';
import type { Db } from '../../store/store.ts';
import type { Page } from '../list-envelope.ts';
import {
  HEALTH_STATES,
  PLATFORM_FAMILIES,
  POWER_STATES,
  SUBSCRIPTION_STATES,
  SUBSCRIPTION_TIERS,
  type BmcCredentials,
  type Server,
  type ServerDetails,
} from './model.ts';

export const SERVER_COLUMNS = [
  'workspace_id',
  'id',
  'name',
  'product_id',
  'serial_number',
  'generation',
  'created_at',
  'updated_at',
  'platform_family',
  'server_generation',
  'maintenance_mode',
  'hardware',
  'state',
  'firmware_inventory',
  'software_inventory',
  'firmware_bundle_uri',
  'last_firmware_update',
  'tags',
  'processor_vendor',
  'bios_family',
  'host',
  'auto_ilo_fw_update',
  'oneview',
  'last_full_inventory_collection_at',
  'last_full_inventory_collection_power_state',
  'device_claim_type',
  'connection_type',
  'managed_by',
  'last_server_log_collection_at',
  'appliance',
  'power_state',
  'health_summary',
  'model',
  'hostname',
  'subscription_state',
  'connected',
  'subscription_tier',
  'bmc_password',
] as const;

type ServerRow = Record<(typeof SERVER_COLUMNS)[number], unknown>;

/** The hardware document as stored: the BMC password lives in its own column (servers-002). */
function storedHardware(h: Server['hardware']): Server['hardware'] {
  const creds = h.bmc?.userDefined;
  if (!h.bmc || !creds) return h;
  const { password: _password, ...rest } = creds;
  return { ...h, bmc: { ...h.bmc, userDefined: rest as BmcCredentials } };
}

export function toRow(s: Server): unknown[] {
  return [
    s.workspaceId,
    s.id,
    s.name,
    s.hardware.productId,
    s.hardware.serialNumber,
    s.generation,
    s.createdAt,
    s.updatedAt,
    s.platformFamily,
    s.serverGeneration,
    s.maintenanceMode,
    storedHardware(s.hardware),
    s.state,
    s.firmwareInventory,
    s.softwareInventory,
    s.firmwareBundleUri,
    s.lastFirmwareUpdate,
    s.tags,
    s.processorVendor,
    s.biosFamily,
    s.host,
    s.autoIloFwUpdate,
    s.oneview,
    s.lastFullInventoryCollectionAt,
    s.lastFullInventoryCollectionPowerState,
    s.deviceClaimType,
    s.connectionType,
    s.managedBy,
    s.lastServerLogCollectionAt,
    s.appliance,
    s.hardware.powerState,
    s.hardware.health?.summary ?? null,
    s.hardware.model,
    s.host?.hostname ?? null,
    s.state.subscriptionState,
    s.state.connected,
    s.state.subscriptionTier,
    s.hardware.bmc?.userDefined?.password ?? null,
  ];
}

function loadedHardware(r: ServerRow): Server['hardware'] {
  const hardware = parseJson<Server['hardware']>(r.hardware);
  const creds = hardware.bmc?.userDefined;
  if (creds) creds.password = (r.bmc_password as string | null) ?? creds.password ?? '';
  return hardware;
}

export function fromRow(r: ServerRow): Server {
  return {
    id: r.id as string,
    workspaceId: r.workspace_id as string,
    name: r.name as string,
    generation: Number(r.generation),
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
    platformFamily: r.platform_family as Server['platformFamily'],
    serverGeneration: r.server_generation as Server['serverGeneration'],
    maintenanceMode: Boolean(r.maintenance_mode),
    hardware: loadedHardware(r),
    state: parseJson(r.state),
    firmwareInventory: parseJsonOrNull(r.firmware_inventory),
    softwareInventory: parseJsonOrNull(r.software_inventory),
    firmwareBundleUri: r.firmware_bundle_uri as string | null,
    lastFirmwareUpdate: parseJsonOrNull(r.last_firmware_update),
    tags: parseJsonOrNull(r.tags),
    processorVendor: r.processor_vendor as string | null,
    biosFamily: r.bios_family as string | null,
    host: parseJsonOrNull(r.host),
    autoIloFwUpdate: Boolean(r.auto_ilo_fw_update),
    oneview: parseJsonOrNull(r.oneview),
    lastFullInventoryCollectionAt: r.last_full_inventory_collection_at as string | null,
    lastFullInventoryCollectionPowerState: r.last_full_inventory_collection_power_state as string,
    deviceClaimType: r.device_claim_type as Server['deviceClaimType'],
    connectionType: r.connection_type as Server['connectionType'],
    managedBy: r.managed_by as string | null,
    lastServerLogCollectionAt: r.last_server_log_collection_at as string | null,
    appliance: parseJsonOrNull(r.appliance),
  };
}

const COLUMN_LIST = SERVER_COLUMNS.join(', ');
const PLACEHOLDERS = SERVER_COLUMNS.map(() => '?').join(', ');
const UPDATE_SET = SERVER_COLUMNS.filter((c) => c !== 'workspace_id' && c !== 'id' && c !== 'created_at')
  .map((c) => `${c} = ?`)
  .join(', ');

export async function insertServers(db: Db, servers: readonly Server[]): Promise<void> {
  // Multi-row inserts keep a 100,000-server fleet load to seconds on both databases.
  const batch = db.dialect === 'postgres' ? 200 : 1;
  for (let i = 0; i < servers.length; i += batch) {
    const chunk = servers.slice(i, i + batch);
    await db.run(`INSERT INTO servers (${COLUMN_LIST}) VALUES ${chunk.map(() => `(${PLACEHOLDERS})`).join(', ')}`, chunk.flatMap(toRow));
  }
}

export async function findServer(db: Db, workspaceId: string, id: string): Promise<Server | undefined> {
  const row = await db.get<ServerRow>(`SELECT ${COLUMN_LIST} FROM servers WHERE workspace_id = ? AND id = ?`, [workspaceId, id]);
  return row && fromRow(row);
}

export async function findServers(db: Db, workspaceId: string, ids: readonly string[]): Promise<Map<string, Server>> {
  const found = new Map<string, Server>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await db.all<ServerRow>(
      `SELECT ${COLUMN_LIST} FROM servers WHERE workspace_id = ? AND id IN (${chunk.map(() => '?').join(', ')})`,
      [workspaceId, ...chunk],
    );
    for (const r of rows) found.set(r.id as string, fromRow(r));
  }
  return found;
}

/** Saves a changed server if nobody changed it since `expectedGeneration`; false when somebody did. */
export async function updateServer(db: Db, s: Server, expectedGeneration: number): Promise<boolean> {
  const values = toRow(s).filter((_, i) => !['workspace_id', 'id', 'created_at'].includes(SERVER_COLUMNS[i]!));
  const { changes } = await db.run(`UPDATE servers SET ${UPDATE_SET} WHERE workspace_id = ? AND id = ? AND generation = ?`, [
    ...values,
    s.workspaceId,
    s.id,
    expectedGeneration,
  ]);
  return changes === 1;
}

export async function deleteServer(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const { changes } = await db.run('DELETE FROM servers WHERE workspace_id = ? AND id = ?', [workspaceId, id]);
  return changes === 1;
}

export async function countServers(db: Db, workspaceId: string): Promise<number> {
  const row = await db.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM servers WHERE workspace_id = ?', [workspaceId]);
  return Number(row?.n ?? 0);
}

/**
 * Filterable wire paths every server version lists (conventions §6.4), and their columns: the hot fields
 * are plain indexed columns, resolved before the JSON document that holds the rest of their object.
 */
export const COMMON_LIST_PROPERTIES: Readonly<Record<string, PropertyDef>> = {
  id: { column: 'id', type: 'string' },
  name: { column: 'name', type: 'string' },
  createdAt: { column: 'created_at', type: 'timestamp' },
  resourceUri: { column: 'resource_uri', type: 'string' },
  platformFamily: { column: 'platform_family', type: 'enum', values: PLATFORM_FAMILIES },
  biosFamily: { column: 'bios_family', type: 'string' },
  processorVendor: { column: 'processor_vendor', type: 'string' },
  firmwareBundleUri: { column: 'firmware_bundle_uri', type: 'string' },
  hardware: { json: 'hardware' },
  'hardware/powerState': { column: 'power_state', type: 'enum', values: POWER_STATES },
  'hardware/health/summary': { column: 'health_summary', type: 'enum', values: HEALTH_STATES },
  'hardware/model': { column: 'model', type: 'string' },
  'hardware/serialNumber': { column: 'serial_number', type: 'string' },
  'hardware/productId': { column: 'product_id', type: 'string' },
  host: { json: 'host' },
  'host/hostname': { column: 'hostname', type: 'string' },
  oneview: { json: 'oneview' },
  state: { json: 'state' },
  'state/subscriptionState': { column: 'subscription_state', type: 'enum', values: SUBSCRIPTION_STATES },
  'state/subscriptionTier': { column: 'subscription_tier', type: 'enum', values: SUBSCRIPTION_TIERS },
  'state/connected': { column: 'connected', type: 'boolean' },
};

/** Server lists declare no `sort` (servers.md §3.1): the order is the list spec's default. */
export type { ListRequest } from '../../query/list-query.ts';

/**
 * One page of a workspace's servers. `resourceUri` is filterable but never stored, so it is computed for
 * the request's prefix and version (`base`, e.g. `/compute-ops-mgmt/v1/servers/`) in a subquery the
 * databases flatten, keeping the indexes usable.
 */
function listQuery(workspaceId: string, request: ListRequest, spec: ListSpec, base: string, columns: string, dialect: Db['dialect']) {
  const uri = dialect === 'postgres' ? '(CAST(? AS TEXT) || id) COLLATE "C"' : '(? || id)';
  return {
    from: { sql: `(SELECT ${COLUMN_LIST}, ${uri} AS resource_uri FROM servers WHERE workspace_id = ?) AS s`, params: [base, workspaceId] },
    columns,
    spec,
    filter: request.filter,
    offset: request.offset,
    limit: request.limit,
  };
}

export async function listServers(db: Db, workspaceId: string, request: ListRequest, spec: ListSpec, base: string): Promise<Page<Server>> {
  const page = await runListQuery<ServerRow>(db, listQuery(workspaceId, request, spec, base, COLUMN_LIST, db.dialect));
  return { items: page.rows.map(fromRow), offset: page.offset, total: page.total };
}

/** One page of the same list as ids and generations only: what the render cache needs to answer from memory. */
export async function listServerVersions(
  db: Db,
  workspaceId: string,
  request: ListRequest,
  spec: ListSpec,
  base: string,
): Promise<Page<{ id: string; generation: number }>> {
  const page = await runListQuery<{ id: string; generation: number }>(db, listQuery(workspaceId, request, spec, base, 'id, generation', db.dialect));
  return { items: page.rows.map((r) => ({ id: r.id, generation: Number(r.generation) })), offset: page.offset, total: page.total };
}

interface DetailsRow {
  inventory: unknown;
  security_parameters: unknown;
  tor_port_mappings: unknown;
  external_storage: unknown;
  has_storage_volume: unknown;
}

/** What a device seed needs of a server's stored details: its NICs, storage controllers, switch mappings and security choices. */
export interface DeviceFacts {
  networkAdapters: Record<string, unknown>[];
  storageControllers: Record<string, unknown>[];
  torPortMappings: ServerDetails['torPortMappings'];
  securityParameters: ServerDetails['securityParameters'];
}

/**
 * The parts of a server's details a simulated device starts from, extracted in SQL: the whole inventory
 * document is ~13 KB per server and parsing it made creating a thousand devices take a tenth of a second.
 */
export async function findDeviceFacts(db: Db, workspaceId: string, serverId: string): Promise<DeviceFacts | undefined> {
  const part = (path: string) => (db.dialect === 'postgres' ? `inventory #> '{${path.split('.').join(',')}}'` : `json_extract(inventory, '$.${path}')`);
  const r = await db.get<{ nics: unknown; storage: unknown; security_parameters: unknown; tor_port_mappings: unknown }>(
    `SELECT ${part('networkAdapter.data')} AS nics, ${part('storage.data')} AS storage, security_parameters, tor_port_mappings
       FROM server_details WHERE workspace_id = ? AND server_id = ?`,
    [workspaceId, serverId],
  );
  return (
    r && {
      networkAdapters: parseJsonOrNull<Record<string, unknown>[]>(r.nics) ?? [],
      storageControllers: parseJsonOrNull<Record<string, unknown>[]>(r.storage) ?? [],
      torPortMappings: parseJson(r.tor_port_mappings),
      securityParameters: parseJson(r.security_parameters),
    }
  );
}

export async function findDetails(db: Db, workspaceId: string, serverId: string): Promise<ServerDetails | undefined> {
  const r = await db.get<DetailsRow>(
    'SELECT inventory, security_parameters, tor_port_mappings, external_storage, has_storage_volume FROM server_details WHERE workspace_id = ? AND server_id = ?',
    [workspaceId, serverId],
  );
  return (
    r && {
      inventory: parseJson(r.inventory),
      securityParameters: parseJson(r.security_parameters),
      torPortMappings: parseJson(r.tor_port_mappings),
      externalStorage: parseJsonOrNull(r.external_storage),
      hasStorageVolume: Boolean(r.has_storage_volume),
    }
  );
}

export async function saveDetails(db: Db, workspaceId: string, serverId: string, d: ServerDetails): Promise<void> {
  await db.run(
    `INSERT INTO server_details (workspace_id, server_id, inventory, security_parameters, tor_port_mappings, external_storage, has_storage_volume)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (workspace_id, server_id) DO UPDATE SET inventory = excluded.inventory,
       security_parameters = excluded.security_parameters, tor_port_mappings = excluded.tor_port_mappings,
       external_storage = excluded.external_storage, has_storage_volume = excluded.has_storage_volume`,
    [workspaceId, serverId, d.inventory, d.securityParameters, d.torPortMappings, d.externalStorage, d.hasStorageVolume],
  );
}

const DETAIL_COLUMNS = { securityParameters: 'security_parameters', torPortMappings: 'tor_port_mappings', externalStorage: 'external_storage' } as const;

/**
 * Saves one of a server's documents and leaves the others as stored, so jobs that each read one part of a device
 * never undo each other; `initial` fills a row that does not exist yet.
 */
export async function saveDetailsPart<K extends keyof typeof DETAIL_COLUMNS>(db: Db, workspaceId: string, serverId: string, part: K, value: ServerDetails[K], initial: ServerDetails): Promise<void> {
  const d = { ...initial, [part]: value };
  const column = DETAIL_COLUMNS[part];
  await db.run(
    `INSERT INTO server_details (workspace_id, server_id, inventory, security_parameters, tor_port_mappings, external_storage, has_storage_volume)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (workspace_id, server_id) DO UPDATE SET ${column} = excluded.${column}`,
    [workspaceId, serverId, d.inventory, d.securityParameters, d.torPortMappings, d.externalStorage, d.hasStorageVolume],
  );
}
