// The OS installation part of the DeviceDriver contract, as an iLO does it through Redfish: an image on the
// virtual CD (Managers/1/VirtualMedia/2 InsertMedia), a one-time boot from it (Systems/1 Boot override), a
// restart; the installer runs, then the host reports the OS it installed.
import { expect, it } from 'vitest';
import type { ContractHarness } from './driver.contract.ts';

const ESXI = 'https://repo.example.net/iso/VMware-VMvisor-Installer-8.0U2-22380479.x86_64.iso';
const RHEL = 'https://repo.example.net/iso/rhel-9.4-x86_64-dvd.iso';

export function osInstallContract(make: () => Promise<ContractHarness>): void {
  it('installs an OS from the virtual CD booted once, then reports the new OS and keeps the media until ejected', async () => {
    const h = await make();
    expect(await h.driver.insertVirtualMedia(h.on, 'CD', ESXI)).toEqual({ ok: true, value: undefined });
    expect(await h.driver.readVirtualMedia(h.on)).toMatchObject({ ok: true, value: expect.arrayContaining([{ slot: 'CD', image: ESXI, inserted: true }]) });
    expect((await h.driver.setBootOverride(h.on, { target: 'Cd', enabled: 'Once' })).ok).toBe(true);
    expect(await h.driver.readHost(h.on)).toMatchObject({ ok: true, value: { bootOverride: { target: 'Cd', enabled: 'Once' } } });
    expect((await h.driver.power(h.on, 'ForceRestart')).ok).toBe(true);
    await h.settle();
    const host = await h.driver.readHost(h.on);
    expect(host).toMatchObject({
      ok: true,
      value: { activity: 'OSRunning', bootOverride: { enabled: 'Disabled' }, os: { osName: 'VMware ESXi', osVersion: '8.0.2', osDescription: 'VMware ESXi 8.0.2 build-22380479', osType: 33 } },
    });
    expect(host.ok && host.value.os?.hostname).toEqual(expect.any(String));
    expect(await h.driver.readVirtualMedia(h.on)).toMatchObject({ ok: true, value: expect.arrayContaining([{ slot: 'CD', image: ESXI, inserted: true }]) });
    expect((await h.driver.ejectVirtualMedia(h.on, 'CD')).ok).toBe(true);
    expect(await h.driver.readVirtualMedia(h.on)).toMatchObject({ ok: true, value: expect.arrayContaining([{ slot: 'CD', image: null, inserted: false }]) });
  });

  it('boots from disk when no override is set, whatever the CD holds', async () => {
    const h = await make();
    const before = await h.driver.readHost(h.off);
    expect(before).toMatchObject({ ok: true, value: { activity: 'Off', os: null } });
    expect((await h.driver.insertVirtualMedia(h.off, 'CD', RHEL)).ok).toBe(true);
    expect((await h.driver.power(h.off, 'On')).ok).toBe(true);
    await h.settle();
    const after = await h.driver.readHost(h.off);
    expect(after.ok && after.value.activity).not.toMatch(/^Install/);
    expect(after.ok && after.value.os?.osName).not.toBe('Red Hat Enterprise Linux');
  });

  it('refuses an image it cannot reach, and another image while one is inserted', async () => {
    const h = await make();
    expect(await h.driver.insertVirtualMedia(h.on, 'CD', 'https://repo.example.invalid/iso/rhel-9.4-x86_64-dvd.iso')).toMatchObject({ ok: false, reason: 'REFUSED' });
    expect(await h.driver.insertVirtualMedia(h.on, 'CD', 'ftp://repo.example.net/rhel-9.4-x86_64-dvd.iso')).toMatchObject({ ok: false, reason: 'REFUSED' });
    expect((await h.driver.insertVirtualMedia(h.on, 'CD', RHEL)).ok).toBe(true);
    expect((await h.driver.insertVirtualMedia(h.on, 'CD', RHEL)).ok).toBe(true);
    expect(await h.driver.insertVirtualMedia(h.on, 'CD', ESXI)).toMatchObject({ ok: false, reason: 'REFUSED' });
    expect((await h.driver.ejectVirtualMedia(h.on, 'CD')).ok).toBe(true);
    expect((await h.driver.insertVirtualMedia(h.on, 'CD', ESXI)).ok).toBe(true);
  });

  it('reports a failed installer when the image holds none', async () => {
    const h = await make();
    expect((await h.driver.insertVirtualMedia(h.on, 'CD', 'https://repo.example.net/iso/spp-drivers-2024.09.iso')).ok).toBe(true);
    expect((await h.driver.setBootOverride(h.on, { target: 'Cd', enabled: 'Once' })).ok).toBe(true);
    expect((await h.driver.power(h.on, 'ForceRestart')).ok).toBe(true);
    await h.settle();
    expect(await h.driver.readHost(h.on)).toMatchObject({ ok: true, value: { activity: 'InstallFailed', message: expect.stringContaining('spp-drivers-2024.09.iso'), os: null } });
  });

  it('answers UNREACHABLE for virtual media, boot and host while the BMC does not answer', async () => {
    const h = await make();
    await h.fault(h.on, 'unreachable', true);
    expect(await h.driver.insertVirtualMedia(h.on, 'CD', RHEL)).toMatchObject({ ok: false, reason: 'UNREACHABLE' });
    expect(await h.driver.setBootOverride(h.on, { target: 'Cd', enabled: 'Once' })).toMatchObject({ ok: false, reason: 'UNREACHABLE' });
    expect(await h.driver.readHost(h.on)).toMatchObject({ ok: false, reason: 'UNREACHABLE' });
  });
}
