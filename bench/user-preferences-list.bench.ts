// GET /compute-ops-mgmt/v1/user-preferences with a valid token, against a bare node:http server returning
// the same bytes. Ratio = OpenCOM throughput / baseline throughput (issue 2 target: ≥ 0.5 on SQLite).
import { getToken, load, startBaseline, startOpenCom } from './harness.ts';

export async function benchUserPreferencesList(seconds: number): Promise<{ name: string; ratio: number }> {
  const opencom = await startOpenCom();
  try {
    const token = await getToken(opencom.base, opencom.clientId, opencom.clientSecret);
    const headers = { authorization: `Bearer ${token}` };
    const url = `${opencom.base}/compute-ops-mgmt/v1/user-preferences`;
    const created = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ criticalNotification: true, healthNotification: true }) });
    if (!created.ok) throw new Error(`create: ${created.status} ${await created.text()}`);
    const sample = await fetch(url, { headers });
    const body = await sample.text();
    const baseline = await startBaseline(body, sample.headers.get('content-type') ?? 'application/json');
    try {
      const base = await load(baseline.base, headers, seconds);
      const ours = await load(url, headers, seconds);
      if (ours.non2xx > 0) throw new Error(`OpenCOM answered ${ours.non2xx} non-2xx responses`);
      console.log(`user-preferences list: node:http ${base.requestsPerSecond.toFixed(0)} req/s (p99 ${base.latencyP99Ms} ms), ` +
        `OpenCOM ${ours.requestsPerSecond.toFixed(0)} req/s (p50 ${ours.latencyP50Ms} ms, p99 ${ours.latencyP99Ms} ms)`);
      return { name: 'user-preferences-list', ratio: ours.requestsPerSecond / base.requestsPerSecond };
    } finally {
      await baseline.stop();
    }
  } finally {
    await opencom.stop();
  }
}
