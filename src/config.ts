// Environment → one validated, typed Config. Defaults live here and nowhere else.
import { resolve } from 'node:path';

/** Everything the process reads from its environment. */
export interface Config {
  host: string;
  port: number;
  /** PostgreSQL URL; when absent the embedded SQLite database at `sqliteFile` is used. */
  databaseUrl: string | undefined;
  /** PostgreSQL schema to use instead of the connection's default (several OpenCOMs on one database). */
  postgresSchema: string | undefined;
  sqliteFile: string;
  logLevel: string;
  /** Issuer written into and required of our own tokens. */
  tokenIssuer: string;
  /** Lifetime of tokens from /as/token.oauth2 (GreenLake's legacy SSO issues about two hours). */
  legacyTokenTtlSeconds: number;
  /** Lifetime of tokens from /authorization/v2/oauth2/{workspaceId}/token (about 15 minutes in GreenLake). */
  workspaceTokenTtlSeconds: number;
  /** Optional external OIDC issuer whose tokens are accepted as well. */
  jwksUrl: string | undefined;
  jwtIssuer: string | undefined;
  jwtAudience: string | undefined;
  /** Claim of an external token that holds the workspace (application customer) id. */
  jwtWorkspaceClaim: string;
  /** Claim of an external token that holds the user's e-mail. */
  jwtEmailClaim: string;
  bootstrap: {
    workspaceId: string | undefined;
    clientId: string | undefined;
    clientSecret: string | undefined;
    userEmail: string;
  };
  rateLimit: {
    /** Requests allowed per window per API client (0 disables the limit). */
    max: number;
    windowMs: number;
  };
  /** Largest accepted request body, in bytes. */
  bodyLimit: number;
  fleet: {
    /** Servers of the generated demo fleet in the bootstrap workspace (0 = none). */
    demoServers: number;
    /** Seed of the generated fleet: the same seed gives the same fleet everywhere. */
    seed: number;
    /** YAML or JSON file declaring servers to load on start. */
    file: string | undefined;
    /** Simulated milliseconds per real millisecond (60 = a simulated minute per second). */
    timeFactor: number;
    /** Whether the fleet lives (power, health, alerts, telemetry) while the server runs. */
    live: boolean;
    /** At most this many servers per workspace report telemetry samples, to bound storage. */
    telemetryServers: number;
  };
  jobs: {
    /** Whether this process runs jobs (several processes may share the work on PostgreSQL). */
    run: boolean;
    /** Job steps this process runs at once. */
    concurrency: number;
    /** Real milliseconds between queue polls when nothing nudges the engine. */
    pollMs: number;
    /** Real milliseconds after which a step whose worker went silent is taken over. */
    leaseMs: number;
  };
  approvals: {
    /** Hours an approval request stays PENDING before it expires and its held job ends (COM documents no timeout). */
    expiryHours: number;
  };
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer >= ${min}, got '${raw}'`);
  return n;
}

/** Fastest simulated time: a 20-minute firmware update takes 1.2 real milliseconds. */
export const MAX_TIME_FACTOR = 1_000_000;

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number, max = Number.MAX_VALUE): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0 || n > max) throw new Error(`${name} must be a number > 0${max < Number.MAX_VALUE ? ` and <= ${max}` : ''}, got '${raw}'`);
  return n;
}

function str(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v === '' ? undefined : v;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const workspaceId = str(env, 'OPENCOM_BOOTSTRAP_WORKSPACE_ID');
  if (workspaceId && !UUID.test(workspaceId)) {
    throw new Error(`OPENCOM_BOOTSTRAP_WORKSPACE_ID must be a UUID, got '${workspaceId}'`);
  }
  const port = int(env, 'PORT', 8080);
  return {
    host: str(env, 'HOST') ?? '127.0.0.1',
    port,
    databaseUrl: str(env, 'DATABASE_URL'),
    postgresSchema: str(env, 'OPENCOM_PG_SCHEMA'),
    sqliteFile: resolve(str(env, 'OPENCOM_DB') ?? 'data/opencom.db'),
    logLevel: str(env, 'LOG_LEVEL') ?? 'info',
    tokenIssuer: str(env, 'OPENCOM_TOKEN_ISSUER') ?? 'opencom',
    legacyTokenTtlSeconds: int(env, 'OPENCOM_TOKEN_TTL_SECONDS', 7200, 1),
    workspaceTokenTtlSeconds: int(env, 'OPENCOM_WORKSPACE_TOKEN_TTL_SECONDS', 899, 1),
    jwksUrl: str(env, 'OPENCOM_JWKS_URL'),
    jwtIssuer: str(env, 'OPENCOM_JWT_ISSUER'),
    jwtAudience: str(env, 'OPENCOM_JWT_AUDIENCE'),
    jwtWorkspaceClaim: str(env, 'OPENCOM_JWT_WORKSPACE_CLAIM') ?? 'hpe_workspace_id',
    jwtEmailClaim: str(env, 'OPENCOM_JWT_EMAIL_CLAIM') ?? 'email',
    bootstrap: {
      workspaceId: workspaceId?.toLowerCase(),
      clientId: str(env, 'OPENCOM_BOOTSTRAP_CLIENT_ID'),
      clientSecret: str(env, 'OPENCOM_BOOTSTRAP_CLIENT_SECRET'),
      userEmail: str(env, 'OPENCOM_BOOTSTRAP_USER_EMAIL') ?? 'admin@opencom.local',
    },
    rateLimit: {
      max: int(env, 'OPENCOM_RATE_LIMIT_MAX', 6000),
      windowMs: int(env, 'OPENCOM_RATE_LIMIT_WINDOW_SECONDS', 60, 1) * 1000,
    },
    bodyLimit: int(env, 'OPENCOM_BODY_LIMIT_BYTES', 1024 * 1024, 1024),
    fleet: {
      demoServers: int(env, 'OPENCOM_DEMO_SERVERS', 200),
      seed: int(env, 'OPENCOM_DEMO_SEED', 1),
      file: str(env, 'OPENCOM_FLEET_FILE'),
      timeFactor: positive(env, 'OPENCOM_TIME_FACTOR', 1, MAX_TIME_FACTOR),
      live: (str(env, 'OPENCOM_FLEET_LIVE') ?? 'true') !== 'false',
      telemetryServers: int(env, 'OPENCOM_TELEMETRY_SERVERS', 1000),
    },
    jobs: {
      run: (str(env, 'OPENCOM_JOBS_RUN') ?? 'true') !== 'false',
      concurrency: int(env, 'OPENCOM_JOB_CONCURRENCY', 32, 1),
      pollMs: int(env, 'OPENCOM_JOB_POLL_MS', 250, 10),
      leaseMs: int(env, 'OPENCOM_JOB_LEASE_MS', 30_000, 100),
    },
    approvals: {
      expiryHours: int(env, 'OPENCOM_APPROVAL_EXPIRY_HOURS', 168, 1),
    },
  };
}
