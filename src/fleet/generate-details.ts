// The heavier per-server documents: Redfish-shaped inventory (PascalCase keys, as clients read them —
// client-compat.md), iLO security parameters and switch-port mappings.
import type { InventoryCategoryData, SecurityParameter, Server, ServerDetails, ServerInventory, TorPortMapping } from '../resources/servers/model.ts';
import { DIMM_PARTS, type ProductLine } from './catalog.ts';
import type { Random } from './random.ts';

interface DetailInput {
  rng: Random;
  line: ProductLine;
  cpu: ProductLine['processors'][number];
  sockets: number;
  dimms: number;
  dimmMiB: number;
  inventoryAt: string;
  nowMs: number;
}

const ok = { Health: 'OK', State: 'Enabled' };

function category(data: Record<string, unknown>[], modified: string): InventoryCategoryData {
  return { collectionState: 'Success', modified, data };
}

const SECURITY: readonly Omit<SecurityParameter, 'id' | 'securityStatus' | 'state' | 'ignore'>[] = [
  { name: 'Secure Boot', description: 'UEFI Secure Boot state of the host', recommendedAction: 'Enable Secure Boot in the system BIOS settings.' },
  { name: 'Password Complexity', description: 'iLO password complexity enforcement', recommendedAction: 'Enable password complexity in iLO security settings.' },
  { name: 'Require Login for iLO RBSU', description: 'Login requirement for the iLO configuration utility', recommendedAction: 'Enable Require Login for iLO RBSU.' },
  { name: 'Minimum Password Length', description: 'Minimum iLO password length', recommendedAction: 'Set the minimum password length to at least 8.' },
  { name: 'IPMI/DCMI over LAN', description: 'IPMI/DCMI over LAN access', recommendedAction: 'Disable IPMI/DCMI over LAN.' },
  { name: 'Default SSL Certificate In Use', description: 'iLO uses the factory self-signed certificate', recommendedAction: 'Install a CA-signed certificate.' },
  { name: 'Authentication Failure Logging', description: 'Logging of failed logins', recommendedAction: 'Enable authentication failure logging.' },
  { name: 'Security Override Switch', description: 'Physical security override switch position', recommendedAction: 'Set the security override switch off.' },
];

