// The job engine's promises about processes, tested with real processes: kill -9 in the middle of 100
// running jobs loses none, and on PostgreSQL two processes share the queue with every step run once.
import { afterEach, describe, expect, it } from 'vitest';
import { apiClient, processDatabase, startOpenCom, type OpenComProcess, type ProcessDatabase } from '../helpers/opencom-process.ts';
import { testDialect } from '../helpers/test-store.ts';

const POWER_ON = '0cbb2377-1834-488d-840c-d5bf788c34fb';
const POWER_OFF = 'd0c13b58-748c-461f-9a61-c0c5c71f1bb4';
const UID_ON = 'a46b210a-b0c7-4223-ab43-c4c1e77e680c';
const UID_OFF = 'fd837434-a2f2-4bc8-b1b4-ec068bd036aa';

interface Page<T> {
  total: number;
  items: T[];
}
interface Job {
  id: string;
  state: string;
  resultCode: string | null;
  status: string;
  resource: { id: string };
  data?: { state_reason_message?: { message_id: string; message_args: string[] } };
}
interface Server {
  id: string;
  hardware: { powerState: string };
  state: { connected: boolean };
}

let processes: OpenComProcess[] = [];
let database: ProcessDatabase | undefined;

afterEach(async () => {
  for (const p of processes) await p.kill('SIGKILL');
  processes = [];
  await database?.dispose();
  database = undefined;
});

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const q = (filter: string) => encodeURIComponent(filter);

/** Every server, page by page (server lists return at most 100 per page). */
async function allServers(api: ReturnType<typeof apiClient>): Promise<Server[]> {
  const out: Server[] = [];
  for (;;) {
    const page = (await api<Page<Server>>('GET', `/compute-ops-mgmt/v1/servers?limit=100&offset=${out.length}`)).body;
    out.push(...page.items);
    if (page.items.length === 0 || out.length >= page.total) return out;
  }
}

describe('job durability', () => {
  it('kill -9 during 100 running jobs: after a restart every job resumes or ends with a reason, none lost', async () => {
    database = processDatabase();
    // Real time: a power transition takes 30 seconds, so the kill lands while every job is mid-flight.
    const env = { OPENCOM_DEMO_SERVERS: '250', OPENCOM_TIME_FACTOR: '1', OPENCOM_JOB_LEASE_MS: '1000' };
    const first = await startOpenCom(database, env);
    processes.push(first);
    let api = apiClient(first, await first.token());
    // 100 connected servers whose power state the API shows (servers without an active subscription show
    // only their identity), so the outcome can be checked over HTTP.
    const servers = (await allServers(api))
      .filter((s) => s.state.connected)
      .filter((s) => s.hardware.powerState === 'ON' || s.hardware.powerState === 'OFF')
      .slice(0, 100);
    expect(servers).toHaveLength(100);
    const wanted = new Map<string, string>();
    for (const s of servers) {
      const on = s.hardware.powerState === 'ON';
      wanted.set(s.id, on ? 'OFF' : 'ON');
      const created = await api('POST', '/compute-ops-mgmt/v1/jobs', { jobTemplate: on ? POWER_OFF : POWER_ON, resourceType: 'compute-ops-mgmt/server', resourceId: s.id, jobParams: null });
      expect(created.status).toBe(201);
    }
    const list = async (filter: string) => (await api<Page<Job>>('GET', `/compute-ops-mgmt/v1/jobs?limit=1000&filter=${q(filter)}`)).body.items;
    // Every job has taken its first step: most are now waiting for their server to change power state.
    await until('every job to have started', async () => (await list("state eq 'PENDING'")).length === 0, 60_000);
    const inFlight = await list("state eq 'RUNNING'");
    expect(inFlight.length).toBeGreaterThanOrEqual(50);
    await first.kill('SIGKILL');
    const second = await startOpenCom(database, env);
    processes.push(second);
    api = apiClient(second, await second.token());
    await until('every job to end', async () => (await api<Page<Job>>('GET', `/compute-ops-mgmt/v1/jobs?limit=1&filter=${q("state in ('PENDING','RUNNING')")}`)).body.total === 0, 120_000);

    const jobs = (await api<Page<Job>>('GET', '/compute-ops-mgmt/v1/jobs?limit=1000')).body.items;
    expect(jobs).toHaveLength(100);
    const after = new Map((await allServers(api)).map((s) => [s.id, s]));
    const byId = new Map(jobs.map((j) => [j.id, j]));
    // The jobs that were mid-flight when the process died resumed and did what they were asked.
    for (const { id } of inFlight) {
      const job = byId.get(id)!;
      expect(job, JSON.stringify(job)).toMatchObject({ state: 'COMPLETE', resultCode: 'SUCCESS' });
      expect(after.get(job.resource.id)!.hardware.powerState).toBe(wanted.get(job.resource.id));
    }
    // Every other job ended too, and one that did not succeed says why.
    for (const job of jobs) {
      expect(['COMPLETE', 'ERROR', 'STALLED']).toContain(job.state);
      if (job.resultCode !== 'SUCCESS') expect(job.data?.state_reason_message?.message_id).toBeTruthy();
    }
  }, 400_000);

  it.skipIf(testDialect === 'sqlite')('two processes on one PostgreSQL database share the jobs, each step run once', async () => {
    database = processDatabase();
    const a = await startOpenCom(database, { OPENCOM_DEMO_SERVERS: '100', OPENCOM_TIME_FACTOR: '1000', LOG_LEVEL: 'debug', OPENCOM_JOB_CONCURRENCY: '4' });
    processes.push(a);
    const b = await startOpenCom(database, { OPENCOM_DEMO_SERVERS: '0', OPENCOM_TIME_FACTOR: '1000', LOG_LEVEL: 'debug', OPENCOM_JOB_CONCURRENCY: '4' });
    processes.push(b);
    const api = apiClient(a, await a.token());
    const servers = (await api<Page<Server>>('GET', `/compute-ops-mgmt/v1/servers?limit=100&filter=${q('state/connected eq true')}`)).body.items;
    expect(servers.length).toBeGreaterThan(50);
    for (const s of servers) {
      for (const template of [UID_ON, UID_OFF]) {
        const created = await api('POST', '/compute-ops-mgmt/v1/jobs', { jobTemplate: template, resourceType: 'compute-ops-mgmt/server', resourceId: s.id });
        expect(created.status).toBe(201);
      }
    }
    await until('every job to end', async () => (await api<Page<Job>>('GET', `/compute-ops-mgmt/v1/jobs?limit=1&filter=${q("state in ('PENDING','RUNNING')")}`)).body.total === 0, 120_000);
    const jobs = (await api<Page<Job>>('GET', '/compute-ops-mgmt/v1/jobs?limit=1000')).body.items;
    expect(jobs).toHaveLength(servers.length * 2);
    expect(jobs.every((j) => j.state === 'COMPLETE' && j.resultCode === 'SUCCESS')).toBe(true);

    const claims = (p: OpenComProcess) =>
      p
        .output()
        .split('\n')
        .filter((l) => l.includes('"job step claimed"'))
        .map((l) => JSON.parse(l) as { jobId: string; step: string; worker: string });
    const all = [...claims(a), ...claims(b)];
    const keys = all.map((c) => `${c.jobId}@${c.step}`);
    expect(new Set(keys).size).toBe(keys.length); // no step claimed twice
    expect(new Set(all.map((c) => c.jobId)).size).toBe(jobs.length); // every job claimed
    expect(claims(a).length).toBeGreaterThan(0);
    expect(claims(b).length).toBeGreaterThan(0); // both processes did work
  }, 400_000);
});
