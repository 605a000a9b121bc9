// The adapter-to-switch port mappings a "Collect Server Network Connectivity" job leaves behind
// (servers.md §5.10). COM learns them from the switches; OpenCOM learns them from the server side: the LLDP
// neighbor each NIC port hears names the switch and its port. A port heard now is CURRENT; a port that was
// mapped before but hears nothing now keeps its last mapping as CACHED; a linked port whose switch sends no
// LLDP is NOMAPPING. Ports never mapped and without a link have no mapping; mappings of MACs the server no
// longer has are dropped.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../store/store.ts';
import type { TorPortMapping } from './model.ts';
import { findDetails, findServer, saveDetailsPart } from './repository.ts';
import { emptyInventory } from './details-service.ts';

/** A NIC port as the BMC reported it. */
export interface ObservedPort {
  macAddress: string;
  linkUp: boolean;
  speedGbps: number | null;
  neighbor: { systemName: string; portId: string; systemDescription: string; managementAddressIPv4: string | null } | null;
}

/** Traffic seen within this window still counts as an OFFLINE client, older is UNKNOWN (the schema's "past 90 days"). */
const OFFLINE_WINDOW_MS = 90 * 86_400_000;

/** `Aruba 8325-48Y8C GL.10.13.1000` → model and firmware; a description without a version is all model. */
function describeSwitch(description: string): { switchModel: string; switchFwVersion: string } {
  const match = /^(.*?)\s+(\S*\d+\.\d+\S*)$/.exec(description.trim());
  return match ? { switchModel: match[1]!, switchFwVersion: match[2]! } : { switchModel: description.trim(), switchFwVersion: '' };
}

const EMPTY_SWITCH = {
  switchPort: '',
  switchPortSpeed: '',
  switchPortNativeVlan: '',
  switchPortVlans: '',
  switchName: '',
  switchModel: '',
  switchSerialNumber: '',
  switchSite: '',
  switchGroupName: '',
  switchFwVersion: '',
  switchIpAddress: '',
};

function mapped(port: ObservedPort, before: TorPortMapping | undefined, now: string): TorPortMapping | undefined {
  const identity = { id: before?.id ?? randomUUID(), createdAt: before?.createdAt ?? now, generation: (before?.generation ?? 0) + 1, updatedAt: now, portMac: port.macAddress };
  const n = port.neighbor;
  if (port.linkUp && n) {
    // What LLDP does not carry (VLANs, site, serial, group) is kept while the port stays on the same switch.
    const sameSwitch = before?.switchName === n.systemName;
    return {
      ...EMPTY_SWITCH,
      ...(sameSwitch ? before : {}),
      ...identity,
      ...describeSwitch(n.systemDescription),
      clientState: 'ONLINE',
      portLastConnectedAt: now,
      portConnectivityState: 'CURRENT',
      switchPortAdminState: 'UP',
      switchPortLinkStatus: 'UP',
      switchPort: n.portId,
      switchPortSpeed: port.speedGbps ? `${port.speedGbps}G` : '',
      switchName: n.systemName,
      switchIpAddress: n.managementAddressIPv4 ?? '',
      switchStatus: 'UP',
    };
  }
  if (before && before.portConnectivityState !== 'NOMAPPING') {
    const recent = Date.parse(now) - Date.parse(before.portLastConnectedAt) <= OFFLINE_WINDOW_MS;
    return {
      ...before,
      ...identity,
      clientState: port.linkUp ? 'ONLINE' : recent ? 'OFFLINE' : 'UNKNOWN',
      portLastConnectedAt: port.linkUp ? now : before.portLastConnectedAt,
      portConnectivityState: 'CACHED',
      switchPortLinkStatus: port.linkUp ? 'UP' : 'UNKNOWN',
    };
  }
  if (!port.linkUp) return undefined;
  return {
    ...EMPTY_SWITCH,
    ...identity,
    clientState: 'ONLINE',
    portLastConnectedAt: now,
    portConnectivityState: 'NOMAPPING',
    switchPortAdminState: null,
    switchPortLinkStatus: null,
    switchStatus: null,
  };
}

/** The mappings after what the server reports now, in the order of its ports. */
export function mergePortMappings(before: readonly TorPortMapping[], ports: readonly ObservedPort[], now: string): TorPortMapping[] {
  const previous = new Map(before.map((m) => [m.portMac.toLowerCase(), m]));
  return ports.flatMap((p) => mapped({ ...p, macAddress: p.macAddress.toLowerCase() }, previous.get(p.macAddress.toLowerCase()), now) ?? []);
}

/**
 * Stores the server's new mappings, leaving its other documents as they are (jobs reading other parts of the
 * device may commit meanwhile). Nothing is stored for a server deleted meanwhile; returns what was stored.
 */
export async function recordPortConnectivity(db: Db, workspaceId: string, serverId: string, ports: readonly ObservedPort[], now: string): Promise<TorPortMapping[] | undefined> {
  if (!(await findServer(db, workspaceId, serverId))) return undefined;
  const before = (await findDetails(db, workspaceId, serverId))?.torPortMappings ?? [];
  const torPortMappings = mergePortMappings(before, ports, now);
  const initial = { inventory: emptyInventory(), securityParameters: [], torPortMappings, externalStorage: null, hasStorageVolume: false };
  await saveDetailsPart(db, workspaceId, serverId, 'torPortMappings', torPortMappings, initial);
  return torPortMappings;
}
