// Per-request cost of GET /compute-ops-mgmt/v1/user-preferences that does not depend on how busy the machine
// is: instructions of the server's main thread under callgrind (--callgrind), or else the main thread's CPU
// time. Wall-clock throughput on a shared 2-core machine swings by ±15%; these numbers move by a few percent.
//
//   node --import tsx bench/instructions.ts [opencom|baseline] [requests] [--callgrind]
//
// The server runs still (no living fleet, no job engine) so that only requests are counted. Warm-up, a pause
// for background compilation, a second warm-up, then the measured requests over 10 keep-alive connections.
import autocannon from 'autocannon';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, freePort, getToken } from './harness.ts';

const args = process.argv.slice(2);
const target = args.find((a) => a === 'baseline' || a === 'opencom') ?? 'opencom';
const requests = Number(args.find((a) => /^\d+$/.test(a)) ?? 4000);
const callgrind = args.includes('--callgrind');
const warmUp = Number(process.env.WARM_UP ?? 30_000);

const dir = mkdtempSync(join(tmpdir(), 'opencom-instructions-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const credentials = { clientId: 'bench-client', clientSecret: 'bench-secret-0123456789' };
const body = join(dir, 'body');
const server =
  target === 'baseline'
    ? ['-e', `const b = require('fs').readFileSync(${JSON.stringify(body)}); require('http').createServer((q, s) => {
        s.writeHead(200, { 'content-type': 'application/json', 'content-length': b.length }); s.end(b); }).listen(${port}, '127.0.0.1');`]
    : [join(ROOT, 'bin/opencom.mjs'), 'serve'];
// The baseline answers with the bytes OpenCOM answers; a fixed stand-in when no OpenCOM ran first.
writeFileSync(body, process.env.BASELINE_BODY ?? '{"offset":0,"count":1,"total":1,"items":[{"id":"00000000-0000-4000-8000-000000000000","type":"compute-ops-mgmt/user-preference","resourceUri":"/compute-ops-mgmt/v1/user-preferences/00000000-0000-4000-8000-000000000000","generation":1,"createdAt":"2026-01-01T00:00:00.000Z","updatedAt":"2026-01-01T00:00:00.000Z","criticalNotification":true,"criticalNonServiceNotification":false,"warningNotification":false,"healthNotification":true,"powerResetNotification":false,"disconnectNotification":null}]}');

const valgrind = ['--tool=callgrind', '--instr-atstart=no', '--separate-threads=yes', '--dump-instr=no', `--callgrind-out-file=${dir}/cg.out`, `--log-file=${dir}/valgrind.log`];
const child = spawn(callgrind ? 'valgrind' : process.execPath, callgrind ? [...valgrind, process.execPath, ...server] : server, {
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    OPENCOM_DB: join(dir, 'opencom.db'),
    OPENCOM_BOOTSTRAP_CLIENT_ID: credentials.clientId,
    OPENCOM_BOOTSTRAP_CLIENT_SECRET: credentials.clientSecret,
    OPENCOM_RATE_LIMIT_MAX: '1000000000',
    OPENCOM_DEMO_SERVERS: '0',
    OPENCOM_TELEMETRY_SERVERS: '0',
    OPENCOM_FLEET_LIVE: 'false',
    OPENCOM_JOBS_RUN: 'false',
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const pid = child.pid!;
// callgrind_control finds the process by a name built from HOST, which the server's environment sets.
const control = (...a: string[]) => execFileSync('callgrind_control', [...a, String(pid)], { env: { ...process.env, HOST: '127.0.0.1' }, stdio: 'ignore' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

try {
  const deadline = Date.now() + 1_800_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('server did not come up');
    if (await fetch(target === 'baseline' ? base : `${base}/healthz`).then((r) => r.ok, () => false)) break;
    await sleep(500);
  }
  let url = base;
  const headers: Record<string, string> = {};
  if (target === 'opencom') {
    headers.authorization = `Bearer ${await getToken(base, credentials.clientId, credentials.clientSecret)}`;
    url = `${base}/compute-ops-mgmt/v1/user-preferences`;
    const created = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{"criticalNotification":true,"healthNotification":true}' });
    if (!created.ok) throw new Error(`create: ${created.status}`);
  }
  const run = async (amount: number) => {
    const r = await autocannon({ url, headers, connections: 10, amount, timeout: 600 });
    if (r.non2xx || r.errors) throw new Error(`${r.non2xx} non-2xx responses, ${r.errors} errors`);
  };
  await run(warmUp);
  await sleep(15_000); // concurrent compilation and GC settle
  await run(Math.ceil(warmUp / 3));
  await sleep(5_000);
  if (callgrind) {
    control('--instr=on');
    await run(1000);
    control('--zero');
  }
  const ticks = () => readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ').slice(11, 13).map(Number);
  const [user0, sys0] = ticks();
  await run(requests);
  const [user1, sys1] = ticks();
  const perRequest = (t: number) => ((t * 10_000) / requests).toFixed(1); // clock ticks are 10 ms
  if (callgrind) {
    control('--dump');
    await sleep(1000);
    const total = (file: string) => Number(/^(?:summary|totals): (\d+)/m.exec(readFileSync(join(dir, file), 'utf8'))?.[1] ?? 0);
    const dumps = readdirSync(dir).filter((f) => f.startsWith('cg.out.1-'));
    const main = dumps.filter((f) => f.endsWith('-01')).reduce((s, f) => s + total(f), 0);
    const all = dumps.reduce((s, f) => s + total(f), 0);
    console.log(`INSTRUCTIONS ${target} main-thread=${Math.round(main / requests)}/req all-threads=${Math.round(all / requests)}/req (callgrind files in ${dir})`);
  } else {
    console.log(`CPU ${target} main-thread user=${perRequest(user1! - user0!)} µs/req sys=${perRequest(sys1! - sys0!)} µs/req`);
  }
} finally {
  child.kill('SIGKILL');
  if (!callgrind) rmSync(dir, { recursive: true, force: true });
}
