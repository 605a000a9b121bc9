// `opencom serve`: load config, open and migrate the store, bootstrap identity, listen, and stop cleanly.
import type { Config } from './config.ts';
import { openApplication } from './application.ts';
import { acceleratedClock } from './devices/clock.ts';
import { FleetRuntime, simulatorFor } from './fleet/fleet-runtime.ts';
import { JobEngine } from './job-engine/engine.ts';
import { startApprovalExpiry } from './resources/approval-requests/service.ts';
import { ScheduleRunner } from './resources/schedules/runner.ts';
import { openStore } from './store/open-store.ts';

export async function serve(config: Config): Promise<void> {
  const store = await openStore({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile, postgresSchema: config.postgresSchema });
  const { app, bootstrap, identity } = await openApplication(config, store);
  const defaultWorkspace = bootstrap?.workspaceId ?? (await identity.listWorkspaces())[0]?.id;
  const fleet = defaultWorkspace ? await FleetRuntime.start(store, config.fleet, defaultWorkspace, app.log) : undefined;
  // Jobs act on the virtual fleet's devices; without a fleet they still run against stored servers.
  const clock = fleet?.clock ?? acceleratedClock(config.fleet.timeFactor);
  const engine = config.jobs.run
    ? new JobEngine({ store, driver: fleet?.driver ?? simulatorFor(store, clock), clock, log: app.log, ...config.jobs })
    : undefined;
  engine?.start();
  // Schedules create jobs: a process that runs no jobs fires no schedules either.
  const schedules = config.jobs.run ? new ScheduleRunner({ store, log: app.log }) : undefined;
  schedules?.start();
  // Approval requests past their deadline end the jobs they held.
  const stopApprovalExpiry = config.jobs.run ? startApprovalExpiry(store, (err) => app.log.error({ err }, 'approval expiry sweep failed')) : undefined;
  app.addHook('onClose', async () => {
    stopApprovalExpiry?.();
    await schedules?.stop();
    await engine?.stop();
    await fleet?.stop();
  });
  const address = await app.listen({ host: config.host, port: config.port });
  const base = address.replace('[::1]', 'localhost');
  const clientId = bootstrap?.clientId || process.env.OPENCOM_BOOTSTRAP_CLIENT_ID || '<client-id>';
  const secret = bootstrap?.clientSecret ?? '<client-secret>';
  const lines = [
    '',
    `OpenCOM is listening on ${base} (database: ${store.dialect === 'sqlite' ? config.sqliteFile : 'PostgreSQL'})`,
    `API docs: ${base}/docs   OpenAPI: ${base}/openapi.json`,
  ];
  if (fleet) {
    const { generated, declared } = fleet.loaded;
    lines.push(
      `Virtual fleet: ${config.fleet.demoServers} demo servers (seed ${config.fleet.seed})${config.fleet.file ? ` and ${config.fleet.file}` : ''}; ` +
        `${generated + declared} added now; ${config.fleet.live ? `living at ${config.fleet.timeFactor}x time` : 'still'}.`,
    );
  }
  if (bootstrap?.created) {
    lines.push(
      `First start: created workspace ${bootstrap.workspaceId}, administrator ${config.bootstrap.userEmail} and an API client.`,
      bootstrap.clientSecret && !config.bootstrap.clientSecret ? 'The client secret is shown only this once; keep it.' : '',
    );
  }
  lines.push(
    'Get a token:',
    `  curl -s -X POST ${base}/as/token.oauth2 -d grant_type=client_credentials -d client_id=${clientId} -d client_secret=${secret}`,
    '',
  );
  process.stdout.write(lines.filter((l) => l !== null).join('\n') + '\n');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping');
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
