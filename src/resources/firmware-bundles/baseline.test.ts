// baseline.ts: bundle lookup, generation keys, update plans and compliance against real fleet inventories.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../../../test/helpers/test-store.ts';
import { ALL_MIGRATIONS } from '../../application.ts';
import type { FirmwareComponent } from '../../devices/driver.ts';
import { generateServer } from '../../fleet/generate-server.ts';
import { bundleGenerationOf, canonicalBundleId, excludeComponents, findBundle, firmwareCompliance, planFirmwareUpdate, settingsKeyOf } from './baseline.ts';
import { FIRMWARE_CATALOGUE } from './catalogue/catalogue.ts';
import { catalogueMigration } from './migrations.ts';
import type { FirmwareBundle } from './model.ts';

const bundle = (generation: number, releaseVersion: string): FirmwareBundle =>
  FIRMWARE_CATALOGUE.find((b) => b.bundleGeneration === `BUNDLE_GEN_${generation}` && b.releaseVersion === releaseVersion)!;

/** A DL380 Gen11 as the virtual fleet builds it, pinned to known iLO and BIOS versions. */
function dl380Gen11(iloVersion = '1.62 Jun 18 2024', biosVersion = '2.20 (05/10/2024)'): FirmwareComponent[] {
  return generateServer(7, 0, 'ws', Date.parse('2025-09-01T00:00:00Z'), { model: 'ProLiant DL380 Gen11', iloVersion, biosVersion }).server.firmwareInventory!;
}
const version = (inventory: FirmwareComponent[], name: string) => inventory.find((c) => c.name === name)!.version;

describe('bundleGenerationOf', () => {
  it.each([
    ['GEN_10', 'GEN10'],
    ['GEN_11', 'GEN11'],
    ['GEN_12', 'GEN12'],
    ['Gen10', 'GEN10'],
    ['Gen10 Plus', 'GEN10'],
    ['Gen10 Plus v2', 'GEN10'],
    ['GEN_10_PLUS', 'GEN10'],
    ['gen11', 'GEN11'],
    [' Gen12 ', 'GEN12'],
    ['GEN_9', 'GEN9'],
    ['UNKNOWN', 'UNKNOWN'],
    ['', 'UNKNOWN'],
    ['Gen', 'UNKNOWN'],
  ])('%s → %s', (generation, key) => {
    expect(bundleGenerationOf(generation)).toBe(key);
  });

  it('meets settingsKeyOf: every server generation of the fleet has bundles under its key', () => {
    for (const g of ['GEN_10', 'GEN_11', 'GEN_12']) {
      expect(FIRMWARE_CATALOGUE.filter((b) => settingsKeyOf(b.bundleGeneration) === bundleGenerationOf(g)).length).toBeGreaterThanOrEqual(5);
    }
    expect(settingsKeyOf('SOMETHING')).toBe('UNKNOWN');
  });
});

describe('canonicalBundleId', () => {
  it('accepts COM ids, their dashed UUID spelling and upper case, and nothing else', () => {
    expect(canonicalBundleId('275a59f78916400a761e4bf8c6958934')).toBe('275a59f78916400a761e4bf8c6958934');
    expect(canonicalBundleId('275A59F7-8916-400A-761E-4BF8C6958934')).toBe('275a59f78916400a761e4bf8c6958934');
    for (const odd of ['', 'x', '275a59f78916400a761e4bf8c695893', '275a59f78916400a761e4bf8c6958934a', '275a59f7--8916400a761e4bf8c6958934', '../etc/passwd', "' OR 1=1--"]) {
      expect(canonicalBundleId(odd)).toBeUndefined();
    }
  });
});

