// The catalogue's data: consistent with itself (ids, formats, version order along each line) and with the
// virtual fleet, whose servers must be comparable with it — behind the newest SPP of their generation, at or
// above an older one.
import { describe, expect, it } from 'vitest';
import { generateFleet } from '../../../fleet/demo-fleet.ts';
import { bundleGenerationOf, firmwareCompliance, planFirmwareUpdate, settingsKeyOf } from '../baseline.ts';
import type { FirmwareBundle } from '../model.ts';
import { compareFirmwareVersions } from '../versions.ts';
import { FIRMWARE_CATALOGUE } from './catalogue.ts';
import { GEN10_LINE } from './gen10.ts';
import { GEN11_LINE } from './gen11.ts';
import { GEN12_LINE } from './gen12.ts';

const LINES = [GEN10_LINE, GEN11_LINE, GEN12_LINE];
const fleet = generateFleet(2024, 600, 'ws', Date.parse('2026-11-01T00:00:00Z'));
const basesOf = (key: string): FirmwareBundle[] =>
  FIRMWARE_CATALOGUE.filter((b) => settingsKeyOf(b.bundleGeneration) === key && b.bundleType === 'BASE').sort((a, b) => a.releaseDate.localeCompare(b.releaseDate));

describe('catalogue data', () => {
  it('has HPE release lines per generation, the brief releases of Gen10 included', () => {
    const versions = (g: number) => FIRMWARE_CATALOGUE.filter((b) => b.bundleGeneration === `BUNDLE_GEN_${g}` && b.bundleType === 'BASE').map((b) => b.releaseVersion);
    expect(versions(10)).toEqual(expect.arrayContaining(['2022.03.0', '2022.09.0', '2023.03.00.00', '2023.09.00.00', '2024.04.00.00', '2024.09.00.00', '2025.03.00.00', '2025.07.00.00']));
    expect(versions(11).length).toBeGreaterThanOrEqual(7);
    expect(versions(12).length).toBeGreaterThanOrEqual(3);
    expect(new Set(FIRMWARE_CATALOGUE.map((b) => b.bundleType))).toEqual(new Set(['BASE', 'PATCH', 'HOTFIX']));
  });

  it('gives every bundle a unique 32-hex id and a unique release per generation', () => {
    const ids = FIRMWARE_CATALOGUE.map((b) => b.id);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(ids).size).toBe(ids.length);
    const releases = FIRMWARE_CATALOGUE.map((b) => `${b.bundleGeneration}/${b.releaseVersion}`);
    expect(new Set(releases).size).toBe(releases.length);
  });

  it('keeps formats, names and links consistent with the release version', () => {
    for (const b of FIRMWARE_CATALOGUE) {
      expect(b.bundleNameFormat).toBe(b.releaseVersion.split('.').length === 3 ? 'BUNDLE_3OCTET' : 'BUNDLE_4OCTET');
      expect(b.releaseVersion).toMatch(/^20\d\d\.\d\d\.\d+(\.\d\d)?$/);
      expect(b.releaseVersion.slice(0, 4) <= b.releaseDate.slice(0, 4)).toBe(true);
      expect(b.supportUrl).toContain(`version=gen${b.bundleGeneration.slice(-2)}.${b.releaseVersion}`);
      expect(b.createdAt < b.releaseDate || b.createdAt.startsWith(b.releaseDate)).toBe(true);
      expect(b.updatedAt >= b.createdAt).toBe(true);
      expect(b.generation).toBe(b.updatedAt === b.createdAt ? 1 : 2);
      if (b.bundleType === 'BASE') {
        expect(b.baseBundleId).toBeNull();
        expect(b.displayName).toMatch(/^SPP \S+ \(\d\d [A-Z][a-z]{2} \d{4}\)$/);
      } else {
        const base = FIRMWARE_CATALOGUE.find((x) => x.id === b.baseBundleId)!;
        expect(base.bundleType).toBe('BASE');
        expect(b.releaseVersion.startsWith(base.releaseVersion.slice(0, -2))).toBe(true);
        expect(b.isActive).toBe(base.isActive);
      }
    }
  });

  it('keeps the newest three SPPs of each line active', () => {
    for (const key of ['GEN10', 'GEN11', 'GEN12']) {
      expect(basesOf(key).map((b) => b.isActive)).toEqual(basesOf(key).map((_, i, all) => i >= all.length - 3));
    }
  });

  it('never lowers a component from one SPP of a line to the next', () => {
    for (const line of LINES) {
      for (const c of line.components) {
        const shipped = c.versions.filter((v): v is string => v !== null);
        expect(shipped.length, c.name).toBe(line.releases.length);
        for (let i = 1; i < shipped.length; i++) expect(compareFirmwareVersions(shipped[i]!, shipped[i - 1]!), `${c.name} ${shipped[i]}`).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('applies fixes on top of their SPP: newer versions, same component list', () => {
    for (const fix of FIRMWARE_CATALOGUE.filter((b) => b.bundleType !== 'BASE')) {
      const base = FIRMWARE_CATALOGUE.find((x) => x.id === fix.baseBundleId)!;
      expect(fix.components.map((c) => c.target)).toEqual(base.components.map((c) => c.target));
      const changed = fix.components.filter((c, i) => c.version !== base.components[i]!.version);
      expect(changed.length).toBeGreaterThan(0);
      for (const c of changed) expect(compareFirmwareVersions(c.version, base.components.find((b) => b.target === c.target)!.version)).toBe(1);
    }
  });
});

describe('catalogue and the virtual fleet', () => {
  it('carries every firmware component a fleet server reports, in the newest SPP of its generation', () => {
    for (const { server } of fleet) {
      const newest = basesOf(bundleGenerationOf(server.serverGeneration)).at(-1)!;
      for (const installed of server.firmwareInventory!) {
        const plan = planFirmwareUpdate(newest, [installed], { downgrade: true });
        expect(plan, `${server.hardware.model}: ${installed.name} ${installed.version}`).toHaveLength(1);
      }
    }
  });

  it('puts (almost) every fleet server behind the newest SPP of its generation, with something to update', () => {
    const behind = fleet.filter(({ server }) => {
      const newest = basesOf(bundleGenerationOf(server.serverGeneration)).at(-1)!;
      return !firmwareCompliance(newest, server.firmwareInventory!).compliant && planFirmwareUpdate(newest, server.firmwareInventory!, { downgrade: false }).length > 0;
    });
    expect(behind.length / fleet.length).toBeGreaterThanOrEqual(0.9);
  });

  it('puts every fleet server at or above an older SPP of its generation, and some at or above a newer one', () => {
    const newestCompliant = new Map<string, number>();
    for (const { server } of fleet) {
      const bases = basesOf(bundleGenerationOf(server.serverGeneration));
      const compliant = bases.filter((b) => firmwareCompliance(b, server.firmwareInventory!).compliant);
      expect(compliant.length, server.hardware.model ?? server.id).toBeGreaterThan(0);
      expect(compliant.at(-1)).not.toBe(bases.at(-1));
      const index = bases.indexOf(compliant.at(-1)!);
      newestCompliant.set(`${server.serverGeneration}/${index}`, (newestCompliant.get(`${server.serverGeneration}/${index}`) ?? 0) + 1);
    }
    // Not all at the floor: the fleet spreads over several baselines, as real fleets do.
    expect(newestCompliant.size).toBeGreaterThanOrEqual(5);
  });
});
