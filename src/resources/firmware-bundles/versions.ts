// Firmware version strings as HPE devices and packages spell them, and their order. The spellings vary by
// component: `3.08 Oct 24 2024` and `2.78_01-24-2023` (iLO), `U46 v2.80 (01/19/2024)` (System ROM, with its
// BIOS family), `1.60`, `12.4.0 Build 31`, `52.26.3-5379`, `22.41.1000`, `0x2A` (CPLD), `HPG3` (drives).
// A release date next to a version only labels it, so it is ignored when a version number is present.

/** A version reduced to what orders it. */
export interface ParsedVersion {
  /** BIOS family of a System ROM version (`U46`), upper case; null for other components. */
  family: string | null;
  /** Numbers in order of significance; empty when the text has none. */
  parts: number[];
}

const MONTHS = 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec';
const DATES: readonly RegExp[] = [
  /\(\s*\d{1,2}\/\d{1,2}\/\d{4}\s*\)/, // (01/19/2024)
  /(?:^|[_\s])\d{1,2}-\d{1,2}-\d{4}(?=$|[\s)])/, // _01-24-2023
  new RegExp(`(?:^|\\s)(?:${MONTHS})[a-z]*\\.?\\s+\\d{1,2},?\\s+\\d{4}(?=$|\\s)`, 'i'), // Sep 04 2022
  /(?:^|\s)\d{4}-\d{2}-\d{2}(?=$|\s)/, // 2024-01-19
  /(?:^|\s)\d{1,2}\/\d{1,2}\/\d{4}(?=$|\s)/, // 01/19/2024
];
const FAMILY = /^([A-Za-z]\d{2,3})\s+v?(?=\d)/;
const HEX = /^0x([0-9a-f]+)$/i;

function numbers(text: string): number[] {
  return (text.match(/\d+/g) ?? []).map(Number);
}

/** A date as year, month, day, for versions that are nothing but a date. */
function dateParts(date: string): number[] {
  const n = numbers(date);
  if (/[a-z]/i.test(date)) {
    const month = MONTHS.split('|').indexOf(date.trim().slice(0, 3).toLowerCase()) + 1;
    return [n[1] ?? 0, month, n[0] ?? 0];
  }
  if (/^\s*\d{4}-/.test(date)) return n;
  return [n[2] ?? 0, n[0] ?? 0, n[1] ?? 0];
}

export function parseVersion(text: string): ParsedVersion {
  let rest = text.trim();
  let family: string | null = null;
  const f = FAMILY.exec(rest);
  if (f) {
    family = f[1]!.toUpperCase();
    rest = rest.slice(f[0].length);
  }
  const hex = HEX.exec(rest);
  if (hex) return { family, parts: [parseInt(hex[1]!, 16)] };
  let date: string | undefined;
  for (const pattern of DATES) {
    const m = pattern.exec(rest);
    if (!m) continue;
    date ??= m[0];
    rest = rest.slice(0, m.index) + ' ' + rest.slice(m.index + m[0].length);
  }
  const parts = numbers(rest.replace(/^v(?=\d)/i, ''));
  return { family, parts: parts.length === 0 && date !== undefined ? dateParts(date.replace(/[()_]/g, ' ')) : parts };
}

/**
 * Orders two versions of the same component: negative when `a` is older, 0 when equal, positive when newer.
 * Null when they cannot be ordered: System ROMs of different BIOS families, or a side with no number.
 */
export function compareFirmwareVersions(a: string, b: string): number | null {
  const pa = parseVersion(a);
  const pb = parseVersion(b);
  if (pa.family !== null && pb.family !== null && pa.family !== pb.family) return null;
  if (pa.parts.length === 0 || pb.parts.length === 0) return null;
  for (let i = 0; i < Math.max(pa.parts.length, pb.parts.length); i++) {
    const d = (pa.parts[i] ?? 0) - (pb.parts[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** Same BIOS family, or no family on either side: the two versions describe the same device. */
export function sameFamily(a: string, b: string): boolean {
  const fa = parseVersion(a).family;
  const fb = parseVersion(b).family;
  return fa === null || fb === null || fa === fb;
}
