// What a simulated server sees of its SAN. About one server in three is cabled to an array (two Fibre Channel
// ports on an SN1610Q HBA) with a few volumes presented to its cluster's host group; the rest have only internal
// storage. Derived from the server id alone, so a device recreated after a restart sees the same SAN.
import type { ExternalStorageConnections, HostOs } from '../driver.ts';
import { stableHash } from '../stable-hash.ts';

/** The host as the server's operating system names itself (what the store knows of it). */
export type SimHost = Pick<HostOs, 'hostname' | 'osName'>;

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0').slice(-width);

/** A stable uuid (version 4 layout) drawn from the text, as the array's host-group ids are. */
function uuidOf(text: string): string {
  const h = [1, 2, 3, 4].map((salt) => hex(stableHash(text, salt), 8)).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A Fibre Channel port name in HPE's OUI (10:00:xx:xx:…). */
function wwpn(serverId: string, port: number): string {
  const bytes = hex(stableHash(serverId, 10 + port), 8) + hex(stableHash(serverId, 20 + port), 4);
  return `10:00:${bytes.match(/../g)!.join(':')}`;
}

const ARRAYS = ['HPE Alletra Storage MP B10000', 'HPE Alletra 9060', 'HPE Primera 650'];

export function defaultExternalStorage(serverId: string, host: SimHost | undefined): ExternalStorageConnections | null {
  const h = stableHash(serverId, 0);
  if (h % 3 !== 0) return null;
  const serial = serverId.split('+').at(-1)!.toLowerCase();
  const hostName = host?.hostname?.split('.')[0] || `host-${serial}`;
  const cluster = `cluster-${hex(h, 4)}`;
  const hostGroup = { id: uuidOf(`${cluster}/hostgroup`), name: `${cluster}-hosts` };
  const array = ARRAYS[h % ARRAYS.length]!;
  const count = 1 + ((h >>> 4) % 3);
  return {
    hostName,
    osName: host?.osName || 'VMware ESXi',
    initiators: [1, 2].map((port) => ({ adapter: 'HPE SN1610Q 32Gb 2p FC HBA', wwpn: wwpn(serverId, port) })),
    volumes: Array.from({ length: count }, (_, i) => ({ lun: i + 1, name: `${cluster}-ds-${String(i + 1).padStart(2, '0')}`, array, hostGroup })),
  };
}
