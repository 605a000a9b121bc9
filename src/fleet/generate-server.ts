// Generates one realistic HPE server (hub model + Redfish-shaped details) from a seed and an index, so
// fleets are deterministic: the same OPENCOM_DEMO_SEED gives the same serials, models and states.
import { serverId, type InventoryItem, type Server, type ServerDetails, type ServerHealth } from '../resources/servers/model.ts';
import { formatMicros } from '../store/time.ts';
import { OPERATING_SYSTEMS, PRODUCT_LINES, SITES, type ProductLine } from './catalog.ts';
import { buildDetails } from './generate-details.ts';
import { Random } from './random.ts';

const SERIAL_PREFIXES = ['CZ2', 'CZJ', 'MXQ', '2M2', 'SGH', 'USE'];
const ALNUM = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export interface GeneratedServer {
  server: Server;
  details: ServerDetails;
  line: ProductLine;
}

export interface ServerOverrides {
  productId?: string;
  serialNumber?: string;
  model?: string;
  hostname?: string;
  health?: ServerHealth['summary'];
  powerState?: Server['hardware']['powerState'];
  subscriptionState?: Server['state']['subscriptionState'];
  tags?: Record<string, string>;
  connected?: boolean;
  iloVersion?: string;
  biosVersion?: string;
}

const DAY_MS = 86_400_000;

function at(ms: number): string {
  return formatMicros(BigInt(Math.floor(ms)) * 1000n);
}

export function healthOf(summary: ServerHealth['summary']): ServerHealth {
  const degraded = summary === 'OK' ? 'OK' : summary;
  return {
    summary,
    fans: 'OK',
    fanRedundancy: 'REDUNDANT',
    liquidCooling: 'NOT_PRESENT',
    liquidCoolingRedundancy: 'NOT_PRESENT',
    memory: 'OK',
    network: 'OK',
    powerSupplies: degraded,
    powerSupplyRedundancy: summary === 'OK' ? 'REDUNDANT' : 'FAILED_REDUNDANT',
    processor: 'OK',
    storage: 'OK',
    temperature: 'OK',
    bios: 'OK',
    smartStorage: 'OK',
    healthLED: degraded,
    airFilter: 'NOT_PRESENT',
  };
}

export function firmwareComponents(line: ProductLine, iloVersion: string, biosVersion: string, rng: Random): InventoryItem[] {
  const gen10 = line.ilo === 'iLO 5';
  return [
    { name: line.ilo, version: iloVersion, deviceContext: 'System Board' },
    { name: 'System ROM', version: `${line.biosFamily} v${biosVersion}`, deviceContext: 'System Board' },
    { name: 'Intelligent Platform Abstraction Data', version: gen10 ? '12.4.0 Build 31' : '14.2.0 Build 18', deviceContext: 'System Board' },
    { name: 'System Programmable Logic Device', version: gen10 ? '0x2A' : '0x0F', deviceContext: 'System Board' },
    { name: 'Power Management Controller Firmware', version: gen10 ? '1.0.8' : '1.0.10', deviceContext: 'System Board' },
    { name: 'Server Platform Services (SPS) Firmware', version: gen10 ? '4.1.4.804' : '6.1.4.47', deviceContext: 'System Board' },
    { name: 'Innovation Engine (IE) Firmware', version: gen10 ? '0.2.2.4' : '1.6.12.0', deviceContext: 'System Board' },
    { name: gen10 ? 'HPE Smart Array P408i-a SR Gen10' : 'HPE MR408i-o Gen11', version: gen10 ? `5.${rng.int(0, 3)}1` : `52.26.3-${rng.int(5200, 5300)}`, deviceContext: 'Storage Slot 12' },
    { name: 'HPE Ethernet 10/25Gb 2-port 640SFP28 Adapter', version: `1.${rng.int(20, 33)}.${rng.int(0, 9)}`, deviceContext: 'PCI-E Slot 1' },
    { name: 'Power Supply Firmware', version: `1.00.${rng.int(4, 9)}`, deviceContext: 'Bay 1' },
  ];
}

