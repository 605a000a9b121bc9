// A simulated server's network adapter ports: cabled to a switch port (what the fleet's inventory and switch
// mappings say), with a link only while the host is powered — an unpowered NIC neither links nor hears LLDP.
import type { DeviceStatus, LldpNeighbor, NetworkPort } from '../driver.ts';

/** An adapter as the device is seeded with it: its ports, their MACs and what each is cabled to. */
export interface SeedNetworkAdapter {
  id: string;
  name: string;
  ports: { id: string; macAddress: string; speedGbps: number; neighbor: LldpNeighbor | null }[];
}

export interface SimPort {
  adapterId: string;
  adapterName: string;
  portId: string;
  macAddress: string;
  speedGbps: number;
  neighbor: LldpNeighbor | null;
  /** A cable can be pulled (tests, the fleet's life); a port without a neighbor is simply not cabled. */
  cabled: boolean;
}

export function portsFromSeed(adapters: readonly SeedNetworkAdapter[]): SimPort[] {
  return adapters.flatMap((a) =>
    a.ports.map((p) => ({ adapterId: a.id, adapterName: a.name, portId: p.id, macAddress: p.macAddress.toLowerCase(), speedGbps: p.speedGbps, neighbor: p.neighbor && { ...p.neighbor }, cabled: p.neighbor !== null })),
  );
}

const POWERED: ReadonlySet<DeviceStatus['powerState']> = new Set(['ON', 'RESET', 'POWERING_OFF']);

export function portView(port: SimPort, powerState: DeviceStatus['powerState']): NetworkPort {
  const up = port.cabled && POWERED.has(powerState);
  return {
    adapterId: port.adapterId,
    adapterName: port.adapterName,
    portId: port.portId,
    macAddress: port.macAddress,
    linkStatus: up ? 'LinkUp' : port.cabled ? 'LinkDown' : 'NoLink',
    currentSpeedGbps: up ? port.speedGbps : null,
    lldpNeighbor: up && port.neighbor ? { ...port.neighbor } : null,
  };
}
