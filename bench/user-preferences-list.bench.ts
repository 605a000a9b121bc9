// GET /compute-ops-mgmt/v1/user-preferences with a valid token, against a bare node:http server returning
// the same bytes. Ratio = OpenCOM throughput / baseline throughput (issue 2 target: ≥ 0.5 on SQLite).
// The same run also measures the floor (a bare Fastify route doing OpenCOM's one indexed SQLite read) and
// reports OpenCOM against it, which is the part of the cost OpenCOM's own code decides.
import Database from 'better-sqlite3';
import { getToken, load, startBaseline, startOpenCom, startSqliteFloor } from './harness.ts';

// The query OpenCOM runs for this request (repository.listForUser through the shared list machinery).
const LIST_SQL = 'SELECT * FROM user_preferences WHERE (workspace_id = ? AND user_id = ?) AND (1 = 1) ORDER BY id ASC LIMIT 100 OFFSET 0';

export async function benchUserPreferencesList(seconds: number): Promise<{ name: string; ratio: number }[]> {
  // The request path alone: no demo fleet living and no job engine polling beside it, since on this two-core
  // machine their work would be taken from whichever phase happens to run (the fleet benchmarks measure them).
  const opencom = await startOpenCom({ OPENCOM_DEMO_SERVERS: '0', OPENCOM_TELEMETRY_SERVERS: '0', OPENCOM_FLEET_LIVE: 'false', OPENCOM_JOBS_RUN: 'false' });
  try {
    const token = await getToken(opencom.base, opencom.clientId, opencom.clientSecret);
    const headers = { authorization: `Bearer ${token}` };
    const url = `${opencom.base}/compute-ops-mgmt/v1/user-preferences`;
    const created = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ criticalNotification: true, healthNotification: true }) });
    if (!created.ok) throw new Error(`create: ${created.status} ${await created.text()}`);
    const { id } = (await created.json()) as { id: string };
    const sample = await fetch(url, { headers });
    const body = await sample.text();
    const owner = readOwner(opencom.dbPath, id);
    const baseline = await startBaseline(body, sample.headers.get('content-type') ?? 'application/json');
    const floor = await startSqliteFloor(opencom.dbPath, LIST_SQL, [owner.workspace_id, owner.user_id], body);
    try {
      const base = await load(baseline.base, headers, seconds);
      const bottom = await load(floor.base, headers, seconds);
      const ours = await load(url, headers, seconds);
      if (ours.non2xx > 0 || bottom.non2xx > 0) throw new Error(`non-2xx responses: OpenCOM ${ours.non2xx}, floor ${bottom.non2xx}`);
      console.log(`user-preferences list: node:http ${base.requestsPerSecond.toFixed(0)} req/s (p99 ${base.latencyP99Ms} ms), ` +
        `Fastify + one SQLite read ${bottom.requestsPerSecond.toFixed(0)} req/s (ratio ${(bottom.requestsPerSecond / base.requestsPerSecond).toFixed(3)}), ` +
        `OpenCOM ${ours.requestsPerSecond.toFixed(0)} req/s (p50 ${ours.latencyP50Ms} ms, p99 ${ours.latencyP99Ms} ms)`);
      return [
        { name: 'user-preferences-list', ratio: ours.requestsPerSecond / base.requestsPerSecond },
        { name: 'user-preferences-list-vs-floor', ratio: ours.requestsPerSecond / bottom.requestsPerSecond },
      ];
    } finally {
      await floor.stop();
      await baseline.stop();
    }
  } finally {
    await opencom.stop();
  }
}

function readOwner(dbPath: string, id: string): { workspace_id: string; user_id: string } {
  const db = new Database(dbPath, { readonly: true });
  try {
    const row = db.prepare('SELECT workspace_id, user_id FROM user_preferences WHERE id = ?').get(id) as { workspace_id: string; user_id: string } | undefined;
    if (!row) throw new Error(`preference ${id} is not in ${dbPath}`);
    return row;
  } finally {
    db.close();
  }
}
