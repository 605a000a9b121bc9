// HPE OneView releases COM offers to OneView appliances, for VM appliances and Synergy composers alike, as hub
// models. Ids, timestamps and sizes are derived from the data alone, so the catalogue is identical on every
// machine and every run.
import { createHash } from 'node:crypto';
import { formatMicros } from '../../store/time.ts';
import type { ApplianceFirmwareBundle, ApplianceType } from './model.ts';

interface OneViewRelease {
  version: string;
  date: string;
  milestone?: boolean;
  features: readonly string[];
}

/** Releases older than the catalogue that appliances may still run (they appear in supportedUpgrades). */
const EARLIER = ['8.00.00', '8.10.00', '8.20.00', '8.30.00', '8.40.00'];

const RELEASES: readonly OneViewRelease[] = [
  { version: '8.50.00', date: '2023-07-18', features: ['Compute Ops Management OneView Edition support', 'Synergy 480 Gen11 compute module support'] },
  { version: '8.60.00', date: '2023-10-24', features: ['Server profile template compliance reporting in Compute Ops Management', 'Firmware staging before activation'] },
  { version: '8.70.00', date: '2024-01-23', features: ['TLS 1.3 for appliance communications', 'Synergy 12000 Frame baseline enhancements'] },
  { version: '8.80.00', date: '2024-04-16', features: ['Compute Ops Management managed mode for appliances', 'Security fixes'] },
  { version: '8.90.00', date: '2024-06-25', features: ['Red Hat Enterprise Linux 9.4 deployment plans', 'Security fixes'] },
  { version: '9.00.00', date: '2024-08-27', milestone: true, features: ['New appliance operating system base: required step before later 9.x releases', 'Security fixes'] },
  { version: '9.10.00', date: '2024-10-22', features: ['iLO 6 1.62 and later support', 'Security fixes'] },
  { version: '9.20.00', date: '2024-12-10', features: ['Firmware compliance dashboard enhancements', 'Security fixes'] },
  { version: '9.30.00', date: '2025-02-10', features: ['Gen12 server support'] },
  { version: '9.40.00', date: '2025-05-13', features: ['ProLiant DL380 Gen12 and Synergy 480 Gen12 support', 'VMware ESXi 8.0 U3 deployment plans'] },
];

/** HPE keeps the newest five releases installable; older ones are retired. */
const ACTIVE_RELEASES = 5;
/** How many earlier releases can update directly (never across a milestone). */
const UPGRADE_WINDOW = 5;
const DAY_MS = 86_400_000;

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function instant(date: string, days: number, salt: string): string {
  const micros = BigInt(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS) * 1000n + (BigInt(`0x${hash(salt).slice(0, 12)}`) % 86_400_000_000n);
  return formatMicros(micros);
}

/** The releases an appliance can update from: the previous few, starting no earlier than the last milestone. */
function supportedUpgrades(index: number): string[] {
  const versions = [...EARLIER, ...RELEASES.map((r) => r.version)];
  const at = EARLIER.length + index;
  const milestone = RELEASES.slice(0, index).map((r, i) => (r.milestone ? EARLIER.length + i : -1)).reduce((a, b) => Math.max(a, b), -1);
  return versions.slice(Math.max(at - UPGRADE_WINDOW, milestone, 0), at);
}

function bundle(type: ApplianceType, r: OneViewRelease, index: number): ApplianceFirmwareBundle {
  const id = hash(`hpe-oneview/${type}/${r.version}`).slice(0, 32);
  const short = r.version.split('.').slice(0, 2).join('.');
  const createdAt = instant(r.date, 1, `${id}/created`);
  const retiredBy = RELEASES[index + ACTIVE_RELEASES];
  return {
    id,
    name: type === 'VM' ? `HPE OneView ${short} for VMware` : `HPE OneView ${short} for HPE Synergy`,
    applianceVersion: r.version,
    applianceType: type,
    releaseDate: r.date,
    milestone: r.milestone ?? false,
    state: retiredBy ? 'INACTIVE' : 'ACTIVE',
    rdaBundlePath: `/depot/volume/pub/OliveComputeUpdate/${type === 'VM' ? 'Ov' : 'Synergy'}${short.replace('.', '_')}`,
    ovaFileName: 'Update.bin',
    // Synergy composer updates carry the composer's own firmware too.
    size: (type === 'VM' ? 5_100_000_000 : 6_300_000_000) + (parseInt(hash(`${id}/size`).slice(0, 8), 16) % 400_000_000),
    releaseNotes: `https://support.hpe.com/oneview/${short}/release-notes`,
    synergyReleaseInfo: type === 'SYNERGY' ? `https://support.hpe.com/docs/display/public/synergy-sw-release/index.html?version=${short}` : '',
    languages: ['en', 'ja', 'zh'],
    features: [...r.features],
    supportedUpgrades: supportedUpgrades(index),
    createdAt,
    updatedAt: retiredBy ? instant(retiredBy.date, 2, `${id}/retired`) : createdAt,
  };
}

/** Every OneView release HPE offers through COM, for both appliance types. */
export const APPLIANCE_CATALOGUE: readonly ApplianceFirmwareBundle[] = Object.freeze(
  (['VM', 'SYNERGY'] as const).flatMap((type) => RELEASES.map((r, i) => bundle(type, r, i))),
);
