// Real OpenCOM processes for tests that must kill or multiply them: `opencom serve` on a loopback port, on
// a SQLite file or a private PostgreSQL schema, with a fixed API client so the test can get tokens.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { testDatabaseUrl } from './test-store.ts';

export const CLIENT_ID = 'process-test-client';
export const CLIENT_SECRET = 'process-test-secret-0123456789';
export const WORKSPACE_ID = '0b7e4a52-5a3b-4c52-9d1e-6f2a0c9b8d11';

/** Where a group of processes keeps its data: a SQLite file, or a PostgreSQL schema dropped at the end. */
export interface ProcessDatabase {
  env: Record<string, string>;
  dispose(): Promise<void>;
}

export function processDatabase(): ProcessDatabase {
  if (!testDatabaseUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'opencom-proc-'));
    return { env: { OPENCOM_DB: join(dir, 'opencom.db') }, dispose: async () => undefined };
  }
  const schema = `p_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  return {
    env: { DATABASE_URL: testDatabaseUrl, OPENCOM_PG_SCHEMA: schema },
    dispose: async () => {
      const admin = new pg.Client({ connectionString: testDatabaseUrl });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
    },
  };
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface OpenComProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote to stdout (pino JSON lines and the start banner). */
  output(): string;
  token(): Promise<string>;
  kill(signal: NodeJS.Signals): Promise<void>;
}

export async function startOpenCom(database: ProcessDatabase, env: Record<string, string> = {}): Promise<OpenComProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [resolve('bin/opencom.mjs'), 'serve'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      OPENCOM_BOOTSTRAP_WORKSPACE_ID: WORKSPACE_ID,
      OPENCOM_BOOTSTRAP_CLIENT_ID: CLIENT_ID,
      OPENCOM_BOOTSTRAP_CLIENT_SECRET: CLIENT_SECRET,
      OPENCOM_FLEET_LIVE: 'false',
      OPENCOM_RATE_LIMIT_MAX: '0',
      ...database.env,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`opencom exited with ${child.exitCode}:\n${out}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`opencom did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    child,
    output: () => out,
    async token() {
      const res = await fetch(`${url}/as/token.oauth2`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: CLIENT_SECRET }).toString(),
      });
      if (!res.ok) throw new Error(`token: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { access_token: string }).access_token;
    },
    async kill(signal) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await exited;
    },
  };
}

/** A small JSON client bound to one process and token. */
export function apiClient(proc: OpenComProcess, token: string) {
  return async <T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${proc.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
}
