// Realistic HPE support entitlements for the demo fleet, derived deterministically from a server: coverage
// starts on the ship date (some time before the server was onboarded into COM) and runs for the term of
// the offering, so older Gen10 machines are mostly out of warranty and some coverage is about to end.
import { createHash } from 'node:crypto';
import type { Server } from '../servers/model.ts';
import type { Entitlement } from './model.ts';

interface Offering {
  supportLevel: string;
  contractLevel: string;
  years: number;
  weight: number;
  /** Offerings HPE sold only for a given generation (Foundation Care was replaced by Tech Care in 2021). */
  only?: Server['serverGeneration'];
}

/** HPE's standard ProLiant warranty (3/3/3) and the Care Pack and contract offerings sold on top of it. */
const OFFERINGS: readonly Offering[] = [
  { supportLevel: 'Warranty', contractLevel: 'HPE Warranty', years: 3, weight: 52 },
  { supportLevel: 'Warranty', contractLevel: 'HPE Warranty', years: 1, weight: 2 },
  { supportLevel: 'Care Pack', contractLevel: 'HPE Tech Care Essential', years: 5, weight: 14 },
  { supportLevel: 'Care Pack', contractLevel: 'HPE Tech Care Critical', years: 5, weight: 6 },
  { supportLevel: 'Care Pack', contractLevel: 'HPE Tech Care Basic', years: 4, weight: 5 },
  { supportLevel: 'Care Pack', contractLevel: 'HPE Foundation Care 24x7', years: 4, weight: 7, only: 'GEN_10' },
  { supportLevel: 'Contract', contractLevel: 'HPE Complete Care', years: 3, weight: 4 },
  { supportLevel: 'Contract', contractLevel: 'HPE Datacenter Care', years: 5, weight: 3 },
];

/** Share of servers whose entitlement HPE's support systems cannot resolve (supportState UNKNOWN). */
const UNKNOWN_SHARE = 0.04;

/** Days between shipping and onboarding into COM, per generation: Gen10 fleets were often bought years earlier. */
const SHIP_LAG_DAYS: Partial<Record<Server['serverGeneration'], [number, number]>> = {
  GEN_10: [90, 1500],
  GEN_11: [14, 420],
  GEN_12: [7, 120],
};
const DEFAULT_SHIP_LAG_DAYS: [number, number] = [30, 900];
const DAY_MS = 86_400_000;

/** An endless stream of uniform numbers in [0, 1) determined by `key` alone. */
export function draws(key: string): () => number {
  let block = 0;
  let digest: Buffer = Buffer.alloc(0);
  let at = 0;
  return () => {
    if (at + 4 > digest.length) {
      digest = createHash('sha256').update(`${key}#${block++}`).digest();
      at = 0;
    }
    const value = digest.readUInt32BE(at) / 2 ** 32;
    at += 4;
    return value;
  };
}

/** A version-4-shaped UUID determined by `key` alone, so re-seeding yields the same ids. */
export function uuidFrom(key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  const variant = (8 + (parseInt(h[16]!, 16) & 3)).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function pick(offerings: readonly Offering[], r: number): Offering {
  const total = offerings.reduce((s, o) => s + o.weight, 0);
  let left = r * total;
  for (const o of offerings) if ((left -= o.weight) < 0) return o;
  return offerings[offerings.length - 1]!;
}

function midnight(ms: number): Date {
  const d = new Date(ms);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

const stored = (d: Date): string => `${d.toISOString().slice(0, 10)}T00:00:00.000000Z`;

/** The entitlement of one server for one seed: always the same for the same inputs. */
export function entitlementOf(server: Server, key: string): Entitlement {
  const next = draws(key);
  if (next() < UNKNOWN_SHARE) return { supportStartDate: null, supportEndDate: null, supportLevel: null, contractLevel: null };
  const offering = pick(
    OFFERINGS.filter((o) => !o.only || o.only === server.serverGeneration),
    next(),
  );
  const [minLag, maxLag] = SHIP_LAG_DAYS[server.serverGeneration] ?? DEFAULT_SHIP_LAG_DAYS;
  const lagDays = minLag + Math.floor(next() * (maxLag - minLag + 1));
  const start = midnight(Date.parse(server.createdAt) - lagDays * DAY_MS);
  // Coverage ends the day before the anniversary of the start, as HPE states warranty terms.
  const end = new Date(Date.UTC(start.getUTCFullYear() + offering.years, start.getUTCMonth(), start.getUTCDate() - 1));
  return { supportStartDate: stored(start), supportEndDate: stored(end), supportLevel: offering.supportLevel, contractLevel: offering.contractLevel };
}
