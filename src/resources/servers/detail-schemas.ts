// Wire schemas of a server's sub-resources (servers.md §5.3–§5.10). v1 and v1beta2 publish them with the same
// members (HPE's inventory-v1/-v1beta2, rawInventory-*, securityParametersResponse-*, tor-port-mappings-*,
// serverVolumeDetailsResponse-*, analyzeOsInstallResponse-*), so both versions use these; download-logs is v1 only.
import { Type } from '@sinclair/typebox';
import { Collection } from '../../http/schemas.ts';
import { EXTERNAL_STORAGE_HOST_OSES, INVENTORY_CATEGORIES } from './model.ts';
import { DateTime, Nullable, StringEnum } from './v1/schemas.ts';

/** Redfish-derived records are returned as stored (PascalCase keys, client-compat.md). */
const Record_ = Type.Object({}, { additionalProperties: true, description: 'Redfish-derived record' });

const Category = Type.Object({
  collectionState: Nullable(Type.String(), 'State of the collection of this category'),
  modified: Nullable(DateTime(), 'Last change of this category'),
  data: Nullable(Type.Array(Record_)),
});

export const Inventory = Type.Object(
  {
    id: Type.String({ description: 'Server id' }),
    type: Type.String({ description: 'compute-ops-mgmt/server/inventory' }),
    serial: Type.String(),
    productId: Type.String(),
    lastFullInventoryCollectionAt: Nullable(DateTime()),
    lastFullInventoryCollectionPowerState: Type.String(),
    ...Object.fromEntries(INVENTORY_CATEGORIES.map((c) => [c, Category])),
    smartUpdateToolInventory: Type.Object({ modified: Nullable(DateTime()), data: Nullable(Type.Array(Record_)) }),
  },
  { description: 'Full server inventory' },
);

export const InventoryTemplate = Type.Object(
  {},
  {
    additionalProperties: true,
    description:
      'Sparse template of the categories and attributes wanted, e.g. {"processor":{"data":[{"model":null}]}}; keys match ignoring case, a null leaf selects the whole value, {} returns everything',
  },
);

export const InventorySubset = Type.Object({}, { additionalProperties: true, description: 'The inventory projected onto the template' });

export const FormatQuery = Type.Object({ format: Type.String({ pattern: '^[Jj][Ss][Oo][Nn]$', description: 'Response format; only json' }) });

export const RawInventory = Type.Object(
  {
    id: Type.String(),
    type: Type.String({ description: 'compute-ops-mgmt/server/raw-inventory' }),
    serial: Type.String(),
    productId: Type.String(),
    firmwareInventory: Type.Array(Record_),
    softwareInventory: Type.Array(Record_),
    pciDevices: Type.Array(Record_),
    storageInventory: Record_,
    smartUpdateTool: Record_,
  },
  { description: 'Raw inventory (deprecated; use /inventory)' },
);

const SECURITY_STATUSES = ['OK', 'RISK', 'IGNORE'] as const;

export const SecurityParameters = Type.Object(
  {
    id: Type.String(),
    type: Type.String({ description: 'compute-ops-mgmt/server/security-parameter' }),
    resourceUri: Type.String(),
    overallSecurityStatus: StringEnum(SECURITY_STATUSES, 'RISK when any parameter not ignored is at risk'),
    iloSecurityParams: Nullable(
      Type.Array(
        Type.Object({
          id: Type.String(),
          name: Type.String(),
          description: Type.String(),
          recommendedAction: Type.String(),
          securityStatus: StringEnum(SECURITY_STATUSES),
          state: StringEnum(['DISABLED', 'ENABLED', 'FAILED', 'INSUFFICIENT', 'OFF', 'OK', 'REPAIRED', 'TRUE', 'FALSE'] as const),
          ignore: Type.Boolean(),
        }),
      ),
    ),
  },
  { description: 'iLO security parameters' },
);

const Nullables = (values: readonly string[]) => Type.Unsafe<string | null>({ type: ['string', 'null'], enum: [...values, null] });

export const TorPortMapping = Type.Object({
  id: Type.String({ format: 'uuid' }),
  type: Type.String({ description: 'compute-ops-mgmt/server/tor-port-mapping' }),
  generation: Type.Integer({ minimum: 1 }),
  createdAt: DateTime(),
  updatedAt: DateTime(),
  serverId: Type.String(),
  portMac: Type.String(),
  clientState: Nullables(['ONLINE', 'OFFLINE', 'UNKNOWN']),
  portLastConnectedAt: DateTime(),
  portConnectivityState: Nullables(['CURRENT', 'CACHED', 'UNDETERMINED', 'NOMAPPING']),
  switchPortAdminState: Nullables(['UP', 'DOWN', 'UNKNOWN']),
  switchPortLinkStatus: Nullables(['UP', 'DOWN', 'UNKNOWN']),
  switchPort: Type.String(),
  switchPortSpeed: Type.String(),
  switchPortNativeVlan: Type.String(),
  switchPortVlans: Type.String(),
  switchName: Type.String(),
  switchModel: Type.String(),
  switchSerialNumber: Type.String(),
  switchSite: Type.String(),
  switchGroupName: Type.String(),
  switchFwVersion: Type.String(),
  switchIpAddress: Type.String(),
  switchStatus: Nullables(['UP', 'DOWN', 'UNKNOWN']),
});

export const TorPortMappingCollection = Collection(TorPortMapping, 'Adapter-port to top-of-rack switch-port mappings');

export const PagingQuery = Type.Object({
  offset: Type.Optional(Type.String({ description: 'Zero-based resource offset' })),
  limit: Type.Optional(Type.String({ description: 'Maximum number of items, 0 to 100 (default 100); larger values are clamped' })),
});


export const ServerVolumeDetails = Type.Object(
  {
    serverId: Type.String({ description: 'Server id' }),
    createdAt: DateTime('When the details were gathered'),
    updatedAt: DateTime(),
    generation: Type.Integer({ minimum: 1 }),
    hostName: Type.String({ description: 'Host name in Data Services Cloud Console' }),
    hostOs: StringEnum(EXTERNAL_STORAGE_HOST_OSES),
    hostGroups: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
    volumeDetails: Type.Array(Type.Object({ lun: Type.Integer(), name: Type.String() })),
  },
  { description: 'External storage details, gathered by the "Server External Storage Details" job' },
);

export const DownloadLogs = Type.Object(
  {
    id: Type.String(),
    type: Type.String({ description: 'compute-ops-mgmt/server/download-logs' }),
    downloadUrl: Type.String({ format: 'uri', description: 'Confidential link to the zip of the last collected logs; valid for 10 minutes' }),
    expiresAt: DateTime('When the link stops working'),
  },
  { description: 'downloadLogsResponse' },
);

export const AnalyzeOsInstall = Type.Object(
  { serverHasStorageVolume: Type.Boolean({ description: 'True when the server has a logical volume an OS can be installed on' }) },
  { description: 'analyzeOsInstallResponse' },
);

export const LogArchiveParams = Type.Object({ id: Type.String(), file: Type.String() });
