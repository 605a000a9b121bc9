// What a simulated server's NICs are cabled to, from what the store knows: the Redfish network adapters of
// its inventory, and the switch ports of its adapter-to-switch mappings as the switch announces them over LLDP.
import type { SeedNetworkAdapter } from '../devices/simulator/simulated-network.ts';
import type { TorPortMapping } from '../resources/servers/model.ts';
import type { DeviceFacts } from '../resources/servers/repository.ts';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** A switch's LLDP chassis id is its base MAC; derived from its serial number so it is stable. */
function chassisMac(serial: string): string {
  let h = 2166136261n;
  for (const c of serial) h = ((h ^ BigInt(c.charCodeAt(0))) * 16777619n) & 0xffffffffffffn;
  return h.toString(16).padStart(12, '0').match(/../g)!.join(':');
}

function neighborOf(m: TorPortMapping) {
  return {
    chassisId: chassisMac(m.switchSerialNumber || m.switchName),
    systemName: m.switchName,
    portId: m.switchPort,
    systemDescription: [m.switchModel, m.switchFwVersion].filter(Boolean).join(' '),
    managementAddressIPv4: m.switchIpAddress || null,
  };
}

export function networkSeedOf(facts: DeviceFacts | undefined): SeedNetworkAdapter[] {
  if (!facts) return [];
  const mappings = new Map(facts.torPortMappings.map((m) => [m.portMac.toLowerCase(), m]));
  return facts.networkAdapters.flatMap((adapter) => {
    const ports = Array.isArray(adapter['Ports']) ? (adapter['Ports'] as Record<string, unknown>[]) : [];
    const seeded = ports.flatMap((p) => {
      const ethernet = p['Ethernet'] as { AssociatedMACAddresses?: unknown[] } | undefined;
      const mac = str(ethernet?.AssociatedMACAddresses?.[0])?.toLowerCase();
      if (!mac) return [];
      const mapping = mappings.get(mac);
      const speed = typeof p['CurrentSpeedGbps'] === 'number' ? p['CurrentSpeedGbps'] : 10;
      return [{ id: str(p['Id']) ?? String(ports.indexOf(p) + 1), macAddress: mac, speedGbps: speed, neighbor: mapping ? neighborOf(mapping) : null }];
    });
    return seeded.length ? [{ id: str(adapter['Id']) ?? 'NIC', name: str(adapter['Name']) ?? 'Network Adapter', ports: seeded }] : [];
  });
}
