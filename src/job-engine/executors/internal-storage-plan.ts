// A group's STORAGE setting as volumes to build on one server's controller (settings.md §4.2, §4.3): which
// free drives each volume takes, in the setting's order, and why the controller cannot satisfy it when it
// cannot. Planning happens before anything is erased or built, so a server that cannot take the setting is
// left as it was.
import type { RaidType, StorageController, StorageDrive, VolumeRequest } from '../../devices/driver.ts';
import { driveCountProblem, GIB, MIN_DRIVES, usableBytes } from '../../devices/raid.ts';

type Technology = 'SAS_HDD' | 'SAS_SSD' | 'SATA_HDD' | 'SATA_SSD' | 'NVME_SSD';

/** One volume definition of a STORAGE setting, in COM's terms. */
export interface SettingVolume {
  id: string;
  raidType: string;
  capacityInGiB: number | null;
  driveCount: number | null;
  spareDriveCount: number | null;
  driveTechnology: Technology | null;
  ioPerfModeEnabled: boolean | null;
  readCachePolicy: string | null;
  writeCachePolicy: string | null;
}

/** A volume the job asks the controller for, and the setting volume it comes from. */
export interface PlannedVolume {
  settingVolumeId: string;
  request: VolumeRequest;
}

const RAID_TYPES: Readonly<Record<string, RaidType>> = {
  RAID0: 'RAID0',
  RAID1: 'RAID1',
  RAID1_TRIPLE: 'RAID1Triple',
  RAID10: 'RAID10',
  RAID10_TRIPLE: 'RAID10Triple',
  RAID5: 'RAID5',
  RAID50: 'RAID50',
  RAID6: 'RAID6',
  RAID60: 'RAID60',
};
/** COM's spelling of a Redfish RAID type (RAID1Triple → RAID1_TRIPLE). */
export const comRaidType = (raid: RaidType): string => Object.entries(RAID_TYPES).find(([, r]) => r === raid)?.[0] ?? raid;

const READ_CACHE = { READ_AHEAD: 'ReadAhead', ADAPTIVE_READ_AHEAD: 'AdaptiveReadAhead', OFF: 'Off' } as const;
const WRITE_CACHE = { PROTECTED_WRITE_BACK: 'ProtectedWriteBack', UNPROTECTED_WRITE_BACK: 'UnprotectedWriteBack', WRITE_THROUGH: 'WriteThrough', OFF: 'Off' } as const;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * The volumes of a STORAGE payload. The legacy single-volume shape (`raidType`, `volumeSizeInGB`, -1 = whole
 * disk) is one volume identified by the setting itself, since it carries no volume id.
 */
export function settingVolumes(settingId: string, payload: Record<string, unknown>): SettingVolume[] {
  const common = { spareDriveCount: null, driveTechnology: null, ioPerfModeEnabled: null, readCachePolicy: null, writeCachePolicy: null, driveCount: null };
  if (!Array.isArray(payload['volumes'])) {
    const size = num(payload['volumeSizeInGB']);
    return [{ ...common, id: settingId, raidType: String(payload['raidType']), capacityInGiB: size === null || size <= 0 ? null : Math.ceil(size) }];
  }
  return (payload['volumes'] as Record<string, unknown>[]).map((v, i) => ({
    id: str(v['id']) ?? `${settingId}:${i}`,
    raidType: String(v['raidType']),
    capacityInGiB: num(v['capacityInGiB']),
    driveCount: num(v['driveCount']),
    spareDriveCount: num(v['spareDriveCount']),
    driveTechnology: str(v['driveTechnology']) as Technology | null,
    ioPerfModeEnabled: typeof v['ioPerfModeEnabled'] === 'boolean' ? v['ioPerfModeEnabled'] : null,
    readCachePolicy: str(v['readCachePolicy']),
    writeCachePolicy: str(v['writeCachePolicy']),
  }));
}

