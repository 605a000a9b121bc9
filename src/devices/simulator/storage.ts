// A simulated server's storage controllers, built from the storage inventory the fleet seeded (controller
// name, drive and volume counts) and changed by Volume POSTs and DELETEs. The controller refuses what a real
// one refuses; a new volume initializes for a while that the clock's factor shrinks, as firmware tasks do.
import { ok, refused, type Outcome, type RaidType, type StorageController, type StorageDrive, type StorageVolume, type VolumeRequest } from '../driver.ts';
import { driveCountProblem, GIB, usableBytes } from '../raid.ts';

/** A controller as the server's storage inventory describes it (inventory `storage.data[]`: Id, Name, Drives, Volumes). */
export interface StorageSeed {
  id: string;
  name: string;
  drives: number;
  volumes: number;
}

interface SimVolume extends Omit<StorageVolume, 'state' | 'percentComplete'> {
  createdAt: number;
  initMs: number;
}

export interface SimController extends Omit<StorageController, 'volumes'> {
  volumes: SimVolume[];
}

const ALL_RAID: RaidType[] = ['RAID0', 'RAID1', 'RAID1Triple', 'RAID10', 'RAID10Triple', 'RAID5', 'RAID50', 'RAID6', 'RAID60'];
/** HPE MR (Broadcom-based) controllers build no triple mirrors; Smart Array (SR) controllers do (HPE's ADM). */
const MR_RAID: RaidType[] = ['RAID0', 'RAID1', 'RAID10', 'RAID5', 'RAID50', 'RAID6', 'RAID60'];

/** A common ProLiant drive layout: a SATA SSD pair for the OS in the first bays, SAS HDDs in the rest. */
const BOOT_SSD = { mediaType: 'SSD', protocol: 'SATA', capacityBytes: 480_103_981_056 } as const;
const DATA_HDD = { mediaType: 'HDD', protocol: 'SAS', capacityBytes: 1_200_243_695_616 } as const;

/** Simulated time to build a volume: the controller's setup, then a background parity/mirror build per drive. */
const VOLUME_SETUP_MS = 60_000;
const VOLUME_INIT_PER_DRIVE_MS = 60_000;

export function controllersFrom(seeds: readonly StorageSeed[]): SimController[] {
  return seeds.map((seed) => {
    const drives: StorageDrive[] = Array.from({ length: Math.max(0, seed.drives) }, (_, i) => ({ id: String(i), name: `1I:1:${i + 1}`, ...(i < 2 ? BOOT_SSD : DATA_HDD) }));
    // A seeded volume is the OS mirror on the SSD pair, already built.
    const volumes: SimVolume[] = [];
    for (let v = 0; v < seed.volumes && 2 * v + 1 < drives.length; v++) {
      const pair = [drives[2 * v]!, drives[2 * v + 1]!];
      volumes.push({ id: String(v + 1), name: `Logical Drive ${v + 1}`, raidType: 'RAID1', capacityBytes: usableBytes('RAID1', pair.map((d) => d.capacityBytes)), drives: pair.map((d) => d.id), spareDrives: [], createdAt: 0, initMs: 0 });
    }
    return { id: seed.id, name: seed.name, model: seed.name, supportedRaidTypes: /\bMR\d/.test(seed.name) ? [...MR_RAID] : [...ALL_RAID], drives, volumes };
  });
}

/** The controllers as Redfish shows them at `now`, with each volume's build progress. */
export function storageView(controllers: readonly SimController[], now: number, factor: number): StorageController[] {
  return controllers.map((c) => ({
    ...structuredClone({ id: c.id, name: c.name, model: c.model, supportedRaidTypes: c.supportedRaidTypes, drives: c.drives }),
    volumes: c.volumes.map(({ createdAt, initMs, ...v }) => {
      const percent = initMs === 0 ? 100 : Math.min(100, Math.floor((((now - createdAt) * factor) / initMs) * 100));
      return { ...structuredClone(v), state: percent >= 100 ? 'Enabled' : 'Initializing', percentComplete: percent };
    }),
  }));
}

/** Validates a Volume POST as the controller does, and builds the volume. */
export function createVolume(controller: SimController, request: VolumeRequest, now: number): Outcome<{ volumeId: string }> {
  const { raidType } = request;
  if (!controller.supportedRaidTypes.includes(raidType)) return refused('REFUSED', `${controller.model} does not support ${raidType}`);
  const all = [...request.drives, ...request.spareDrives];
  if (new Set(all).size !== all.length) return refused('REFUSED', 'a drive is named more than once');
  const drives = all.map((id) => controller.drives.find((d) => d.id === id));
  const unknown = all.filter((_, i) => !drives[i]);
  if (unknown.length) return refused('REFUSED', `no drive ${unknown.join(', ')} on ${controller.model}`);
  const used = new Set(controller.volumes.flatMap((v) => [...v.drives, ...v.spareDrives]));
  const busy = all.filter((id) => used.has(id));
  if (busy.length) return refused('REFUSED', `drive(s) ${busy.map((id) => controller.drives.find((d) => d.id === id)!.name).join(', ')} already belong to a volume`);
  const countProblem = driveCountProblem(raidType, request.drives.length);
  if (countProblem) return refused('REFUSED', countProblem);
  if (raidType === 'RAID0' && request.spareDrives.length) return refused('REFUSED', 'RAID0 cannot have spare drives');
  const members = drives as StorageDrive[];
  if (new Set(members.map((d) => d.mediaType)).size > 1) return refused('REFUSED', 'HDDs and SSDs cannot be mixed in one volume');
  const data = members.slice(0, request.drives.length);
  const usable = usableBytes(raidType, data.map((d) => d.capacityBytes));
  if (request.capacityBytes !== null && request.capacityBytes > usable) {
    return refused('REFUSED', `${raidType} over ${data.length} drive(s) holds at most ${Math.floor(usable / GIB)} GiB, ${Math.ceil(request.capacityBytes / GIB)} GiB asked`);
  }
  if (request.capacityBytes !== null && request.capacityBytes <= 0) return refused('REFUSED', 'the capacity must be positive');
  const volume: SimVolume = {
    // Logical drive numbers, as Smart Array and MR controllers number them (a freed number is reused).
    id: String(Math.max(0, ...controller.volumes.map((v) => Number(v.id) || 0)) + 1),
    name: request.name || `Logical Drive ${controller.volumes.length + 1}`,
    raidType,
    capacityBytes: request.capacityBytes ?? usable,
    drives: [...request.drives],
    spareDrives: [...request.spareDrives],
    createdAt: now,
    initMs: VOLUME_SETUP_MS + VOLUME_INIT_PER_DRIVE_MS * request.drives.length,
  };
  controller.volumes.push(volume);
  return ok({ volumeId: volume.id });
}

export function deleteVolume(controller: SimController, volumeId: string): Outcome<void> {
  const at = controller.volumes.findIndex((v) => v.id === volumeId);
  if (at < 0) return refused('NOT_FOUND', `no volume ${volumeId} on ${controller.model}`);
  controller.volumes.splice(at, 1);
  return ok(undefined);
}

