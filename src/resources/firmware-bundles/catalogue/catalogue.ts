// HPE's firmware bundle catalogue as hub models, expanded from the SPP release lines: ids, timestamps, texts
// and links are derived from the data alone, so the catalogue is identical on every machine and every run.
import { createHash } from 'node:crypto';
import { formatMicros } from '../../../store/time.ts';
import { sameFamily } from '../versions.ts';
import type { BundleComponent, BundleGeneration, FirmwareBundle } from '../model.ts';
import { GEN10_LINE } from './gen10.ts';
import { GEN11_LINE } from './gen11.ts';
import { GEN12_LINE } from './gen12.ts';
import type { BaseRelease, ComponentLine, FixRelease, GenerationLine } from './lines.ts';

/** HPE supports the newest three SPPs of a line (and the fixes on them); older ones are retired. */
const SUPPORTED_RELEASES = 3;
const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function hash(text: string, algorithm = 'sha256'): string {
  return createHash(algorithm).update(text).digest('hex');
}

export function bundleIdOf(bundleGeneration: BundleGeneration, releaseVersion: string): string {
  return hash(`hpe-spp/${bundleGeneration}/${releaseVersion}`).slice(0, 32);
}

/** The same device has the same target in every bundle (FIRMWARE exclusions name devices by it). */
function targetOf(line: ComponentLine): string {
  const h = hash(`hpe-spp-target/${line.name}/${line.file('x')}`, 'sha1');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** A deterministic instant on `date` (`YYYY-MM-DD`) shifted by `days`, its time of day drawn from `salt`. */
function instant(date: string, days: number, salt: string): string {
  const micros = BigInt(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS) * 1000n + (BigInt(`0x${hash(salt).slice(0, 12)}`) % 86_400_000_000n);
  return formatMicros(micros);
}

function longDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d} ${MONTHS[Number(m) - 1]} ${y}`;
}

function indexPage(generation: number, releaseVersion: string): string {
  const version = `gen${generation}.${releaseVersion}`;
  // The 2022 SPPs were documented in the Technical Library before HPE moved SPP pages to the Support Center.
  return releaseVersion.split('.').length === 3
    ? `https://techlibrary.hpe.com/us/en/enterprise/servers/products/service_pack/spp/index.aspx?version=${version}`
    : `https://support.hpe.com/docs/display/public/a00sppdocen_US/spp/index.aspx?version=${version}`;
}

function component(line: ComponentLine, version: string): BundleComponent {
  return {
    name: line.name,
    version,
    category: line.category,
    deviceContext: line.deviceContext,
    target: targetOf(line),
    componentFile: line.file(version),
    description: line.description,
  };
}

function componentsOf(line: GenerationLine, index: number): { line: ComponentLine; component: BundleComponent }[] {
  return line.components.flatMap((c) => {
    const version = c.versions[index];
    return version ? [{ line: c, component: component(c, version) }] : [];
  });
}

/** HPE's VMware add-on for each ESXi release the SPP supports, and where the bundle's repository keeps it. */
function vmwareAddons(line: GenerationLine, r: BaseRelease): Record<string, string>[] | null {
  const esxi = r.os.filter((os) => os.startsWith('VMware ESXi ')).map((os) => os.slice('VMware ESXi '.length));
  if (esxi.length === 0) return null;
  const [year = '', month = ''] = r.releaseVersion.split('.');
  return esxi.map((release) => {
    const addonVersion = `${release.replace('.', '')}${release.endsWith('.0') ? '3' : '0'}.0.0.${line.generation}.${Number(month)}.0-${Number(year) - 2000}`;
    return {
      addonName: 'HPE-Custom-AddOn',
      addonVersion,
      esxiRelease: release,
      location: `/depot/volume/pub/spp/gen${line.generation}/${r.releaseVersion}/vmware/esxi-${release}/HPE-Custom-AddOn_${addonVersion}.zip`,
    };
  });
}

