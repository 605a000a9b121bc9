// How what a server's NIC ports hear now turns into its adapter-to-switch mappings.
import { describe, expect, it } from 'vitest';
import type { TorPortMapping } from './model.ts';
import { mergePortMappings, type ObservedPort } from './port-connectivity.ts';

const NOW = '2026-06-01T12:00:00.000000Z';
const mapping = (portMac: string, change: Partial<TorPortMapping> = {}): TorPortMapping => ({
  id: `00000000-0000-4000-8000-00000000000${portMac.at(-1)}`,
  generation: 3,
  createdAt: '2026-01-01T00:00:00.000000Z',
  updatedAt: '2026-05-01T00:00:00.000000Z',
  portMac,
  clientState: 'ONLINE',
  portLastConnectedAt: '2026-05-01T00:00:00.000000Z',
  portConnectivityState: 'CURRENT',
  switchPortAdminState: 'UP',
  switchPortLinkStatus: 'UP',
  switchPort: '1/1/7',
  switchPortSpeed: '25G',
  switchPortNativeVlan: '1',
  switchPortVlans: '1,100-110',
  switchName: 'tor-a-r1',
  switchModel: 'Aruba 8325-48Y8C',
  switchSerialNumber: 'TW12345678',
  switchSite: 'Houston',
  switchGroupName: 'datacenter-tor',
  switchFwVersion: 'GL.10.13.1000',
  switchIpAddress: '10.250.0.2',
  switchStatus: 'UP',
  ...change,
});
const heard = (macAddress: string, systemName: string, portId: string): ObservedPort => ({
  macAddress,
  linkUp: true,
  speedGbps: 10,
  neighbor: { systemName, portId, systemDescription: 'Aruba 6300M GL.10.14.0001', managementAddressIPv4: '10.250.9.9' },
});

describe('mergePortMappings', () => {
  it('moves a port heard on another switch there, dropping what only the old switch told', () => {
    const [m] = mergePortMappings([mapping('aa:00:00:00:00:01')], [heard('AA:00:00:00:00:01', 'tor-b-r2', '1/1/30')], NOW);
    expect(m).toMatchObject({ id: mapping('aa:00:00:00:00:01').id, generation: 4, createdAt: '2026-01-01T00:00:00.000000Z', updatedAt: NOW, portConnectivityState: 'CURRENT' });
    expect(m).toMatchObject({ switchName: 'tor-b-r2', switchPort: '1/1/30', switchModel: 'Aruba 6300M', switchFwVersion: 'GL.10.14.0001', switchSerialNumber: '', switchSite: '', switchPortSpeed: '10G', portLastConnectedAt: NOW });
  });

  it('caches a silent port: OFFLINE within 90 days of its last traffic, UNKNOWN after', () => {
    const silent = (mac: string): ObservedPort => ({ macAddress: mac, linkUp: false, speedGbps: null, neighbor: null });
    const [recent, old] = mergePortMappings(
      [mapping('aa:00:00:00:00:01'), mapping('aa:00:00:00:00:02', { portLastConnectedAt: '2026-01-15T00:00:00.000000Z' })],
      [silent('aa:00:00:00:00:01'), silent('aa:00:00:00:00:02')],
      NOW,
    );
    expect(recent).toMatchObject({ portConnectivityState: 'CACHED', clientState: 'OFFLINE', switchName: 'tor-a-r1', switchPortLinkStatus: 'UNKNOWN', portLastConnectedAt: '2026-05-01T00:00:00.000000Z' });
    expect(old).toMatchObject({ portConnectivityState: 'CACHED', clientState: 'UNKNOWN' });
  });

  it('maps a linked port without LLDP as NOMAPPING, skips a never-linked port and drops MACs the server lost', () => {
    const merged = mergePortMappings(
      [mapping('aa:00:00:00:00:09')],
      [
        { macAddress: 'aa:00:00:00:00:01', linkUp: true, speedGbps: 25, neighbor: null },
        { macAddress: 'aa:00:00:00:00:02', linkUp: false, speedGbps: null, neighbor: null },
      ],
      NOW,
    );
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ portMac: 'aa:00:00:00:00:01', generation: 1, portConnectivityState: 'NOMAPPING', clientState: 'ONLINE', switchName: '', switchStatus: null });
  });
});