describe('planFirmwareUpdate', () => {
  it('lists, in the bundle order, what is older on the server, with the ROM of its own BIOS family', () => {
    const inventory = dl380Gen11();
    const target = bundle(11, '2025.07.00.00');
    const plan = planFirmwareUpdate(target, inventory, { downgrade: false });
    expect(plan[0]).toEqual({ name: 'iLO 6', version: '1.70 Jun 12 2025' });
    expect(plan).toContainEqual({ name: 'System ROM', version: 'U54 v2.60 (06/05/2025)' });
    expect(plan.filter((c) => c.name === 'System ROM')).toHaveLength(1);
    expect(plan.map((c) => c.name)).toEqual(target.components.map((c) => c.name).filter((n) => plan.some((p) => p.name === n)).filter((n, i, a) => a.indexOf(n) === i));
    // Only what the server has: no Gen11 adapter it lacks, no drive.
    const names = new Set(inventory.map((c) => c.name));
    for (const c of plan) expect(names.has(c.name)).toBe(true);
    expect(plan.map((c) => c.name)).not.toContain('HPE Ethernet 100Gb 2-port QSFP56 PCIe4 x16 MCX623106AS-CDAT Adapter');
  });

  it('leaves alone what is current or newer, unless downgrading', () => {
    const inventory = dl380Gen11('1.66 Jan 15 2025', '2.30 (06/20/2024)');
    const older = bundle(11, '2024.11.00.00');
    const up = planFirmwareUpdate(older, inventory, { downgrade: false });
    expect(up.map((c) => c.name)).not.toContain('iLO 6');
    expect(up.map((c) => c.name)).not.toContain('System ROM'); // the same 2.30
    const down = planFirmwareUpdate(older, inventory, { downgrade: true });
    expect(down).toContainEqual({ name: 'iLO 6', version: '1.64 Oct 02 2024' });
    expect(down.map((c) => c.name)).not.toContain('System ROM');
  });

  it('plans nothing for a server already at the bundle, and skips a server of another family entirely', () => {
    const target = bundle(11, '2025.07.00.00');
    const atBaseline = target.components.filter((c) => !c.name.startsWith('System ROM') || c.version.startsWith('U54')).map((c) => ({ name: c.name, version: c.version, deviceContext: c.deviceContext }));
    expect(planFirmwareUpdate(target, atBaseline, { downgrade: false })).toEqual([]);
    expect(planFirmwareUpdate(target, atBaseline, { downgrade: true })).toEqual([]);
    expect(planFirmwareUpdate(target, [{ name: 'System ROM', version: 'U30 v2.68 (07/14/2022)', deviceContext: 'System Board' }], { downgrade: true })).toEqual([]);
    expect(planFirmwareUpdate(target, [], { downgrade: false })).toEqual([]);
  });

  it('matches names ignoring case and spacing, and names each component once', () => {
    const target = bundle(10, '2025.07.00.00');
    const plan = planFirmwareUpdate(
      target,
      [
        { name: 'ilo 5', version: '3.01 Mar 08 2024', deviceContext: 'System Board' },
        { name: 'Power Supply Firmware', version: '1.00.4', deviceContext: 'Bay 1' },
        { name: ' Power Supply Firmware ', version: '1.00.6', deviceContext: 'Bay 2' },
      ],
      { downgrade: false },
    );
    expect(plan).toEqual([
      { name: 'iLO 5', version: '3.12 May 20 2025' },
      { name: 'Power Supply Firmware', version: '1.00.10' },
    ]);
  });

  it('with downgrade, installs a version it cannot order against the installed one', () => {
    const target = bundle(12, '2025.07.00.00');
    const inventory = [{ name: 'Power Supply Firmware', version: 'unknown', deviceContext: 'Bay 1' }];
    expect(planFirmwareUpdate(target, inventory, { downgrade: false })).toEqual([]);
    expect(planFirmwareUpdate(target, inventory, { downgrade: true })).toEqual([{ name: 'Power Supply Firmware', version: '1.00.10' }]);
  });
});