export function generateServer(seed: number, index: number, workspaceId: string, nowMs: number, overrides: ServerOverrides = {}): GeneratedServer {
  const rng = Random.for(seed, index);
  const line = overrides.model ? (PRODUCT_LINES.find((l) => l.model === overrides.model) ?? rng.weighted(PRODUCT_LINES)) : rng.weighted(PRODUCT_LINES);
  const productId = overrides.productId ?? rng.pick(line.productIds);
  const serialNumber = overrides.serialNumber ?? rng.pick(SERIAL_PREFIXES) + rng.chars(ALNUM, 7);
  const site = rng.pick(SITES);
  const env = rng.weighted([{ v: 'production', weight: 6 }, { v: 'test', weight: 2 }, { v: 'development', weight: 2 }]).v;
  const os = rng.pick(OPERATING_SYSTEMS);
  const cpu = rng.pick(line.processors);
  const sockets = line.formFactor === '1U half width' ? 1 : rng.int(1, 2);
  const dimms = rng.pick([8, 12, 16, 24]);
  const dimmMiB = rng.pick([32768, 65536]);
  const iloVersion = overrides.iloVersion ?? rng.pick(line.iloVersions);
  const biosVersion = overrides.biosVersion ?? rng.pick(line.biosVersions);
  const createdMs = nowMs - rng.int(30, 900) * DAY_MS - rng.int(0, DAY_MS);
  const subscriptionState =
    overrides.subscriptionState ?? rng.weighted([{ v: 'SUBSCRIBED' as const, weight: 85 }, { v: 'EXPIRED' as const, weight: 9 }, { v: 'REQUIRED' as const, weight: 6 }]).v;
  const summary = overrides.health ?? rng.weighted([{ v: 'OK' as const, weight: 86 }, { v: 'WARNING' as const, weight: 10 }, { v: 'CRITICAL' as const, weight: 4 }]).v;
  const powerState = overrides.powerState ?? (rng.chance(0.9) ? 'ON' : 'OFF');
  const connected = overrides.connected ?? rng.chance(0.96);
  const hostname = overrides.hostname ?? `${os.osName.startsWith('VMware') ? 'esx' : os.osName.startsWith('Microsoft') ? 'win' : 'lnx'}-${env.slice(0, 4)}-${String(index + 1).padStart(4, '0')}.${site.city.toLowerCase().replace(' ', '')}.example.net`;
  const ip = `10.${rng.int(16, 31)}.${rng.int(0, 255)}.${rng.int(2, 254)}`;
  const mac = Array.from({ length: 6 }, (_, i) => (i === 0 ? '94' : rng.hex(2))).join(':');
  const connectionType = rng.weighted([{ v: 'DIRECT' as const, weight: 88 }, { v: 'ONEVIEW' as const, weight: 7 }, { v: 'GATEWAY' as const, weight: 5 }]).v;
  const applianceId = connectionType === 'DIRECT' ? null : rng.uuid();
  const inventoryAt = nowMs - rng.int(1, 48) * 3_600_000;
  const fw = firmwareComponents(line, iloVersion, biosVersion, rng);

  const server: Server = {
    id: serverId(productId, serialNumber),
    workspaceId,
    name: serialNumber,
    generation: rng.int(1, 400),
    createdAt: at(createdMs),
    updatedAt: at(inventoryAt),
    platformFamily: line.platformFamily,
    serverGeneration: line.generation,
    maintenanceMode: false,
    hardware: {
      serialNumber,
      model: line.model,
      uuid: rng.uuid(),
      productId,
      manufacturer: 'HPE',
      powerState,
      indicatorLed: rng.chance(0.03) ? 'LIT' : 'OFF',
      health: healthOf(summary),
      platform: line.platform,
      formFactor: line.formFactor,
      memoryMb: dimms * dimmMiB,
      bmc: {
        mac,
        ip,
        hostname: `ilo-${serialNumber.toLowerCase()}.${site.city.toLowerCase().replace(' ', '')}.example.net`,
        license: rng.pick(['iLO Advanced', 'iLO Advanced Premium Security Edition', 'iLO Standard']),
        model: line.ilo,
        version: `${line.ilo} v${iloVersion.split(' ')[0]}`,
        userDefined: null,
      },
    },
    state: {
      managed: true,
      connected,
      connectedModifiedAt: at(inventoryAt - rng.int(1, 90) * DAY_MS),
      subscriptionState,
      subscriptionTier: subscriptionState === 'REQUIRED' ? null : rng.chance(0.7) ? 'ENHANCED' : 'STANDARD',
      subscriptionExpiresAt: subscriptionState === 'REQUIRED' ? null : at(nowMs + (subscriptionState === 'EXPIRED' ? -1 : 1) * rng.int(5, 700) * DAY_MS),
      subscriptionKey: subscriptionState === 'REQUIRED' ? null : rng.chars(ALNUM, 11),
    },
    firmwareInventory: fw,
    softwareInventory: [
      { name: 'HPE Agentless Management Service', version: `3.${rng.int(0, 3)}.0.0`, deviceContext: 'OS' },
      { name: 'Integrated Smart Update Tools', version: `4.${rng.int(3, 6)}.0.0`, deviceContext: 'OS' },
    ],
    firmwareBundleUri: null,
    lastFirmwareUpdate: null,
    tags: overrides.tags ?? { location: site.city, room: rng.pick(site.rooms), rack: `R${rng.int(1, 40)}`, environment: env },
    processorVendor: cpu.vendor,
    biosFamily: line.biosFamily,
    host: { hostname, osName: os.osName, osVersion: os.osVersion, osDescription: os.osDescription, osType: os.osType },
    autoIloFwUpdate: rng.chance(0.7),
    oneview:
      connectionType === 'ONEVIEW'
        ? { applianceUri: `/compute-ops-mgmt/v1beta1/oneview-appliances/${applianceId}`, maintenanceMode: false, name: `${site.city} enclosure 1, bay ${rng.int(1, 12)}`, state: 'Monitored' }
        : null,
    lastFullInventoryCollectionAt: at(inventoryAt),
    lastFullInventoryCollectionPowerState: powerState,
    deviceClaimType: rng.weighted([{ v: 'MANUAL' as const, weight: 6 }, { v: 'ZTP' as const, weight: 3 }, { v: 'MAGICLINK' as const, weight: 1 }]).v,
    connectionType,
    managedBy: null,
    lastServerLogCollectionAt: rng.chance(0.2) ? at(nowMs - rng.int(1, 60) * DAY_MS) : null,
    appliance: {
      applianceId,
      applianceUri: applianceId ? `/compute-ops-mgmt/v1beta1/appliances/${connectionType === 'ONEVIEW' ? 'oneview' : 'gateway'}+${applianceId}` : null,
    },
  };
  const details = buildDetails(server, { rng, line, cpu, sockets, dimms, dimmMiB, inventoryAt: at(inventoryAt), nowMs });
  return { server, details, line };
}
