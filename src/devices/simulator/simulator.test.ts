// The simulator passes the DeviceDriver contract on a clock the test moves: work in progress stays in progress
// until settle() jumps a simulated day ahead, however slowly a loaded machine runs the test in between.
import type { Clock } from '../clock.ts';
import { runDriverContract } from '../driver.contract.ts';
import type { DeviceRef } from '../driver.ts';
import { SimulatorDriver, type DeviceSeed } from './simulator.ts';

const ws = '00000000-0000-4000-8000-000000000001';
const on: DeviceRef = { workspaceId: ws, serverId: 'P52534-B21+CZ2D1G0ON' };
const off: DeviceRef = { workspaceId: ws, serverId: 'P52534-B21+CZ2D1G0OFF' };
const firmware = [
  { name: 'iLO 6', version: '1.62 Jun 18 2024', deviceContext: 'System Board' },
  { name: 'System ROM', version: 'U54 v2.20 (05/10/2024)', deviceContext: 'System Board' },
];

/** A two-port adapter: port 1 cabled to a ToR switch port, port 2 left empty. */
const nic = (mac: string, switchPort: string): DeviceSeed['network'] => [
  {
    id: 'DE083000',
    name: 'HPE Ethernet 10/25Gb 2-port 640SFP28 Adapter',
    ports: [
      { id: '1', macAddress: mac, speedGbps: 25, neighbor: { chassisId: '88:3a:30:aa:00:01', systemName: 'tor-a-r1', portId: switchPort, systemDescription: 'Aruba 8325-48Y8C GL.10.13.1000', managementAddressIPv4: '10.250.0.2' } },
      { id: '2', macAddress: mac.replace(/0$/, '1'), speedGbps: 25, neighbor: null },
    ],
  },
];

/** Simulated time that passes only when the test says; one simulated millisecond per real one otherwise. */
function steppedClock(): Clock & { advance(ms: number): void } {
  const start = Date.now();
  let offset = 0;
  return {
    factor: 1,
    now: () => start + offset,
    realDuration: (ms) => ms,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    advance: (ms) => {
      offset += ms;
    },
  };
}

const DAY_MS = 24 * 3_600_000;

runDriverContract('simulator', async () => {
  const clock = steppedClock();
  const seeds: Record<string, DeviceSeed> = {
    [on.serverId]: { status: { powerState: 'ON', indicatorLed: 'OFF', health: 'OK', connected: true }, firmware, network: nic('b4:7a:f1:00:00:10', '1/1/10'), storage: [{ id: 'DE00A000', name: 'HPE MR408i-o Gen11', drives: 6, volumes: 0 }] },
    [off.serverId]: { status: { powerState: 'OFF', indicatorLed: 'OFF', health: 'OK', connected: true }, firmware, network: nic('b4:7a:f1:00:00:20', '1/1/20') },
  };
  const driver = new SimulatorDriver(clock, async (ref) => seeds[ref.serverId]);
  return {
    driver,
    on,
    off,
    unknown: { workspaceId: ws, serverId: 'nope+nope' },
    fault: (ref, fault, enabled) => driver.setFault(ref, fault, enabled),
    settle: async () => {
      clock.advance(DAY_MS);
      await new Promise((r) => setImmediate(r));
    },
  };
});
