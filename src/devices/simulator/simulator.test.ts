// The simulator passes the DeviceDriver contract, with time accelerated so tasks finish in milliseconds.
import { acceleratedClock } from '../clock.ts';
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

runDriverContract('simulator', async () => {
  const clock = acceleratedClock(200_000);
  const seeds: Record<string, DeviceSeed> = {
    [on.serverId]: { status: { powerState: 'ON', indicatorLed: 'OFF', health: 'OK', connected: true }, firmware },
    [off.serverId]: { status: { powerState: 'OFF', indicatorLed: 'OFF', health: 'OK', connected: true }, firmware },
  };
  const driver = new SimulatorDriver(clock, async (ref) => seeds[ref.serverId]);
  return {
    driver,
    on,
    off,
    unknown: { workspaceId: ws, serverId: 'nope+nope' },
    fault: (ref, fault, enabled) => driver.setFault(ref, fault, enabled),
    settle: () => new Promise((r) => setTimeout(r, 60)),
  };
});
