// iLOSecurity, "Configure ignore iLO security risk settings" (job-templates.md, Server misc): re-reads the
// iLO security dashboard, sets each parameter's Ignore as `ignoreSecuritySettings` asks (the iLO keeps the
// choice), and stores the dashboard as the server's security parameters (servers.md §5.9), where an ignored
// parameter no longer counts against overallSecurityStatus.
import type { DeviceDriver, DeviceRef, SecurityDashboard, SecurityParam } from '../../devices/driver.ts';
import type { Issue } from '../../http/com-error.ts';
import { saveSecurityParameters, storedDetails } from '../../resources/servers/details-service.ts';
import type { SecurityParameter } from '../../resources/servers/model.ts';
import type { Db } from '../../store/store.ts';
import { end, type Executor, type StepOutcome } from '../executor.ts';
import type { StoredJob } from '../model.ts';
import { deviceFailure, deviceOf, serverConnectedIssues } from './device.ts';

/** One member of `jobParams.ignoreSecuritySettings`, as the template's schema admits it. */
interface IgnoreSetting {
  name: string;
  ignore: boolean;
  id: string;
}

const FIELD = 'jobParams.ignoreSecuritySettings';

const settingsOf = (params: Record<string, unknown>): IgnoreSetting[] => (params['ignoreSecuritySettings'] as IgnoreSetting[] | undefined) ?? [];

/** Names are compared without case: tools spell some differently ("IPMI/DCMI over LAN"). */
const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * Each setting must name one of the server's parameters as GET security-parameters shows them, by id and name
 * (job-templates.md: "must match the server's security parameter name"). A server whose dashboard was never
 * read has nothing to check against; its iLO decides when the job runs.
 */
async function ignoreSettingsIssues(db: Db, job: { workspaceId: string; resource: StoredJob['resource']; params: Record<string, unknown> }): Promise<Issue[]> {
  const known = (await storedDetails(db, job.workspaceId, job.resource.id))?.securityParameters ?? [];
  if (known.length === 0) return [];
  return settingsOf(job.params).flatMap((s, i): Issue[] => {
    const param = known.find((p) => p.id === s.id);
    if (!param) return [{ source: 'field', subject: `${FIELD}.${i}.id`, description: `server ${job.resource.id} has no security parameter with id ${s.id}` }];
    if (!sameName(param.name, s.name)) return [{ source: 'field', subject: `${FIELD}.${i}.name`, description: `security parameter ${s.id} is "${param.name}", not "${s.name}"` }];
    return [];
  });
}

const STATES: Record<SecurityParam['state'], SecurityParameter['state']> = {
  // COM has no ON: an iLO parameter that is On (the override switch) is enabled.
  On: 'ENABLED',
  Off: 'OFF',
  Enabled: 'ENABLED',
  Disabled: 'DISABLED',
  Failed: 'FAILED',
  Ok: 'OK',
  Insufficient: 'INSUFFICIENT',
  Repaired: 'REPAIRED',
  True: 'TRUE',
  False: 'FALSE',
};

/** The iLO's HpeiLOSecurityParam in COM's words (securityParameter-v1). */
function toSecurityParameter(p: SecurityParam): SecurityParameter {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    recommendedAction: p.recommendedAction,
    securityStatus: p.securityStatus === 'Risk' ? 'RISK' : 'OK',
    state: STATES[p.state],
    ignore: p.ignore,
  };
}

/** PATCHes Ignore where the iLO differs from what is asked; the names of the parameters it changed. */
async function applyIgnores(driver: DeviceDriver, device: DeviceRef, dashboard: SecurityDashboard, wanted: readonly IgnoreSetting[]): Promise<{ changed: string[] } | { failure: StepOutcome }> {
  const missing = wanted.filter((w) => !dashboard.params.some((p) => sameName(p.name, w.name)));
  if (missing.length) {
    const names = missing.map((w) => w.name).join(', ');
    return { failure: end('ERROR', 'FAILURE', `JobErrorException : the iLO has no security parameter ${names}`, { reason: { message_id: 'SRV-104', message_args: [names] } }) };
  }
  const changed: string[] = [];
  for (const w of wanted) {
    const param = dashboard.params.find((p) => sameName(p.name, w.name))!;
    if (param.ignore === w.ignore || changed.includes(param.name)) continue;
    const done = await driver.setSecurityParamIgnore(device, param.id, w.ignore);
    if (!done.ok) return { failure: deviceFailure(done, `Setting ignore on ${param.name} failed`) };
    changed.push(param.name);
  }
  return { changed };
}

export const iloSecurity: Executor = {
  async validate(db, job) {
    const issues = await serverConnectedIssues(db, job.workspaceId, job.resource.id);
    return issues.length ? issues : ignoreSettingsIssues(db, job);
  },

  async step({ job, driver }) {
    const device = deviceOf(job);
    const before = await driver.readSecurityDashboard(device);
    if (!before.ok) return deviceFailure(before, 'Reading the iLO security dashboard failed');
    const applied = await applyIgnores(driver, device, before.value, settingsOf(job.params));
    if ('failure' in applied) return applied.failure;
    const after = applied.changed.length ? await driver.readSecurityDashboard(device) : before;
    if (!after.ok) return deviceFailure(after, 'Reading the iLO security dashboard failed');
    const params = after.value.params.map(toSecurityParameter);
    const atRisk = params.filter((p) => p.securityStatus === 'RISK' && !p.ignore).length;
    return end('COMPLETE', 'SUCCESS', 'Complete', {
      results: {
        // The view's rule (servers.md §5.9): only risks nobody chose to ignore count.
        overallSecurityStatus: atRisk ? 'RISK' : 'OK',
        parametersAtRisk: atRisk,
        ignoredParameters: params.filter((p) => p.ignore).map((p) => p.name),
        changedParameters: applied.changed,
      },
      writes: (tx) => saveSecurityParameters(tx, job.workspaceId, job.resource.id, params),
    });
  },
};
