// The storage part of the DeviceDriver contract: the harness's `on` device has a RAID controller with no
// volumes and at least three drives of one media type. Volumes are built over drives the test picks from what
// the driver reports, the way a Redfish client POSTs them; what a controller refuses is an outcome, not a throw.
import { expect, it } from 'vitest';
import type { ContractHarness } from './driver.contract.ts';
import type { StorageController, StorageDrive } from './driver.ts';

/** The free drives of the most common media type behind the first controller that has drives. */
function pickDrives(controllers: StorageController[]): { controller: StorageController; drives: StorageDrive[] } {
  const controller = controllers.find((c) => c.drives.length > 0)!;
  const used = new Set(controller.volumes.flatMap((v) => [...v.drives, ...v.spareDrives]));
  const free = controller.drives.filter((d) => !used.has(d.id));
  const byMedia = ['HDD', 'SSD'].map((m) => free.filter((d) => d.mediaType === m)).sort((a, b) => b.length - a.length);
  return { controller, drives: byMedia[0]! };
}

export function storageContract(make: () => Promise<ContractHarness>): void {
  it('builds a RAID volume over free drives, which initializes and then shows with its drives; deletes it again', async () => {
    const h = await make();
    const read = await h.driver.readStorage(h.on);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const { controller, drives } = pickDrives(read.value);
    expect(controller.volumes).toEqual([]);
    expect(drives.length).toBeGreaterThanOrEqual(3);
    const pair = drives.slice(0, 2);
    const created = await h.driver.createVolume(h.on, controller.id, { name: 'os-mirror', raidType: 'RAID1', capacityBytes: null, drives: pair.map((d) => d.id), spareDrives: [] });
    expect(created).toMatchObject({ ok: true, value: { volumeId: expect.any(String) } });
    if (!created.ok) return;
    const during = await h.driver.readStorage(h.on);
    const building = during.ok ? during.value.find((c) => c.id === controller.id)!.volumes : [];
    expect(building).toHaveLength(1);
    expect(['Initializing', 'Enabled']).toContain(building[0]!.state);
    await h.settle();
    const after = await h.driver.readStorage(h.on);
    const volume = after.ok ? after.value.find((c) => c.id === controller.id)!.volumes[0] : undefined;
    expect(volume).toMatchObject({
      id: created.value.volumeId,
      name: 'os-mirror',
      raidType: 'RAID1',
      state: 'Enabled',
      percentComplete: 100,
      capacityBytes: Math.min(...pair.map((d) => d.capacityBytes)),
      drives: pair.map((d) => d.id),
    });

    expect((await h.driver.deleteVolume(h.on, controller.id, created.value.volumeId)).ok).toBe(true);
    const emptied = await h.driver.readStorage(h.on);
    expect(emptied.ok && emptied.value.find((c) => c.id === controller.id)!.volumes).toEqual([]);
    expect(await h.driver.deleteVolume(h.on, controller.id, created.value.volumeId)).toMatchObject({ ok: false, reason: 'NOT_FOUND' });
  });

  it('refuses volumes the controller cannot build, and changes nothing', async () => {
    const h = await make();
    const read = await h.driver.readStorage(h.on);
    if (!read.ok) throw new Error(read.message);
    const { controller, drives } = pickDrives(read.value);
    const ids = drives.map((d) => d.id);
    const base = { name: 'data', capacityBytes: null, spareDrives: [] as string[] };
    expect(await h.driver.createVolume(h.on, controller.id, { ...base, raidType: 'RAID5', drives: ids.slice(0, 2) })).toMatchObject({ ok: false, reason: 'REFUSED', message: expect.stringMatching(/RAID5 needs at least 3 drives/) });
    const tooBig = drives[0]!.capacityBytes * 2;
    expect(await h.driver.createVolume(h.on, controller.id, { ...base, raidType: 'RAID1', capacityBytes: tooBig, drives: ids.slice(0, 2) })).toMatchObject({ ok: false, reason: 'REFUSED' });
    expect(await h.driver.createVolume(h.on, controller.id, { ...base, raidType: 'RAID0', drives: ids.slice(0, 1), spareDrives: ids.slice(1, 2) })).toMatchObject({ ok: false, reason: 'REFUSED' });
    expect(await h.driver.createVolume(h.on, 'no-such-controller', { ...base, raidType: 'RAID0', drives: ids.slice(0, 1) })).toMatchObject({ ok: false, reason: 'NOT_FOUND' });
    expect(await h.driver.readStorage(h.on)).toEqual(read);

    expect((await h.driver.createVolume(h.on, controller.id, { ...base, raidType: 'RAID1', drives: ids.slice(0, 2) })).ok).toBe(true);
    expect(await h.driver.createVolume(h.on, controller.id, { ...base, raidType: 'RAID0', drives: ids.slice(1, 3) })).toMatchObject({ ok: false, reason: 'REFUSED', message: expect.stringMatching(/already belong to a volume/) });
  });

  it('answers UNREACHABLE for storage while the BMC does not answer', async () => {
    const h = await make();
    await h.fault(h.on, 'unreachable', true);
    expect(await h.driver.readStorage(h.on)).toMatchObject({ ok: false, reason: 'UNREACHABLE' });
    expect(await h.driver.createVolume(h.on, 'DE00A000', { name: 'x', raidType: 'RAID0', capacityBytes: null, drives: ['0'], spareDrives: [] })).toMatchObject({ ok: false, reason: 'UNREACHABLE' });
  });
}