/** COM's drive technology of a Redfish drive (Protocol + MediaType). */
export const technologyOf = (d: StorageDrive): Technology => `${d.protocol === 'NVMe' ? 'NVME' : d.protocol}_${d.mediaType}` as Technology;

/** The name a volume gets: the one the job gives its setting volume, else `Logical Drive <n>` by its place in the setting. */
export function volumeName(names: ReadonlyMap<string, string>, volume: SettingVolume, index: number): string {
  const given = names.get(volume.id.toLowerCase())?.trim();
  return given ? given : `Logical Drive ${index + 1}`;
}

/**
 * Drives for every volume on a controller whose drives are all free (its volumes erased, or none there);
 * `problem` is the first volume the controller cannot satisfy, in words an operator acts on.
 */
export function planVolumes(
  controller: StorageController,
  volumes: readonly SettingVolume[],
  names: ReadonlyMap<string, string>,
): { planned: PlannedVolume[] } | { problem: string } {
  const taken = new Set<string>();
  const planned: PlannedVolume[] = [];
  for (const [i, v] of volumes.entries()) {
    const which = `volume ${i + 1} (${v.raidType})`;
    const raidType = RAID_TYPES[v.raidType];
    if (!raidType) return { problem: `${which}: unknown RAID type` };
    if (!controller.supportedRaidTypes.includes(raidType)) return { problem: `${which}: ${controller.model} does not support ${v.raidType}` };
    const dataCount = v.driveCount ?? MIN_DRIVES[raidType];
    const countProblem = driveCountProblem(raidType, dataCount);
    if (countProblem) return { problem: `${which}: ${countProblem}` };
    const needed = dataCount + (v.spareDriveCount ?? 0);
    const free = controller.drives.filter((d) => !taken.has(d.id));
    // No technology asked: the first media type, in bay order, with enough free drives (settings.md §4.2).
    const technologies = v.driveTechnology ? [v.driveTechnology] : [...new Set(free.map(technologyOf))];
    const tech = technologies.find((t) => free.filter((d) => technologyOf(d) === t).length >= needed);
    if (!tech) {
      const have = v.driveTechnology ? free.filter((d) => technologyOf(d) === v.driveTechnology).length : Math.max(0, ...technologies.map((t) => free.filter((d) => technologyOf(d) === t).length));
      const kind = v.driveTechnology ? `${v.driveTechnology} ` : 'same-technology ';
      return { problem: `${which} needs ${needed} free ${kind}drive(s) (${dataCount} data, ${needed - dataCount} spare); ${controller.model} has ${have}` };
    }
    const chosen = free.filter((d) => technologyOf(d) === tech).slice(0, needed);
    const data = chosen.slice(0, dataCount);
    const usable = usableBytes(raidType, data.map((d) => d.capacityBytes));
    if (v.capacityInGiB !== null && v.capacityInGiB * GIB > usable) {
      return { problem: `${which} asks for ${v.capacityInGiB} GiB; ${dataCount} ${tech} drive(s) in ${v.raidType} hold at most ${Math.floor(usable / GIB)} GiB` };
    }
    for (const d of chosen) taken.add(d.id);
    planned.push({
      settingVolumeId: v.id,
      request: {
        name: volumeName(names, v, i),
        raidType,
        capacityBytes: v.capacityInGiB === null ? null : v.capacityInGiB * GIB,
        drives: data.map((d) => d.id),
        spareDrives: chosen.slice(dataCount).map((d) => d.id),
        ...(v.readCachePolicy && v.readCachePolicy in READ_CACHE ? { readCachePolicy: READ_CACHE[v.readCachePolicy as keyof typeof READ_CACHE] } : {}),
        ...(v.writeCachePolicy && v.writeCachePolicy in WRITE_CACHE ? { writeCachePolicy: WRITE_CACHE[v.writeCachePolicy as keyof typeof WRITE_CACHE] } : {}),
        ...(v.ioPerfModeEnabled !== null ? { ioPerfModeEnabled: v.ioPerfModeEnabled } : {}),
      },
    });
  }
  return { planned };
}
