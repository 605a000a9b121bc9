// "Collect Server Network Connectivity" (ServerNetworkConnectivity, no parameters): reads every NIC port's
// link and LLDP neighbor from the BMC, reports them in the job's results, and refreshes the server's
// adapter-to-switch port mappings (GET /servers/{id}/tor-port-mappings) in the same transaction.
import type { NetworkPort } from '../../devices/driver.ts';
import { recordPortConnectivity } from '../../resources/servers/port-connectivity.ts';
import { formatMicros } from '../../store/time.ts';
import { end, type Executor } from '../executor.ts';
import { deviceFailure, deviceOf } from './device.ts';

/** One port in the job's results, named as the tor-port-mappings resource names the same facts. */
function portResult(p: NetworkPort) {
  return {
    adapterId: p.adapterId,
    adapterName: p.adapterName,
    portId: p.portId,
    portMac: p.macAddress,
    linkStatus: p.linkStatus,
    speedGbps: p.currentSpeedGbps,
    switchName: p.lldpNeighbor?.systemName ?? null,
    switchPort: p.lldpNeighbor?.portId ?? null,
    switchIpAddress: p.lldpNeighbor?.managementAddressIPv4 ?? null,
  };
}

export const serverNetworkConnectivity: Executor = {
  async step({ job, driver, clock }) {
    const ports = await driver.readNetworkPorts(deviceOf(job));
    if (!ports.ok) return deviceFailure(ports, 'Network connectivity collection failed');
    // Stored timestamps carry microseconds, as every other timestamp in the store.
    const now = formatMicros(BigInt(clock.now()) * 1000n);
    const linked = ports.value.filter((p) => p.linkStatus === 'LinkUp');
    return end('COMPLETE', 'SUCCESS', 'Complete', {
      results: {
        collectedAt: now,
        portCount: ports.value.length,
        linkUpCount: linked.length,
        mappedCount: linked.filter((p) => p.lldpNeighbor).length,
        ports: ports.value.map(portResult),
      },
      writes: async (tx) =>
        void (await recordPortConnectivity(
          tx,
          job.workspaceId,
          job.resource.id,
          ports.value.map((p) => ({ macAddress: p.macAddress, linkUp: p.linkStatus === 'LinkUp', speedGbps: p.currentSpeedGbps, neighbor: p.lldpNeighbor })),
          now,
        )),
    });
  },
};
