// What happens to a living fleet in a stretch of simulated time: rare health degradations and disconnects,
// quicker recoveries, occasional out-of-band power changes. Pure and seeded, so it can be tested exactly;
// fleet-life.ts carries the plan out through the device driver and the services.
import type { Random } from './random.ts';

/** Per-server probabilities per simulated hour. */
export const RATES = {
  degrade: 0.002,
  recover: 0.15,
  disconnect: 0.0005,
  reconnect: 0.4,
  outOfBandPower: 0.0005,
} as const;

export interface ServerCondition {
  serverId: string;
  degraded: boolean;
  connected: boolean;
  poweredOn: boolean;
}

export type PlannedChange =
  | { kind: 'degrade'; serverId: string; severity: 'WARNING' | 'CRITICAL'; pick: number }
  | { kind: 'recover'; serverId: string }
  | { kind: 'disconnect'; serverId: string }
  | { kind: 'reconnect'; serverId: string }
  | { kind: 'power'; serverId: string; on: boolean };

/** Probability that an event of `hourlyRate` happens at least once in `minutes`. */
export function chanceIn(hourlyRate: number, minutes: number): number {
  return 1 - Math.pow(1 - hourlyRate, minutes / 60);
}

/**
 * Plans one tick. Healthy servers are visited by sampling (the expected number of events, not a loop over
 * a 100,000-server fleet); degraded or disconnected ones, which are few, are each given a chance to recover.
 */
export function planTick(fleet: readonly ServerCondition[], minutes: number, rng: Random): PlannedChange[] {
  const changes: PlannedChange[] = [];
  const touched = new Set<string>();
  const sample = (rate: number, make: (s: ServerCondition) => PlannedChange | undefined) => {
    const expected = fleet.length * chanceIn(rate, minutes);
    let n = Math.floor(expected) + (rng.chance(expected - Math.floor(expected)) ? 1 : 0);
    while (n-- > 0 && fleet.length > 0) {
      const s = fleet[rng.int(0, fleet.length - 1)]!;
      if (touched.has(s.serverId)) continue;
      const change = make(s);
      if (change) {
        touched.add(s.serverId);
        changes.push(change);
      }
    }
  };
  sample(RATES.degrade, (s) => (s.degraded || !s.connected ? undefined : { kind: 'degrade', serverId: s.serverId, severity: rng.chance(0.3) ? 'CRITICAL' : 'WARNING', pick: rng.int(0, 1_000_000) }));
  sample(RATES.disconnect, (s) => (s.connected ? { kind: 'disconnect', serverId: s.serverId } : undefined));
  sample(RATES.outOfBandPower, (s) => (s.connected ? { kind: 'power', serverId: s.serverId, on: !s.poweredOn } : undefined));
  for (const s of fleet) {
    if (touched.has(s.serverId)) continue;
    if (s.degraded && rng.chance(chanceIn(RATES.recover, minutes))) changes.push({ kind: 'recover', serverId: s.serverId });
    else if (!s.connected && rng.chance(chanceIn(RATES.reconnect, minutes))) changes.push({ kind: 'reconnect', serverId: s.serverId });
  }
  return changes;
}

/** A daily load curve: busy in working hours, quiet at night, with per-server noise. */
export function utilizationAt(ms: number, baseline: number, rng: Random): number {
  const hour = new Date(ms).getUTCHours() + new Date(ms).getUTCMinutes() / 60;
  const daily = 0.5 + 0.5 * Math.sin(((hour - 8) / 24) * 2 * Math.PI);
  return Math.max(0, Math.min(100, baseline * (0.6 + 0.8 * daily) + (rng.next() - 0.5) * 10));
}
