// The opencom command: `serve` runs the API; the identity commands manage workspaces, MSP tenants, users
// and API clients directly in the configured database (they work whether or not the server is running).
import { Command, Option } from 'commander';
import { loadConfig } from '../config.ts';
import { ALL_MIGRATIONS } from '../application.ts';
import { IdentityError, IdentityService } from '../identity/identity-service.ts';
import { ROLES, type Role } from '../identity/model.ts';
import { serve } from '../main.ts';
import { openStore } from '../store/open-store.ts';
import { OPENCOM_VERSION } from '../version.ts';

function print(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** Runs an identity command against the configured store; refusals print a message and exit 1. */
async function withIdentity(fn: (identity: IdentityService) => Promise<unknown>): Promise<void> {
  const config = loadConfig();
  const store = await openStore({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile, postgresSchema: config.postgresSchema });
  try {
    await store.migrate(ALL_MIGRATIONS);
    const result = await fn(new IdentityService(store));
    if (result !== undefined) print(result);
  } catch (err) {
    if (!(err instanceof IdentityError)) throw err;
    process.stderr.write(`opencom: ${err.message}\n`);
    process.exitCode = 1;
  } finally {
    await store.close();
  }
}

export function buildCli(): Command {
  const program = new Command('opencom').version(OPENCOM_VERSION).description('OpenCOM: a self-hosted, COM-compatible server-fleet manager');

  program
    .command('serve')
    .description('serve the API (PORT, HOST, DATABASE_URL, OPENCOM_DB… configure it)')
    .action(async () => serve(loadConfig()));

  const workspace = program.command('workspace').description('manage workspaces');
  workspace
    .command('create')
    .requiredOption('--name <name>', 'workspace name')
    .option('--msp', 'create an MSP workspace, which can have tenants')
    .option('--id <uuid>', 'application customer id (generated when omitted)')
    .action((o: { name: string; msp?: boolean; id?: string }) =>
      withIdentity((i) => i.createWorkspace({ name: o.name, kind: o.msp ? 'MSP' : 'STANDARD', ...(o.id ? { id: o.id } : {}) })),
    );
  workspace.command('list').action(() => withIdentity((i) => i.listWorkspaces()));
  workspace
    .command('revoke <id>')
    .description('stop all access to a workspace (its data is kept)')
    .action((id: string) => withIdentity(async (i) => (await i.revokeWorkspace(id), { revoked: id })));

  const tenant = program.command('tenant').description('manage the tenants of an MSP workspace');
  tenant
    .command('create')
    .requiredOption('--msp <id>', 'MSP workspace id')
    .requiredOption('--name <name>', 'tenant name')
    .option('--id <uuid>', 'tenant application customer id')
    .action((o: { msp: string; name: string; id?: string }) => withIdentity((i) => i.createTenant(o.msp, o.name, o.id)));
  tenant
    .command('list')
    .requiredOption('--msp <id>', 'MSP workspace id')
    .action((o: { msp: string }) => withIdentity((i) => i.listTenants(o.msp)));
  tenant
    .command('revoke <id>')
    .action((id: string) => withIdentity(async (i) => (await i.revokeWorkspace(id), { revoked: id })));

  const user = program.command('user').description('manage the users of a workspace');
  user
    .command('create')
    .requiredOption('--workspace <id>', 'workspace id')
    .requiredOption('--email <email>', 'user e-mail')
    .addOption(new Option('--role <role>', 'role in the workspace').choices([...ROLES]).default('operator'))
    .action((o: { workspace: string; email: string; role: Role }) => withIdentity((i) => i.addUser(o.workspace, o.email, o.role)));
  user
    .command('list')
    .requiredOption('--workspace <id>', 'workspace id')
    .action((o: { workspace: string }) => withIdentity((i) => i.listUsers(o.workspace)));
  user
    .command('revoke')
    .description('remove a user from a workspace and revoke their API clients there')
    .requiredOption('--workspace <id>', 'workspace id')
    .requiredOption('--email <email>', 'user e-mail')
    .action((o: { workspace: string; email: string }) =>
      withIdentity(async (i) => (await i.removeUser(o.workspace, o.email), { revoked: o.email })),
    );

  const client = program.command('client').description('manage personal API clients');
  client
    .command('create')
    .requiredOption('--workspace <id>', 'workspace id')
    .requiredOption('--email <email>', 'owning user e-mail')
    .option('--name <name>', 'client name', 'API client')
    .action((o: { workspace: string; email: string; name: string }) =>
      withIdentity(async (i) => {
        const { client: c, secret } = await i.createApiClient(o.workspace, o.email, { name: o.name });
        return { ...c, clientSecret: secret, note: 'the secret is shown only once' };
      }),
    );
  client
    .command('list')
    .requiredOption('--workspace <id>', 'workspace id')
    .action((o: { workspace: string }) => withIdentity((i) => i.listApiClients(o.workspace)));
  client
    .command('revoke <clientId>')
    .action((id: string) => withIdentity(async (i) => (await i.revokeApiClient(id), { revoked: id })));

  return program;
}

await buildCli().parseAsync(process.argv);