describe('firmwareCompliance', () => {
  it('lists what is older than the bundle, and passes what is newer', () => {
    const inventory = dl380Gen11('1.66 Jan 15 2025', '2.20 (05/10/2024)');
    const result = firmwareCompliance(bundle(11, '2024.11.00.00'), inventory);
    expect(result.compliant).toBe(false);
    expect(result.deviations).toContainEqual({ name: 'System ROM', installed: 'U54 v2.20 (05/10/2024)', baseline: 'U54 v2.30 (06/20/2024)' });
    expect(result.deviations.map((d) => d.name)).not.toContain('iLO 6');
    for (const d of result.deviations) expect(d.installed).toBe(version(inventory, d.name));
  });

  it('is compliant once the plan has been applied, and with the oldest SPP of the line', () => {
    const inventory = dl380Gen11();
    const target = bundle(11, '2026.03.00.00');
    expect(firmwareCompliance(target, inventory).compliant).toBe(false);
    const plan = planFirmwareUpdate(target, inventory, { downgrade: false });
    const updated = inventory.map((c) => ({ ...c, version: plan.find((p) => p.name === c.name)?.version ?? c.version }));
    expect(firmwareCompliance(target, updated)).toEqual({ compliant: true, deviations: [] });
    expect(firmwareCompliance(bundle(11, '2023.03.00.00'), inventory)).toEqual({ compliant: true, deviations: [] });
  });
});

describe('excludeComponents', () => {
  it('drops whole categories, several at once, or single devices by target or name', () => {
    const target = bundle(11, '2025.07.00.00');
    const nic = target.components.find((c) => c.name === 'HPE Ethernet 10/25Gb 2-port 640SFP28 Adapter')!;
    const all = excludeComponents(target, [{ componentCategory: 'NETWORKING_ADAPTERS,STORAGE_DRIVES', componentsToExclude: 'ALL' }]);
    expect(all.components.some((c) => c.category === 'NETWORKING_ADAPTERS' || c.category === 'STORAGE_DRIVES')).toBe(false);
    expect(all.components.length).toBeGreaterThan(0);
    const byTarget = excludeComponents(target, [{ componentCategory: 'NETWORKING_ADAPTERS', componentsToExclude: [{ target: nic.target.toUpperCase() }] }]);
    expect(byTarget.components).not.toContain(nic);
    expect(byTarget.components).toHaveLength(target.components.length - 1);
    const byName = excludeComponents(target, [{ componentCategory: 'NETWORKING_ADAPTERS', componentsToExclude: [{ name: nic.name }] }]);
    expect(byName.components).toEqual(byTarget.components);
    // The category must match too: the same name under another category excludes nothing.
    expect(excludeComponents(target, [{ componentCategory: 'STORAGE_DRIVES', componentsToExclude: [{ name: nic.name }] }]).components).toEqual(target.components);
    const plan = planFirmwareUpdate(byTarget, dl380Gen11(), { downgrade: false });
    expect(plan.map((c) => c.name)).not.toContain(nic.name);
  });
});

describe('findBundle', () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore();
    await t.store.migrate(ALL_MIGRATIONS);
  });
  afterAll(() => t.dispose());

  it('reads a bundle with its components from the catalogue tables', async () => {
    const patch = bundle(11, '2025.07.00.03');
    expect(await findBundle(t.store, patch.id)).toEqual(patch);
    expect(await findBundle(t.store, patch.id.toUpperCase())).toEqual(patch);
  });

  it('follows the catalogue module: a changed catalogue is a new migration that replaces the stored one', async () => {
    const newest = bundle(12, '2026.03.00.00');
    const changed = FIRMWARE_CATALOGUE.filter((b) => b !== newest).map((b) => (b.id === bundle(12, '2025.05.00.00').id ? { ...b, isActive: true, generation: 3 } : b));
    const next = catalogueMigration(changed);
    expect(next.id).not.toBe(catalogueMigration().id);
    expect(catalogueMigration().id).toBe(catalogueMigration([...FIRMWARE_CATALOGUE]).id);
    await t.store.migrate([...ALL_MIGRATIONS, next]);
    expect(await findBundle(t.store, newest.id)).toBeUndefined();
    expect(await findBundle(t.store, bundle(12, '2025.05.00.00').id)).toMatchObject({ isActive: true, generation: 3 });
    await t.store.migrate([...ALL_MIGRATIONS, next, { ...catalogueMigration(), id: `${catalogueMigration().id}-again` }]);
    for (const b of FIRMWARE_CATALOGUE) expect(await findBundle(t.store, b.id)).toEqual(b);
  });

  it('finds nothing for unknown or malformed ids', async () => {
    for (const id of ['00000000000000000000000000000000', 'nope', '', '%00', "' OR 1=1--"]) expect(await findBundle(t.store, id)).toBeUndefined();
  });
});
