// Version order over the spellings HPE devices and packages use (versions.ts).
import { describe, expect, it } from 'vitest';
import { compareFirmwareVersions, parseVersion, sameFamily } from './versions.ts';

describe('parseVersion', () => {
  it.each([
    ['3.08 Oct 24 2024', null, [3, 8]],
    ['2.78_01-24-2023', null, [2, 78]],
    ['U46 v2.80 (01/19/2024)', 'U46', [2, 80]],
    ['u46 v2.80', 'U46', [2, 80]],
    ['I62 v2.62 (07/24/2025)', 'I62', [2, 62]],
    ['1.60', null, [1, 60]],
    ['v2.10', null, [2, 10]],
    ['12.4.0 Build 31', null, [12, 4, 0, 31]],
    ['52.26.3-5379', null, [52, 26, 3, 5379]],
    ['22.41.1000', null, [22, 41, 1000]],
    ['0x2A', null, [42]],
    ['HPG3', null, [3]],
    ['5.61(D)', null, [5, 61]],
    ['(01/19/2024)', null, [2024, 1, 19]],
    ['Sep 04 2022', null, [2022, 9, 4]],
    ['2024-01-19', null, [2024, 1, 19]],
    ['', null, []],
    ['unknown', null, []],
  ])('%s', (text, family, parts) => {
    expect(parseVersion(text)).toEqual({ family, parts });
  });
});

describe('compareFirmwareVersions', () => {
  it.each([
    // iLO: the release date only labels the version, whatever its spelling.
    ['3.08 Oct 24 2024', '3.01 Mar 08 2024', 1],
    ['2.78_01-24-2023', '2.78 Jan 24 2023', 0],
    ['2.72 Sep 04 2022', '2.78_01-24-2023', -1],
    ['3.10 Jan 23 2025', '3.08 Oct 24 2024', 1],
    // System ROM: within a family only.
    ['U46 v2.80 (01/19/2024)', 'U46 v2.16 (07/11/2024)', 1],
    ['U30 v3.20 (02/16/2024)', 'U30 v3.20 (02/16/2024)', 0],
    ['U46 v2.80 (01/19/2024)', 'U30 v2.80 (01/19/2024)', null],
    ['U46 v2.10', '2.16', -1],
    // Numeric parts compare as numbers, a missing part as 0.
    ['1.00.10', '1.00.9', 1],
    ['1.60', '1.6', 1],
    ['22.41.1000', '22.39.1002', 1],
    ['52.26.3-5379', '52.26.3-5200', 1],
    ['12.4.0 Build 31', '12.6.0 Build 8', -1],
    ['2.0', '2', 0],
    ['0x2C', '0x2A', 1],
    ['HPG3', 'HPG5', -1],
    // No number on a side: no order.
    ['unknown', '1.0', null],
    ['', '', null],
  ])('%s vs %s → %s', (a, b, expected) => {
    expect(compareFirmwareVersions(a, b)).toBe(expected);
    expect(compareFirmwareVersions(b, a)).toBe(expected === null ? null : expected === 0 ? 0 : -expected);
  });

  it('is a total order within a family (transitive on a sample)', () => {
    const sample = ['1.0', '1.6', '1.60', '1.00.9', '1.00.10', '2', '2.0.1', '10.1', '0x2', '0x10'];
    for (const a of sample)
      for (const b of sample)
        for (const c of sample) {
          const ab = compareFirmwareVersions(a, b)!;
          const bc = compareFirmwareVersions(b, c)!;
          if (ab <= 0 && bc <= 0) expect(compareFirmwareVersions(a, c)).toBeLessThanOrEqual(0);
        }
  });
});

describe('sameFamily', () => {
  it('matches System ROMs of one BIOS family and any version without a family', () => {
    expect(sameFamily('U46 v2.80', 'U46 v1.72 (09/22/2022)')).toBe(true);
    expect(sameFamily('U46 v2.80', 'A42 v2.80')).toBe(false);
    expect(sameFamily('3.08 Oct 24 2024', '3.01')).toBe(true);
    expect(sameFamily('U46 v2.80', '2.80')).toBe(true);
  });
});
