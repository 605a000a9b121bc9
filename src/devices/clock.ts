// Time as the virtual fleet sees it: real time, or accelerated by OPENCOM_TIME_FACTOR (60 = one simulated
// minute per real second). Durations of simulated work are divided by the factor; timestamps stay real.
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** How many simulated milliseconds pass per real millisecond. */
  readonly factor: number;
  /** Waits `simulatedMs` of simulated time. */
  sleep(simulatedMs: number): Promise<void>;
  /** Real milliseconds that `simulatedMs` take. */
  realDuration(simulatedMs: number): number;
}

export function acceleratedClock(factor: number): Clock {
  if (!(factor > 0)) throw new Error(`time factor must be > 0, got ${factor}`);
  return {
    factor,
    now: () => Date.now(),
    realDuration: (ms) => ms / factor,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms / factor)),
  };
}
