// RAID geometry as storage controllers apply it: how many drives each RAID type takes and how much of them
// holds data. Shared by the simulator (which refuses what a controller refuses) and the jobs that plan volumes.
import type { RaidType } from './driver.ts';

/** Fewest drives per RAID type (settings.md §4.2 lists the same minimums for COM's names). */
export const MIN_DRIVES: Readonly<Record<RaidType, number>> = {
  RAID0: 1,
  RAID1: 2,
  RAID1Triple: 3,
  RAID10: 4,
  RAID10Triple: 6,
  RAID5: 3,
  RAID50: 6,
  RAID6: 4,
  RAID60: 8,
};

/** Why `count` drives cannot make a volume of this RAID type, or undefined when they can. */
export function driveCountProblem(raid: RaidType, count: number): string | undefined {
  if (count < MIN_DRIVES[raid]) return `${raid} needs at least ${MIN_DRIVES[raid]} drives, ${count} given`;
  if ((raid === 'RAID1' && count !== 2) || (raid === 'RAID1Triple' && count !== 3)) return `${raid} takes exactly ${MIN_DRIVES[raid]} drives, ${count} given`;
  // Mirrored pairs and triples, and two parity groups, split the drives evenly.
  const multiple = raid === 'RAID10' || raid === 'RAID50' || raid === 'RAID60' ? 2 : raid === 'RAID10Triple' ? 3 : 1;
  if (count % multiple !== 0) return `${raid} needs a multiple of ${multiple} drives, ${count} given`;
  return undefined;
}

/** How many of `count` drives hold data (the rest hold mirrors or parity). */
export function dataDrives(raid: RaidType, count: number): number {
  switch (raid) {
    case 'RAID0':
      return count;
    case 'RAID1':
    case 'RAID1Triple':
      return 1;
    case 'RAID10':
      return count / 2;
    case 'RAID10Triple':
      return count / 3;
    case 'RAID5':
      return count - 1;
    case 'RAID50':
      return count - 2;
    case 'RAID6':
      return count - 2;
    case 'RAID60':
      return count - 4;
  }
}

/** The most a volume over drives of these sizes can hold: every drive counts as the smallest. */
export function usableBytes(raid: RaidType, capacities: readonly number[]): number {
  return capacities.length === 0 ? 0 : dataDrives(raid, capacities.length) * Math.min(...capacities);
}

export const GIB = 1024 ** 3;
