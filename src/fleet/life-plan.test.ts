// The fleet's life plan: rates are honoured on average, recoveries only touch degraded servers, and the
// plan is the same for the same seed.
import { describe, expect, it } from 'vitest';
import { chanceIn, planTick, type ServerCondition } from './life-plan.ts';
import { Random } from './random.ts';

const healthy = (n: number): ServerCondition[] => Array.from({ length: n }, (_, i) => ({ serverId: `s${i}`, degraded: false, connected: true, poweredOn: true }));

describe('planTick', () => {
  it('is deterministic for a seed', () => {
    const fleet = healthy(5000);
    expect(planTick(fleet, 60, new Random(3))).toEqual(planTick(fleet, 60, new Random(3)));
  });

  it('degrades about fleet × rate servers per hour', () => {
    const fleet = healthy(20_000);
    let degraded = 0;
    for (let i = 0; i < 50; i++) degraded += planTick(fleet, 60, new Random(i)).filter((c) => c.kind === 'degrade').length;
    // 20,000 × 0.002 = 40 per hour on average.
    expect(degraded / 50).toBeGreaterThan(30);
    expect(degraded / 50).toBeLessThan(50);
  });

  it('only recovers degraded servers and only reconnects disconnected ones', () => {
    const fleet: ServerCondition[] = [
      { serverId: 'bad', degraded: true, connected: true, poweredOn: true },
      { serverId: 'gone', degraded: false, connected: false, poweredOn: true },
      ...healthy(10),
    ];
    const changes = planTick(fleet, 24 * 60, new Random(1));
    expect(changes.filter((c) => c.kind === 'recover').map((c) => c.serverId)).toEqual(['bad']);
    expect(changes.filter((c) => c.kind === 'reconnect').map((c) => c.serverId)).toEqual(['gone']);
  });

  it('turns an hourly rate into the chance of at least one event in a period', () => {
    expect(chanceIn(0.5, 60)).toBeCloseTo(0.5);
    expect(chanceIn(0.5, 120)).toBeCloseTo(0.75);
    expect(chanceIn(0.1, 0)).toBe(0);
  });
});
