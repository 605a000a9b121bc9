// One behaviour suite every DeviceDriver must pass (the simulator now, the Redfish driver next). The
// harness gives a driver with two devices: `on` (powered on, iLO 6 1.62) and `off` (powered off), each with
// at least one NIC port cabled to a switch that sends LLDP.
import { describe, expect, it } from 'vitest';
import { osInstallContract } from './driver.contract.os-install.ts';
import { securityContract } from './driver.contract.security.ts';
import { storageContract } from './driver.contract.storage.ts';
import type { DeviceDriver, DeviceRef } from './driver.ts';

export interface ContractHarness {
  driver: DeviceDriver;
  on: DeviceRef;
  off: DeviceRef;
  unknown: DeviceRef;
  /** Makes a device unreachable, or fail its firmware flashes, in the implementation's own way. */
  fault(ref: DeviceRef, fault: 'unreachable' | 'firmware-failure', on: boolean): Promise<void>;
  /** Waits long enough (in the driver's time) for any started work to finish. */
  settle(): Promise<void>;
}

export function runDriverContract(name: string, make: () => Promise<ContractHarness>): void {
  describe(`DeviceDriver contract: ${name}`, () => {
    storageContract(make);
    osInstallContract(make);
    securityContract(make);

    it('reports status, and NOT_FOUND for a device it does not know', async () => {
      const h = await make();
      const status = await h.driver.readStatus(h.on);
      expect(status).toMatchObject({ ok: true, value: { powerState: 'ON', connected: true } });
      expect(await h.driver.readStatus(h.unknown)).toMatchObject({ ok: false, reason: 'NOT_FOUND' });
    });

    it('powers on through a transition, and refuses to power on what is on', async () => {
      const h = await make();
      expect(await h.driver.power(h.off, 'On')).toEqual({ ok: true, value: undefined });
      const during = await h.driver.readStatus(h.off);
      expect(during.ok && ['POWERING_ON', 'ON'].includes(during.value.powerState)).toBe(true);
      await h.settle();
      expect(await h.driver.readStatus(h.off)).toMatchObject({ ok: true, value: { powerState: 'ON' } });
      expect(await h.driver.power(h.on, 'On')).toMatchObject({ ok: false, reason: 'REFUSED' });
    });

    it('sets the UID indicator', async () => {
      const h = await make();
      expect((await h.driver.setIndicatorLed(h.on, 'Lit')).ok).toBe(true);
      expect(await h.driver.readStatus(h.on)).toMatchObject({ ok: true, value: { indicatorLed: 'LIT' } });
    });

    it('runs a firmware update as a task that progresses, then shows the new versions', async () => {
      const h = await make();
      const started = await h.driver.startFirmwareUpdate(h.on, { components: [{ name: 'iLO 6', version: '1.66 Jan 15 2025' }], downgrade: false, installSwDrivers: false, powerOff: false });
      expect(started.ok).toBe(true);
      if (!started.ok) return;
      const first = await h.driver.readTask(h.on, started.value.taskId);
      expect(first.ok && ['New', 'Running', 'Completed'].includes(first.value.state)).toBe(true);
      expect(await h.driver.startFirmwareUpdate(h.on, { components: [], downgrade: false, installSwDrivers: false, powerOff: false })).toMatchObject({ ok: false, reason: 'BUSY' });
      await h.settle();
      const done = await h.driver.readTask(h.on, started.value.taskId);
      expect(done).toMatchObject({ ok: true, value: { state: 'Completed', percentComplete: 100, results: [{ name: 'iLO 6', status: 'OK' }] } });
      const inventory = await h.driver.readFirmwareInventory(h.on);
      expect(inventory.ok && inventory.value.find((f) => f.name === 'iLO 6')?.version).toBe('1.66 Jan 15 2025');
    });

    it('does not downgrade unless asked to', async () => {
      const h = await make();
      const started = await h.driver.startFirmwareUpdate(h.on, { components: [{ name: 'iLO 6', version: '1.10 Jan 01 2022' }], downgrade: false, installSwDrivers: false, powerOff: false });
      await h.settle();
      const done = started.ok ? await h.driver.readTask(h.on, started.value.taskId) : started;
      expect(done).toMatchObject({ ok: true, value: { results: [{ status: 'NOT_UPDATED' }] } });
    });

    it('reports a failed flash and keeps the old versions', async () => {
      const h = await make();
      await h.fault(h.on, 'firmware-failure', true);
      const before = await h.driver.readFirmwareInventory(h.on);
      const started = await h.driver.startFirmwareUpdate(h.on, { components: [{ name: 'iLO 6', version: '1.66 Jan 15 2025' }], downgrade: false, installSwDrivers: false, powerOff: false });
      await h.settle();
      const done = started.ok ? await h.driver.readTask(h.on, started.value.taskId) : started;
      expect(done).toMatchObject({ ok: true, value: { state: 'Exception', results: [{ status: 'FAILED' }] } });
      expect(await h.driver.readFirmwareInventory(h.on)).toEqual(before);
    });

    it('answers UNREACHABLE while the BMC does not answer, and recovers', async () => {
      const h = await make();
      await h.fault(h.on, 'unreachable', true);
      expect(await h.driver.readStatus(h.on)).toMatchObject({ ok: false, reason: 'UNREACHABLE' });
      expect(await h.driver.power(h.on, 'ForceOff')).toMatchObject({ ok: false, reason: 'UNREACHABLE' });
      await h.fault(h.on, 'unreachable', false);
      expect((await h.driver.readStatus(h.on)).ok).toBe(true);
    });

    it('reads and applies iLO settings by Redfish resource, keeping what a PATCH leaves out', async () => {
      const h = await make();
      const before = await h.driver.readIloSettings(h.on);
      expect(before).toMatchObject({ ok: true, value: { AccountService: { MinPasswordLength: expect.any(Number) }, NetworkProtocol: { HTTPS: { Port: 443 } } } });
      expect((await h.driver.applyIloSettings(h.on, { AccountService: { MinPasswordLength: 12 } })).ok).toBe(true);
      const after = await h.driver.readIloSettings(h.on);
      expect(after).toMatchObject({ ok: true, value: { AccountService: { MinPasswordLength: 12 }, NetworkProtocol: { HTTPS: { Port: 443 } } } });
      if (before.ok && after.ok) {
        const { MinPasswordLength: _was, ...otherAccount } = before.value['AccountService'] as Record<string, unknown>;
        expect(after.value['AccountService']).toMatchObject(otherAccount);
      }
    });

    it('never reads back an SNMPv3 passphrase', async () => {
      const h = await make();
      const user = { SecurityName: 'monitor', AuthProtocol: 'SHA256', AuthPassphrase: 'auth-secret-1', PrivacyProtocol: 'AES', PrivacyPassphrase: 'priv-secret-1' };
      expect((await h.driver.applyIloSettings(h.on, { SnmpService: { SNMPv3Users: [user] } })).ok).toBe(true);
      const read = await h.driver.readIloSettings(h.on);
      expect(read).toMatchObject({ ok: true, value: { SnmpService: { SNMPv3Users: [{ SecurityName: 'monitor', AuthPassphrase: null, PrivacyPassphrase: null }] } } });
    });

    it('stages firmware in the repository as a task, without changing the installed versions', async () => {
      const h = await make();
      const before = await h.driver.readFirmwareInventory(h.on);
      const started = await h.driver.stageFirmware(h.on, { components: [{ name: 'iLO 6', version: '1.66 Jan 15 2025' }], installSwDrivers: false });
      expect(started.ok).toBe(true);
      if (!started.ok) return;
      expect(await h.driver.startFirmwareUpdate(h.on, { components: [], downgrade: false, installSwDrivers: false, powerOff: false })).toMatchObject({ ok: false, reason: 'BUSY' });
      await h.settle();
      expect(await h.driver.readTask(h.on, started.value.taskId)).toMatchObject({ ok: true, value: { state: 'Completed', percentComplete: 100, results: [{ name: 'iLO 6', status: 'OK' }] } });
      expect(await h.driver.readFirmwareInventory(h.on)).toEqual(before);
    });

    it('keeps BIOS changes pending until the server boots, a reset restoring the defaults first', async () => {
      const h = await make();
      const initial = await h.driver.readBiosSettings(h.off);
      expect(initial).toMatchObject({ ok: true, value: { pending: {}, resetPending: false } });
      if (!initial.ok) return;
      const defaults = initial.value.attributes;
      expect((await h.driver.applyBiosSettings(h.off, { WorkloadProfile: 'LowLatency', AdminName: 'Ops' })).ok).toBe(true);
      expect(await h.driver.readBiosSettings(h.off)).toMatchObject({ ok: true, value: { attributes: defaults, pending: { WorkloadProfile: 'LowLatency', AdminName: 'Ops' } } });
      expect((await h.driver.power(h.off, 'On')).ok).toBe(true);
      await h.settle();
      expect(await h.driver.readBiosSettings(h.off)).toMatchObject({ ok: true, value: { attributes: { ...defaults, WorkloadProfile: 'LowLatency', AdminName: 'Ops' }, pending: {} } });

      expect((await h.driver.resetBios(h.off)).ok).toBe(true);
      expect((await h.driver.applyBiosSettings(h.off, { AdminEmail: 'ops@example.net' })).ok).toBe(true);
      expect(await h.driver.readBiosSettings(h.off)).toMatchObject({ ok: true, value: { resetPending: true, pending: { AdminEmail: 'ops@example.net' } } });
      expect((await h.driver.power(h.off, 'GracefulRestart')).ok).toBe(true);
      await h.settle();
      expect(await h.driver.readBiosSettings(h.off)).toEqual({ ok: true, value: { attributes: { ...defaults, AdminEmail: 'ops@example.net' }, pending: {}, resetPending: false } });
    });

    it('reads NIC ports with their link and LLDP neighbor, which only a powered host has', async () => {
      const h = await make();
      const on = await h.driver.readNetworkPorts(h.on);
      expect(on.ok).toBe(true);
      if (!on.ok) return;
      const linked = on.value.filter((p) => p.linkStatus === 'LinkUp');
      expect(linked.length).toBeGreaterThan(0);
      for (const p of on.value) expect(p.macAddress).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
      for (const p of linked) {
        expect(p.currentSpeedGbps).toBeGreaterThan(0);
        expect(p.lldpNeighbor).toMatchObject({ systemName: expect.stringMatching(/.+/), portId: expect.stringMatching(/.+/) });
      }
      const off = await h.driver.readNetworkPorts(h.off);
      expect(off.ok && off.value.length > 0 && off.value.every((p) => p.linkStatus !== 'LinkUp' && p.lldpNeighbor === null && p.currentSpeedGbps === null)).toBe(true);
      expect((await h.driver.power(h.off, 'On')).ok).toBe(true);
      await h.settle();
      const booted = await h.driver.readNetworkPorts(h.off);
      expect(booted.ok && booted.value.some((p) => p.linkStatus === 'LinkUp' && p.lldpNeighbor !== null)).toBe(true);
    });

    it('keeps the iLO event log and the IML, logging what the BMC did', async () => {
      const h = await make();
      const iml = await h.driver.readLogEntries(h.on, 'IML');
      expect(iml.ok).toBe(true);
      const before = await h.driver.readLogEntries(h.on, 'IEL');
      expect(before.ok).toBe(true);
      if (!before.ok) return;
      for (const e of before.value) expect(e).toMatchObject({ id: expect.any(String), created: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), severity: expect.stringMatching(/^(OK|Warning|Critical)$/) });
      expect((await h.driver.power(h.on, 'ForceOff')).ok).toBe(true);
      const after = await h.driver.readLogEntries(h.on, 'IEL');
      expect(after.ok && after.value.length).toBe(before.value.length + 1);
      expect(after.ok && after.value.at(-1)?.message).toMatch(/power/i);
    });

    it('exports the Active Health System log as a file covering the days asked for', async () => {
      const h = await make();
      const week = await h.driver.exportAhsLog(h.on, 7);
      expect(week).toMatchObject({ ok: true, value: { fileName: expect.stringMatching(/\.ahs$/), sizeBytes: expect.any(Number) } });
      const day = await h.driver.exportAhsLog(h.on, 1);
      if (!week.ok || !day.ok) return;
      expect(day.value.sizeBytes).toBeGreaterThan(0);
      expect(week.value.sizeBytes).toBeGreaterThan(day.value.sizeBytes);
      expect(Date.parse(week.value.to) - Date.parse(week.value.from)).toBe(7 * 86_400_000);
      expect(await h.driver.exportAhsLog(h.on, 0)).toMatchObject({ ok: false, reason: 'REFUSED' });
    });

    it('answers UNREACHABLE for ports, logs and AHS while the BMC does not answer', async () => {
      const h = await make();
      await h.fault(h.on, 'unreachable', true);
      expect(await h.driver.readNetworkPorts(h.on)).toMatchObject({ ok: false, reason: 'UNREACHABLE' });
      expect(await h.driver.readLogEntries(h.on, 'IML')).toMatchObject({ ok: false, reason: 'UNREACHABLE' });
      expect(await h.driver.exportAhsLog(h.on, 1)).toMatchObject({ ok: false, reason: 'UNREACHABLE' });
    });
  });
}
