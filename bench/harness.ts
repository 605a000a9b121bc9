// Benchmark plumbing: start OpenCOM and a bare node:http baseline as child processes (so neither shares an
// event loop with the load generator), drive both with autocannon, and report a ratio measured in one run.
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = new URL('..', import.meta.url).pathname;

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as { port: number }).port;
  server.close();
  return port;
}

async function waitFor(url: string, child: ChildProcess, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

export interface RunningServer {
  base: string;
  stop(): Promise<void>;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await Promise.race([once(child, 'exit'), new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/** Starts `opencom serve` on a fresh SQLite database (or DATABASE_URL when given) with fixed credentials. */
export async function startOpenCom(env: Record<string, string> = {}): Promise<RunningServer & { clientId: string; clientSecret: string; dbPath: string }> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'opencom-bench-'));
  const clientId = 'bench-client';
  const clientSecret = 'bench-secret-0123456789';
  const child = spawn(process.execPath, [join(ROOT, 'bin/opencom.mjs'), 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      OPENCOM_DB: join(dir, 'opencom.db'),
      OPENCOM_BOOTSTRAP_CLIENT_ID: clientId,
      OPENCOM_BOOTSTRAP_CLIENT_SECRET: clientSecret,
      // A limit far above what the load generator reaches: the limiter's cost is measured, never its 429s.
      OPENCOM_RATE_LIMIT_MAX: '1000000000',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/healthz`, child);
  return {
    base,
    clientId,
    clientSecret,
    dbPath: join(dir, 'opencom.db'),
    // A 100,000-server database is about 2 GB: never leave one behind.
    stop: async () => {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs `script(port, bodyFile)` as a bare node process serving `body` (written to a file it reads at start) on a
 * free loopback port, and waits until it answers: the in-run references the benchmarks compare against.
 */
async function startReference(body: string, script: (port: number, bodyFile: string) => string): Promise<RunningServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'opencom-reference-'));
  const bodyFile = join(dir, 'body');
  writeFileSync(bodyFile, body);
  const child = spawn(process.execPath, ['-e', script(port, bodyFile)], { stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(base, child);
  return {
    base,
    stop: async () => {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Serves exactly `body` with `contentType` from a bare node:http process: the in-run baseline. */
export function startBaseline(body: string, contentType: string): Promise<RunningServer> {
  return startReference(body, (port, bodyFile) => `
    const body = require('fs').readFileSync(${JSON.stringify(bodyFile)});
    require('http').createServer((req, res) => {
      res.writeHead(200, { 'content-type': ${JSON.stringify(contentType)}, 'content-length': body.length });
      res.end(body);
    }).listen(${port}, '127.0.0.1');`);
}

/**
 * The floor under any Fastify + SQLite request path: a bare Fastify route that runs one indexed read with
 * better-sqlite3 on OpenCOM's own database file (read-only, beside the running server) and sends fixed bytes.
 * No authentication, envelope, serialization or hooks: what OpenCOM adds is the distance from this floor.
 */
export function startSqliteFloor(dbPath: string, sql: string, params: readonly unknown[], body: string): Promise<RunningServer> {
  return startReference(body, (port, bodyFile) => `
    const { createRequire } = require('module');
    const load = createRequire(${JSON.stringify(join(ROOT, 'package.json'))});
    const Database = load('better-sqlite3');
    const db = new Database(${JSON.stringify(dbPath)}, { readonly: true });
    const read = db.prepare(${JSON.stringify(sql)});
    const params = ${JSON.stringify(params)};
    const body = require('fs').readFileSync(${JSON.stringify(bodyFile)});
    const app = load('fastify')();
    app.get('/', (request, reply) => {
      if (read.all(...params).length !== 1) return reply.code(500).send();
      reply.header('content-type', 'application/json; charset=utf-8').send(body);
    });
    app.listen({ port: ${port}, host: '127.0.0.1' });`);
}

export async function getToken(base: string, clientId: string, clientSecret: string): Promise<string> {
  const res = await fetch(`${base}/as/token.oauth2`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
  });
  if (!res.ok) throw new Error(`token: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

export interface LoadResult {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  non2xx: number;
}

/** Drives one URL with autocannon; a short warm-up first so JIT and caches settle. */
export async function load(url: string, headers: Record<string, string>, seconds: number, connections = 10): Promise<LoadResult> {
  await autocannon({ url, headers, connections, duration: Math.max(1, Math.round(seconds / 4)) });
  const r = await autocannon({ url, headers, connections, duration: seconds });
  return { requestsPerSecond: r.requests.average, latencyP50Ms: r.latency.p50, latencyP99Ms: r.latency.p99, non2xx: r.non2xx };
}

export function report(name: string, ratio: number): void {
  console.log(`BENCH ${name} ratio=${ratio.toFixed(3)}`);
}
