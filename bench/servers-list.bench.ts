// Filtered server lists: GET /compute-ops-mgmt/v1/servers?filter=…&limit=100
//  - servers-list-10k: OpenCOM on a 10,000-server fleet against a bare node:http server returning the same
//    bytes (ratio = OpenCOM throughput / baseline throughput; issue 3 target ≥ 0.3).
//  - servers-list-scaling: mean latency of the same query on 100,000 servers divided by that on 1,000
//    (ratio = growth; issue 3 target ≤ 2).
import { getToken, load, startBaseline, startOpenCom } from './harness.ts';

const FILTER = "hardware/health/summary eq 'WARNING'";
const PATH = `/compute-ops-mgmt/v1/servers?filter=${encodeURIComponent(FILTER)}&limit=100`;

async function fleetServer(count: number) {
  // A still fleet: the living simulator's writes would make the measurement noisy.
  const server = await startOpenCom({ OPENCOM_DEMO_SERVERS: String(count), OPENCOM_FLEET_LIVE: 'false', OPENCOM_TELEMETRY_SERVERS: '0' });
  const token = await getToken(server.base, server.clientId, server.clientSecret);
  return { server, headers: { authorization: `Bearer ${token}` } };
}

export async function benchServersList10k(seconds: number): Promise<{ name: string; ratio: number }> {
  const { server, headers } = await fleetServer(10_000);
  try {
    const sample = await fetch(`${server.base}${PATH}`, { headers });
    const body = await sample.text();
    if (!sample.ok) throw new Error(`servers list: ${sample.status} ${body.slice(0, 300)}`);
    const baseline = await startBaseline(body, sample.headers.get('content-type') ?? 'application/json');
    try {
      const base = await load(baseline.base, headers, seconds);
      const ours = await load(`${server.base}${PATH}`, headers, seconds);
      if (ours.non2xx > 0) throw new Error(`OpenCOM answered ${ours.non2xx} non-2xx responses`);
      console.log(`servers list (10,000 servers, ${(body.length / 1024).toFixed(0)} KiB per page): node:http ${base.requestsPerSecond.toFixed(0)} req/s, OpenCOM ${ours.requestsPerSecond.toFixed(0)} req/s (p50 ${ours.latencyP50Ms} ms, p99 ${ours.latencyP99Ms} ms)`);
      return { name: 'servers-list-10k', ratio: ours.requestsPerSecond / base.requestsPerSecond };
    } finally {
      await baseline.stop();
    }
  } finally {
    await server.stop();
  }
}

async function meanLatency(count: number, seconds: number): Promise<number> {
  const { server, headers } = await fleetServer(count);
  try {
    // One connection: latency of a lone client, not of a saturated queue.
    const r = await load(`${server.base}${PATH}`, headers, seconds, 1);
    if (r.non2xx > 0) throw new Error(`OpenCOM answered ${r.non2xx} non-2xx responses`);
    return 1000 / r.requestsPerSecond;
  } finally {
    await server.stop();
  }
}

export async function benchServersListScaling(seconds: number): Promise<{ name: string; ratio: number }> {
  const small = await meanLatency(1_000, seconds);
  const large = await meanLatency(100_000, seconds);
  console.log(`servers list latency: 1,000 servers ${small.toFixed(2)} ms, 100,000 servers ${large.toFixed(2)} ms`);
  return { name: 'servers-list-scaling', ratio: large / small };
}