function baseBundle(line: GenerationLine, r: BaseRelease, index: number): FirmwareBundle {
  const bundleGeneration = `BUNDLE_GEN_${line.generation}` as BundleGeneration;
  const id = bundleIdOf(bundleGeneration, r.releaseVersion);
  const active = index >= line.releases.length - SUPPORTED_RELEASES;
  const createdAt = instant(r.date, -19, `${id}/created`);
  const retiredBy = line.releases[index + SUPPORTED_RELEASES];
  const previous = line.releases[index - 1]?.releaseVersion ?? r.supersedes;
  const os = r.osAdded.length ? ` and includes support for ${r.osAdded.join(', ')}` : '';
  return {
    id,
    generation: active ? 1 : 2,
    name: `Gen${line.generation} Service Pack for ProLiant`,
    description: `${line.label} Service Pack for ProLiant (SPP) is a comprehensive systems software and firmware update solution`,
    createdAt,
    updatedAt: retiredBy ? instant(retiredBy.date, 2, `${id}/retired`) : createdAt,
    releaseDate: r.date,
    summary: previous ? `${line.label} SPP ${r.releaseVersion} release supersedes ${line.label} SPP ${previous}${os}.` : `${line.label} SPP ${r.releaseVersion} release${os}.`,
    bundleType: 'BASE',
    platformFamily: 'PROLIANT',
    baseBundleId: null,
    releaseVersion: r.releaseVersion,
    enhancements: `${line.label} SPP ${r.releaseVersion} includes support for the following OS Versions ${r.osAdded.join(' ')}`,
    advisories: indexPage(line.generation, r.releaseVersion),
    supportedOsList: [...r.os],
    isActive: active,
    releaseNotes: `${indexPage(line.generation, r.releaseVersion)}#release-notes`,
    supportUrl: indexPage(line.generation, r.releaseVersion),
    displayName: `SPP ${r.releaseVersion} (${longDate(r.date)})`,
    vmwareAddonInfo: vmwareAddons(line, r),
    bundleNameFormat: r.releaseVersion.split('.').length === 3 ? 'BUNDLE_3OCTET' : 'BUNDLE_4OCTET',
    bundleGeneration,
    components: componentsOf(line, index).map((c) => c.component),
  };
}

function fixBundle(line: GenerationLine, fix: FixRelease, base: FirmwareBundle, baseIndex: number): FirmwareBundle {
  const id = bundleIdOf(base.bundleGeneration, fix.releaseVersion);
  const word = fix.bundleType === 'PATCH' ? 'Patch' : 'Hotfix';
  const components = componentsOf(line, baseIndex).map(({ line: c, component: shipped }) => {
    const update = fix.updates.find((u) => u.name === shipped.name && sameFamily(u.version, shipped.version));
    return update ? component(c, update.version) : shipped;
  });
  const updated = fix.updates.map((u) => `${u.name} ${u.version}`).join(', ');
  const createdAt = instant(fix.date, -6, `${id}/created`);
  return {
    ...base,
    id,
    generation: base.isActive ? 1 : 2,
    name: `Gen${line.generation} Service Pack for ProLiant ${word}`,
    description: `${line.label} ${word.toLowerCase()} for SPP ${base.releaseVersion}: firmware fixes released after the SPP, installed together with it`,
    createdAt,
    updatedAt: base.isActive ? createdAt : base.updatedAt,
    releaseDate: fix.date,
    summary: `${line.label} ${word} ${fix.releaseVersion} for SPP ${base.releaseVersion} ${fix.reason}.`,
    bundleType: fix.bundleType,
    baseBundleId: base.id,
    releaseVersion: fix.releaseVersion,
    enhancements: `${line.label} ${word} ${fix.releaseVersion} updates ${updated}`,
    advisories: indexPage(line.generation, fix.releaseVersion),
    releaseNotes: `${indexPage(line.generation, fix.releaseVersion)}#release-notes`,
    supportUrl: indexPage(line.generation, fix.releaseVersion),
    displayName: `${word} ${fix.releaseVersion} + ${base.displayName}`,
    vmwareAddonInfo: null,
    components,
  };
}

function lineBundles(line: GenerationLine): FirmwareBundle[] {
  const bases = line.releases.map((r, i) => baseBundle(line, r, i));
  const fixes = line.fixes.map((fix) => {
    const index = line.releases.findIndex((r) => r.releaseVersion === fix.baseVersion);
    if (index < 0) throw new Error(`catalogue: ${fix.releaseVersion} names an unknown SPP ${fix.baseVersion}`);
    return fixBundle(line, fix, bases[index]!, index);
  });
  return [...bases, ...fixes];
}

/** Every bundle HPE publishes, Gen10 to Gen12. */
export const FIRMWARE_CATALOGUE: readonly FirmwareBundle[] = Object.freeze([GEN10_LINE, GEN11_LINE, GEN12_LINE].flatMap(lineBundles));
