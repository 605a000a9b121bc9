// A firmware bundle as a baseline for servers: which bundle a FIRMWARE setting key names, what a server must
// receive to reach the bundle, and whether it already complies. Pure apart from findBundle; jobs and groups
// import this module, never the group's repository.
import type { FirmwareComponent } from '../../devices/driver.ts';
import type { Db } from '../../store/store.ts';
import type { BundleComponent, BundleGeneration, FirmwareBundle } from './model.ts';
import { findBundleHead, findBundleWithComponents } from './repository.ts';
import { compareFirmwareVersions, sameFamily } from './versions.ts';

export type { BundleComponent, FirmwareBundle } from './model.ts';
export type { FirmwareComponent } from '../../devices/driver.ts';

/**
 * The bundle with this id, with its components; undefined for an unknown or malformed id. COM's ids are 32
 * lowercase hex characters; the dashed UUID spelling and upper case name the same bundle.
 */
export async function findBundle(db: Db, id: string): Promise<FirmwareBundle | undefined> {
  const canonical = canonicalBundleId(id);
  if (canonical === undefined) return undefined;
  // A bundle's hundreds of component rows are read once per process and reused while its head row is the
  // same (a 1,000-server update reads each bundle thousands of times); a catalogue migration changes the head.
  const head = await findBundleHead(db, canonical);
  if (!head) return undefined;
  const stamp = JSON.stringify(head);
  const cached = bundleCache.get(canonical);
  if (cached?.stamp === stamp) return cached.bundle;
  const bundle = await findBundleWithComponents(db, canonical);
  if (bundle) bundleCache.set(canonical, { stamp, bundle });
  return bundle;
}

const bundleCache = new Map<string, { stamp: string; bundle: FirmwareBundle }>();

/**
 * The newest active bundle (by release date) that serves a server generation as servers store it (`GEN_11`),
 * with its components; undefined when none does.
 */
export async function newestActiveBundle(db: Db, serverGeneration: string): Promise<FirmwareBundle | undefined> {
  const key = bundleGenerationOf(serverGeneration);
  if (key === 'UNKNOWN') return undefined;
  const row = await db.get<{ id: string }>('SELECT id FROM firmware_bundles WHERE bundle_generation = ? AND is_active = ? ORDER BY release_date DESC, id DESC LIMIT 1', [
    `BUNDLE_GEN_${key.slice(3)}`,
    true,
  ]);
  return row ? findBundleWithComponents(db, row.id) : undefined;
}

/** `275A59F7-8916-400A-761E-4BF8C6958934` → `275a59f78916400a761e4bf8c6958934`; undefined when it cannot be an id. */
export function canonicalBundleId(id: string): string | undefined {
  const hex = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(id) ? id.replace(/-/g, '').toLowerCase() : '';
  return hex.length === 32 ? hex : undefined;
}

/**
 * The FIRMWARE setting key (`settings.GEN10`…) for a server generation as servers store it (`GEN_10`), or as
 * people write it (`Gen10`, `Gen10 Plus`, `gen11`). Gen10 Plus servers take Gen10 bundles. Generations without
 * a key of their own (GEN_8, GEN_9) give `GEN8`/`GEN9`, which no setting holds; anything else gives `UNKNOWN`.
 */
export function bundleGenerationOf(serverGeneration: string): string {
  const m = /^\s*gen[\s_-]?(\d{1,2})(?:[\s_-]*plus)?(?:[\s_-]*v\d+)?\s*$/i.exec(serverGeneration);
  return m ? `GEN${Number(m[1])}` : 'UNKNOWN';
}

/** The FIRMWARE setting key a bundle belongs under: `BUNDLE_GEN_11` → `GEN11`. */
export function settingsKeyOf(bundleGeneration: BundleGeneration | string): string {
  const m = /^BUNDLE_GEN_(\d+)$/.exec(bundleGeneration);
  return m ? `GEN${m[1]}` : 'UNKNOWN';
}

/** One FIRMWARE setting exclusion (settingFirmware-v1 `componentExclusions[]`). */
export interface ComponentExclusion {
  /** One category, or several comma-separated (HPE's example: `NETWORKING_ADAPTERS,STORAGE_DRIVES`). */
  componentCategory: string;
  componentsToExclude?: 'ALL' | readonly { name?: string; target?: string }[];
}

/** The bundle without the components a FIRMWARE setting excludes (by category, or by device name or target). */
export function excludeComponents(bundle: FirmwareBundle, exclusions: readonly ComponentExclusion[]): FirmwareBundle {
  const excluded = (c: BundleComponent) =>
    exclusions.some((e) => {
      const categories = e.componentCategory.split(',').map((s) => s.trim().toUpperCase());
      if (!categories.includes(c.category)) return false;
      const which = e.componentsToExclude ?? 'ALL';
      if (which === 'ALL') return true;
      return which.some((d) => (d.target !== undefined && d.target.toLowerCase() === c.target) || (d.target === undefined && d.name !== undefined && sameName(d.name, c.name)));
    });
  return { ...bundle, components: bundle.components.filter((c) => !excluded(c)) };
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * The bundle's component for an installed one: same name and, for System ROMs, the same BIOS family. A bundle
 * carries one System ROM per family; a server takes only its own.
 */
function counterpart(bundle: FirmwareBundle, installed: FirmwareComponent): BundleComponent | undefined {
  return bundle.components.find((c) => sameName(c.name, installed.name) && sameFamily(c.version, installed.version));
}

/** Negative when installed is older than the bundle's, 0 when the same, positive when newer, null when unknown. */
function order(installed: FirmwareComponent, baseline: BundleComponent): number | null {
  const cmp = compareFirmwareVersions(installed.version, baseline.version);
  if (cmp !== null) return cmp;
  return installed.version.trim() === baseline.version.trim() ? 0 : null;
}

/**
 * What the device must receive to reach the bundle, in the bundle's install order: each component the server
 * has whose bundle version is newer than the installed one, or (with `downgrade`) different from it.
 * Components the server lacks are skipped, and so are those whose versions cannot be ordered unless
 * downgrades are allowed (then any different version is installed, as HPE's tools do with downgrade on).
 */
export function planFirmwareUpdate(bundle: FirmwareBundle, inventory: readonly FirmwareComponent[], opts: { downgrade: boolean }): { name: string; version: string }[] {
  const wanted = new Set<BundleComponent>();
  for (const installed of inventory) {
    const baseline = counterpart(bundle, installed);
    if (!baseline) continue;
    const cmp = order(installed, baseline);
    if (cmp === 0) continue;
    if ((cmp !== null && cmp < 0) || opts.downgrade) wanted.add(baseline);
  }
  return bundle.components.filter((c) => wanted.has(c)).map((c) => ({ name: c.name, version: c.version }));
}

/**
 * Whether a server is at or above the bundle: a deviation is an installed component older than the bundle's.
 * Newer firmware complies; components the bundle does not carry, the server lacks, or whose versions cannot be
 * ordered are not judged (the same components planFirmwareUpdate leaves alone without downgrade).
 */
export function firmwareCompliance(
  bundle: FirmwareBundle,
  inventory: readonly FirmwareComponent[],
): { compliant: boolean; deviations: { name: string; installed: string; baseline: string }[] } {
  const deviations: { name: string; installed: string; baseline: string }[] = [];
  for (const installed of inventory) {
    const baseline = counterpart(bundle, installed);
    if (!baseline) continue;
    const cmp = order(installed, baseline);
    if (cmp !== null && cmp < 0) deviations.push({ name: installed.name, installed: installed.version, baseline: baseline.version });
  }
  return { compliant: deviations.length === 0, deviations };
}
