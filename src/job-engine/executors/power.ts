// Power on / off / restart / cold boot (job-templates.md §3 "Power / boot"): ask the BMC, then watch the
// server reach the wanted state. The store learns the new power state in the step that sees it.
import type { PowerAction } from '../../devices/driver.ts';
import type { PowerState } from '../../resources/servers/model.ts';
import { end, wait, type Executor, type StepContext, type StepOutcome } from '../executor.ts';
import { changeServer, deviceFailure, deviceOf } from './device.ts';

const CHECK_EVERY_MS = 15_000;
/**
 * Looks before giving up: ten simulated minutes. Counted in looks rather than measured on the clock, because
 * at high time factors one real millisecond of timer granularity is already many simulated minutes.
 */
const MAX_CHECKS = 40;

interface PowerCheckpoint {
  phase?: 'requested';
  checks?: number;
}

function powerJob(actionOf: (params: Record<string, unknown>) => PowerAction, wanted: PowerState, verb: string, alreadyMessage?: string): Executor {
  return {
    async step({ job, driver }: StepContext): Promise<StepOutcome> {
      const device = deviceOf(job);
      const cp = job.run.checkpoint as PowerCheckpoint;
      if (cp.phase !== 'requested') {
        const status = await driver.readStatus(device);
        if (!status.ok) return deviceFailure(status, `${verb} failed`);
        if (alreadyMessage && status.value.powerState === wanted) return end('COMPLETE', 'SUCCESS', alreadyMessage, { results: { powerState: wanted } });
        const asked = await driver.power(device, actionOf(job.params));
        if (!asked.ok) return deviceFailure(asked, `${verb} failed`);
        return wait({ phase: 'requested', checks: 0 }, CHECK_EVERY_MS, { status: `Step 1 of 2: ${verb} requested` });
      }
      const status = await driver.readStatus(device);
      if (!status.ok) return deviceFailure(status, `${verb} failed`);
      if (status.value.powerState === wanted) {
        return end('COMPLETE', 'SUCCESS', 'Complete', {
          results: { powerState: wanted },
          writes: async (tx) => void (await changeServer(tx, job, (s) => ({ ...s, hardware: { ...s.hardware, powerState: wanted } }))),
        });
      }
      const checks = (cp.checks ?? 0) + 1;
      if (checks > MAX_CHECKS) {
        return end('ERROR', 'FAILURE', `JobErrorException : the server did not reach power state ${wanted}`, {
          reason: { message_id: 'SRV-107', message_args: [wanted] },
        });
      }
      // After a restart the in-memory device may have forgotten the request: ask again when nothing is moving.
      if (status.value.powerState !== 'POWERING_ON' && status.value.powerState !== 'POWERING_OFF' && status.value.powerState !== 'RESET') {
        const asked = await driver.power(device, actionOf(job.params));
        if (!asked.ok && asked.reason !== 'REFUSED') return deviceFailure(asked, `${verb} failed`);
      }
      return wait({ phase: 'requested', checks }, CHECK_EVERY_MS, { status: `Step 2 of 2: waiting for power state ${wanted}` });
    },
  };
}

export const powerOn = powerJob(() => 'On', 'ON', 'Power on', 'The server is already powered on');
export const powerOff = powerJob((p) => (p['operationType'] === 'GracefulShutdown' ? 'GracefulShutdown' : 'ForceOff'), 'OFF', 'Power off', 'The server is already powered off');
export const restart = powerJob(() => 'GracefulRestart', 'ON', 'Restart');
export const coldBoot = powerJob(() => 'PowerCycle', 'ON', 'Cold boot');
