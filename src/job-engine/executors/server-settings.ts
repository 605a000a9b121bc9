// The per-server children of GroupApplyServerSettings, on HPE's internal templates: SetIloSettings PATCHes a
// group's iLO setting into one iLO and reads it back; ApplySettingsTemplate stages a BIOS setting's attributes
// (after Bios.ResetBios when `factory_reset`), which the server takes at its next boot — OpenCOM does not
// restart servers on its own, as a power job would. Only their parent creates them.
import type { BiosValue } from '../../devices/driver.ts';
import { findSetting } from '../../resources/settings/service.ts';
import type { Db } from '../../store/store.ts';
import { end, wait, type Executor, type StepOutcome } from '../executor.ts';
import { boolParam, deviceFailure, deviceOf } from './device.ts';
import { iloDeviations, iloSections } from './ilo-settings.ts';

/** An iLO applies most settings at once; network protocol changes reset it, which takes about a minute. */
const iloSettleMs = (sections: Record<string, unknown>): number => ('NetworkProtocol' in sections ? 60_000 : 15_000);
/** The Bios/Settings PATCH is taken at once; the read-back follows. */
const BIOS_SETTLE_MS = 10_000;

const internalOnly: Executor['validate'] = async () => [
  { source: 'field', subject: 'jobTemplate', description: 'this job is created by GroupApplyServerSettings (beff07ce-f36d-4699-9ac3-f872dcd63133); create that job on the group' },
];

function settingGone(what: string, id: unknown): StepOutcome {
  const message = `the ${what} setting ${String(id)} no longer exists`;
  return end('ERROR', 'FAILURE', `JobErrorException : ${message}`, { reason: { message_id: 'GROUP-SETTING-MISSING', message_args: [message] } });
}

export const setIloSettings: Executor = {
  validate: internalOnly,
  async step({ job, store, driver }) {
    const device = deviceOf(job);
    const settingId = String(job.params['setting_id']);
    const sections = await iloSections(store, job.workspaceId, settingId);
    if (!sections) return settingGone('iLO', settingId);
    if (job.run.checkpoint['phase'] !== 'sent') {
      const applied = await driver.applyIloSettings(device, sections);
      if (!applied.ok) return deviceFailure(applied, 'Applying iLO settings failed');
      return wait({ phase: 'sent' }, iloSettleMs(sections), { status: 'Step 1 of 2: iLO settings sent, waiting for the iLO to apply them' });
    }
    const current = await driver.readIloSettings(device);
    if (!current.ok) return deviceFailure(current, 'Reading back the iLO settings failed');
    const { deviations, compared } = iloDeviations(sections, current.value);
    if (deviations.length) {
      const names = deviations.map((d) => `${d.category}/${d.settingName}`).join(', ');
      const message = `the iLO did not take ${deviations.length} setting(s): ${names}`;
      return end('ERROR', 'FAILURE', `JobErrorException : ${message}`, { results: { deviations }, reason: { message_id: 'ILO-SETTINGS-NOT-APPLIED', message_args: [message] } });
    }
    return end('COMPLETE', 'SUCCESS', 'Complete', { results: { settingId, settings: compared } });
  },
};

/** The attributes of a BIOS setting (settings.md §4.1: `redfishData.Attributes`, values string/number/boolean). */
async function biosAttributes(db: Db, workspaceId: string, settingId: string): Promise<Record<string, BiosValue> | undefined> {
  const setting = await findSetting(db, workspaceId, settingId);
  if (!setting || setting.category !== 'BIOS') return undefined;
  const redfish = setting.settings.DEFAULT?.['redfishData'] as { Attributes?: Record<string, unknown> } | undefined;
  const attributes = Object.entries(redfish?.Attributes ?? {}).filter((e): e is [string, BiosValue] => ['string', 'number', 'boolean'].includes(typeof e[1]));
  return Object.fromEntries(attributes);
}

export const applyBiosSettings: Executor = {
  validate: internalOnly,
  async step({ job, store, driver }) {
    const device = deviceOf(job);
    const reset = boolParam(job.params, 'factory_reset', false);
    const resetOnly = boolParam(job.params, 'reset_only', false);
    const settingId = String(job.params['setting_id']);
    const attributes = resetOnly ? {} : await biosAttributes(store, job.workspaceId, settingId);
    if (!attributes) return settingGone('BIOS', settingId);

    if (job.run.checkpoint['phase'] !== 'sent') {
      if (reset) {
        const done = await driver.resetBios(device);
        if (!done.ok) return deviceFailure(done, 'BIOS factory reset failed');
      }
      if (Object.keys(attributes).length) {
        const staged = await driver.applyBiosSettings(device, attributes);
        if (!staged.ok) return deviceFailure(staged, 'Applying BIOS settings failed');
      }
      const what = resetOnly ? 'BIOS factory reset requested' : `${Object.keys(attributes).length} BIOS attribute(s) staged${reset ? ' after a factory reset' : ''}`;
      return wait({ phase: 'sent' }, BIOS_SETTLE_MS, { status: `Step 1 of 2: ${what}` });
    }

    const bios = await driver.readBiosSettings(device);
    if (!bios.ok) return deviceFailure(bios, 'Reading back the BIOS settings failed');
    // Taken means pending for the next boot, or already in effect if the server booted meanwhile.
    const missing = Object.entries(attributes).filter(([k, v]) => bios.value.pending[k] !== v && (bios.value.attributes[k] !== v || bios.value.resetPending));
    if (missing.length) {
      const message = `the BIOS did not take ${missing.length} attribute(s): ${missing.map(([k]) => k).join(', ')}`;
      return end('ERROR', 'FAILURE', `JobErrorException : ${message}`, { reason: { message_id: 'BIOS-SETTINGS-NOT-APPLIED', message_args: [message] } });
    }
    const pending = bios.value.resetPending || Object.keys(bios.value.pending).length > 0;
    return end('COMPLETE', 'SUCCESS', 'Complete', {
      results: {
        factoryReset: reset,
        attributes: Object.keys(attributes).length,
        pendingReboot: pending,
        ...(pending ? { message: 'The BIOS settings take effect at the next server boot' } : {}),
        ...(resetOnly ? {} : { settingId }),
      },
    });
  },
};
