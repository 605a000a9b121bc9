// A job engine for tests: the simulator over the test store's servers, on a clock fast enough that
// simulated minutes pass in microseconds, driven explicitly with runUntilIdle (no background polling).
import { acceleratedClock, type Clock } from '../../src/devices/clock.ts';
import type { SimulatorDriver } from '../../src/devices/simulator/simulator.ts';
import { simulatorFor } from '../../src/fleet/fleet-runtime.ts';
import { JobEngine, type EngineOptions } from '../../src/job-engine/engine.ts';
import type { Store } from '../../src/store/store.ts';

export const QUIET_LOG = { debug() {}, info() {}, warn() {}, error() {} };

export interface EngineHarness {
  engine: JobEngine;
  driver: SimulatorDriver;
  clock: Clock;
}

export function openEngine(store: Store, options: Partial<EngineOptions> & { timeFactor?: number } = {}): EngineHarness {
  const clock = options.clock ?? acceleratedClock(options.timeFactor ?? 1_000_000);
  const driver = (options.driver as SimulatorDriver | undefined) ?? simulatorFor(store, clock);
  const engine = new JobEngine({ store, driver, clock, log: QUIET_LOG, pollMs: 20, ...options });
  return { engine, driver, clock };
}