export function buildDetails(server: Server, d: DetailInput): ServerDetails {
  const { rng, line, cpu } = d;
  const gen10 = line.ilo === 'iLO 5';
  const dimmPart = DIMM_PARTS.find((p) => p.capacityMiB === d.dimmMiB && (gen10 ? p.speed === 3200 : p.speed === 4800)) ?? DIMM_PARTS[0];
  const memory = Array.from({ length: d.dimms }, (_, i) => ({
    Id: `proc${(i % d.sockets) + 1}dimm${Math.floor(i / d.sockets) + 1}`,
    Name: `proc${(i % d.sockets) + 1}dimm${Math.floor(i / d.sockets) + 1}`,
    CapacityMiB: d.dimmMiB,
    DeviceLocator: `PROC ${(i % d.sockets) + 1} DIMM ${Math.floor(i / d.sockets) * 2 + 1}`,
    Manufacturer: dimmPart.vendor,
    PartNumber: dimmPart.part,
    MemoryDeviceType: gen10 ? 'DDR4' : 'DDR5',
    OperatingSpeedMhz: dimmPart.speed,
    Status: ok,
    Oem: { Hpe: { DIMMStatus: 'GoodInUse', VendorName: dimmPart.vendor, MaxOperatingSpeedMTs: dimmPart.speed } },
  }));
  const processor = Array.from({ length: d.sockets }, (_, i) => ({
    Id: String(i + 1),
    Name: 'Processors',
    Socket: `Proc ${i + 1}`,
    ProcessorType: 'CPU',
    Manufacturer: cpu.vendor.startsWith('AMD') ? 'Advanced Micro Devices, Inc.' : 'Intel(R) Corporation',
    Model: cpu.model,
    SerialNumber: rng.hex(16).toUpperCase(),
    TotalCores: cpu.cores,
    TotalThreads: cpu.cores * 2,
    MaxSpeedMHz: cpu.speedMHz + 1000,
    Status: ok,
  }));
  const portMacs = [rng.hex(12), rng.hex(12)].map((h) => h.match(/../g)!.join(':'));
  const networkAdapter = [
    {
      Id: 'DE083000',
      Name: 'HPE Ethernet 10/25Gb 2-port 640SFP28 Adapter',
      Model: '640SFP28',
      Manufacturer: 'Hewlett Packard Enterprise',
      PartNumber: '817751-001',
      SerialNumber: rng.chars('0123456789ABCDEFGHJKLMNPRSTUVWXYZ', 10),
      Ports: portMacs.map((mac, i) => ({ Id: String(i + 1), LinkNetworkTechnology: 'Ethernet', LinkStatus: 'LinkUp', CurrentSpeedGbps: 25, Ethernet: { AssociatedMACAddresses: [mac] } })),
      Status: ok,
    },
  ];
  const psus = [1, 2].map((bay) => ({
    Name: `HpeServerPowerSupply ${bay}`,
    Model: gen10 ? '865414-B21' : 'P38995-B21',
    PowerCapacityWatts: gen10 ? 800 : 1000,
    FirmwareVersion: server.firmwareInventory?.find((f) => f.name === 'Power Supply Firmware')?.version ?? '1.00',
    SerialNumber: rng.chars('0123456789ABCDEFGHJKLMNPRSTUVWXYZ', 14),
    Status: bay === 2 && server.hardware.health?.powerSupplies !== 'OK' ? { Health: 'Warning', State: 'Enabled' } : ok,
    Oem: { Hpe: { BayNumber: bay, PowerSupplyStatus: { State: 'Ok' } } },
  }));
  const inventory: ServerInventory = {
    firmware: category((server.firmwareInventory ?? []).map((f, i) => ({ Id: String(i + 1), Name: f.name, Version: f.version, Oem: { Hpe: { DeviceContext: f.deviceContext } } })), d.inventoryAt),
    software: category((server.softwareInventory ?? []).map((s, i) => ({ Id: String(i + 1), Name: s.name, Version: s.version })), d.inventoryAt),
    storage: category([{ Id: 'DE00A000', Name: gen10 ? 'HPE Smart Array P408i-a SR Gen10' : 'HPE MR408i-o Gen11', Drives: rng.int(2, 8), Volumes: rng.chance(0.8) ? 1 : 0, Status: ok }], d.inventoryAt),
    smartStorage: category(gen10 ? [{ Id: '0', Model: 'HPE Smart Array P408i-a SR Gen10', Location: 'Slot 12', Status: ok }] : [], d.inventoryAt),
    device: category([{ Name: 'Embedded Video Controller', DeviceType: 'Embedded', Location: 'Embedded' }, { Name: networkAdapter[0]!.Name, DeviceType: 'NIC', Location: 'PCI-E Slot 1' }], d.inventoryAt),
    chassis: category([{ Id: '1', ChassisType: line.formFactor === 'Tower' ? 'Tower' : line.platform === 'Synergy' ? 'Blade' : 'RackMount', Model: line.model, SerialNumber: server.hardware.serialNumber, Manufacturer: 'HPE', Oem: { Hpe: { FormFactor: line.formFactor } } }], d.inventoryAt),
    memory: category(memory, d.inventoryAt),
    networkAdapter: category(networkAdapter, d.inventoryAt),
    processor: category(processor, d.inventoryAt),
    powerSupply: category(psus, d.inventoryAt),
    thermal: category(
      [{ Fans: Array.from({ length: 6 }, (_, i) => ({ Name: `Fan ${i + 1}`, Reading: rng.int(18, 40), ReadingUnits: 'Percent', Status: ok })), Temperatures: [{ Name: '01-Inlet Ambient', ReadingCelsius: rng.int(18, 27), Status: ok }] }],
      d.inventoryAt,
    ),
    smartUpdateToolInventory: { modified: d.inventoryAt, data: [{ Mode: 'AutoDeploy', ServiceState: 'Active' }] },
  };
  const securityParameters = SECURITY.map((p, i): SecurityParameter => {
    const risk = rng.chance(0.15);
    return { ...p, id: String(i + 1), securityStatus: risk ? 'RISK' : 'OK', state: risk ? 'DISABLED' : 'ENABLED', ignore: false };
  });
  const torPortMappings = portMacs.map(
    (mac, i): TorPortMapping => ({
      id: rng.uuid(),
      generation: 1,
      createdAt: d.inventoryAt,
      updatedAt: d.inventoryAt,
      portMac: mac,
      clientState: server.state.connected ? 'ONLINE' : 'OFFLINE',
      portLastConnectedAt: d.inventoryAt,
      portConnectivityState: 'CURRENT',
      switchPortAdminState: 'UP',
      switchPortLinkStatus: 'UP',
      switchPort: `1/1/${rng.int(1, 48)}`,
      switchPortSpeed: '25G',
      switchPortNativeVlan: '1',
      switchPortVlans: '1,100-110',
      switchName: `tor-${i === 0 ? 'a' : 'b'}-${server.tags?.rack ?? 'r1'}`.toLowerCase(),
      switchModel: 'Aruba 8325-48Y8C',
      switchSerialNumber: `TW${rng.chars('0123456789', 8)}`,
      switchSite: server.tags?.location ?? 'Houston',
      switchGroupName: 'datacenter-tor',
      switchFwVersion: 'GL.10.13.1000',
      switchIpAddress: `10.250.${rng.int(0, 255)}.${rng.int(2, 254)}`,
      switchStatus: 'UP',
    }),
  );
  return { inventory, securityParameters, torPortMappings, externalStorage: null, hasStorageVolume: (inventory.storage.data?.[0]?.Volumes as number) > 0 };
}
