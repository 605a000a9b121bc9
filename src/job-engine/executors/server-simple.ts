// Server jobs that finish in one step: the UID indicator, maintenance mode and inventory collection.
import { end, type Executor } from '../executor.ts';
import { changeServer, deviceFailure, deviceOf } from './device.ts';

function indicator(state: 'Lit' | 'Off'): Executor {
  const led = state === 'Lit' ? 'LIT' : 'OFF';
  return {
    async step({ job, driver }) {
      const done = await driver.setIndicatorLed(deviceOf(job), state);
      if (!done.ok) return deviceFailure(done, 'UID indicator change failed');
      return end('COMPLETE', 'SUCCESS', 'Complete', {
        results: { indicatorLed: led },
        writes: async (tx) => void (await changeServer(tx, job, (s) => ({ ...s, hardware: { ...s.hardware, indicatorLed: led } }))),
      });
    },
  };
}

export const uidOn = indicator('Lit');
export const uidOff = indicator('Off');

/** Maintenance mode is OpenCOM's own state (it pauses support automation), so no device call is needed. */
function maintenance(on: boolean): Executor {
  return {
    async step({ job }) {
      return end('COMPLETE', 'SUCCESS', 'Complete', {
        results: { maintenanceMode: on },
        writes: async (tx) => void (await changeServer(tx, job, (s) => ({ ...s, maintenanceMode: on }))),
      });
    },
  };
}

export const maintenanceOn = maintenance(true);
export const maintenanceOff = maintenance(false);

/** Reads what the BMC reports now and stores it as the server's inventory. */
export const fullInventory: Executor = {
  async step({ job, driver }) {
    const device = deviceOf(job);
    const [status, firmware] = [await driver.readStatus(device), await driver.readFirmwareInventory(device)];
    if (!status.ok) return deviceFailure(status, 'Inventory collection failed');
    if (!firmware.ok) return deviceFailure(firmware, 'Inventory collection failed');
    return end('COMPLETE', 'SUCCESS', 'Complete', {
      results: { firmwareComponents: firmware.value.length, powerState: status.value.powerState },
      writes: async (tx) =>
        void (await changeServer(tx, job, (s) => ({
          ...s,
          firmwareInventory: firmware.value.map((f) => ({ name: f.name, version: f.version, deviceContext: f.deviceContext })),
          hardware: { ...s.hardware, powerState: status.value.powerState, indicatorLed: status.value.indicatorLed },
        }))),
    });
  },
};
