// The shape of HPE's SPP release lines as the catalogue data files declare them: per server generation, its
// SPP releases in order and, per firmware component, the version each release ships. Component names are
// those servers report in their firmware inventory (src/fleet/generate-server.ts), so a server's inventory
// can be compared with any bundle.
import type { ComponentCategory } from '../model.ts';

/** One SPP (a BASE bundle) of a generation line. */
export interface BaseRelease {
  releaseVersion: string;
  /** Publication date, `YYYY-MM-DD`. */
  date: string;
  /** Operating system families the SPP supports. */
  os: readonly string[];
  /** OS versions this SPP adds support for (its "enhancements"). */
  osAdded: readonly string[];
  /** The SPP it supersedes, when that one is older than the catalogue. */
  supersedes?: string;
}

/** A PATCH or HOTFIX on one SPP of the line: the SPP's components with `updates` applied. */
export interface FixRelease {
  bundleType: 'PATCH' | 'HOTFIX';
  releaseVersion: string;
  baseVersion: string;
  date: string;
  /** What the fix addresses, in HPE's words. */
  reason: string;
  /** Replaced versions; a System ROM update applies to the component of the same BIOS family. */
  updates: readonly { name: string; version: string }[];
}

/** A firmware component as every release of a line ships it. */
export interface ComponentLine {
  name: string;
  category: ComponentCategory;
  deviceContext: string;
  description: string;
  /** The package file of a version. */
  file: (version: string) => string;
  /** One version per base release of the line, in release order; null where the release does not ship it. */
  versions: readonly (string | null)[];
}

/** The SPP line of one server generation. */
export interface GenerationLine {
  generation: 10 | 11 | 12;
  /** How HPE's texts name the servers served, e.g. `Gen10/Gen10 Plus`. */
  label: string;
  releases: readonly BaseRelease[];
  components: readonly ComponentLine[];
  fixes: readonly FixRelease[];
}

const dotted = (v: string) => v.replace(/[^0-9A-Za-z.-]+/g, '_');

/** iLO firmware, versions as iLO reports them (`3.08 Oct 24 2024`); packages are `ilo5_308.fwpkg`. */
export function iloLine(n: 5 | 6 | 7, versions: readonly string[]): ComponentLine {
  return {
    name: `iLO ${n}`,
    category: 'ILO',
    deviceContext: 'System Board',
    description: `Online Firmware Flash for HPE Integrated Lights-Out ${n} (iLO ${n})`,
    file: (v) => `ilo${n}_${(v.split(' ')[0] ?? v).replace('.', '')}.fwpkg`,
    versions,
  };
}

/**
 * The System ROM of one BIOS family: inventory reports `U46 v2.16 (07/11/2024)`, packages are named after the
 * family, version and date (`U46_2.16_07_11_2024.fwpkg`).
 */
export function romLine(family: string, servers: string, versions: readonly string[]): ComponentLine {
  return {
    name: 'System ROM',
    category: 'SYSTEM_ROM',
    deviceContext: 'System Board',
    description: `ROM Flash Firmware Package - HPE ${servers} (${family}) Servers`,
    file: (v) => {
      const [, number = '', date = ''] = /v([\d.]+)\s*\(([^)]*)\)/.exec(v) ?? [];
      return `${family}_${number}_${date.replace(/\//g, '_')}.fwpkg`;
    },
    versions: versions.map((v) => `${family} v${v}`),
  };
}

/** Any other component; `prefix` names its package (`SPSGen10_` → `SPSGen10_4.1.4.804.fwpkg`). */
export function componentLine(
  name: string,
  category: ComponentCategory,
  deviceContext: string,
  description: string,
  prefix: string,
  versions: readonly (string | null)[],
): ComponentLine {
  return { name, category, deviceContext, description, file: (v) => `${prefix}${dotted(v)}.fwpkg`, versions };
}
