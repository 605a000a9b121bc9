// When a schedule runs next (schedules.md §3): at `startAt` first, then at `startAt + k·interval`, counted
// from the start so calendar intervals do not drift; a one-time schedule has nothing planned after its run.
import { formatMicros } from '../../store/time.ts';
import { nextOccurrence } from './interval.ts';
import type { Schedule, ScheduleTiming } from './model.ts';

const stored = (ms: number): string => formatMicros(BigInt(ms) * 1000n);

/**
 * After a run that was planned for `planned` and made at `now`: the first occurrence after both, so a
 * runner that was down fires a late schedule once and then keeps to its rhythm.
 */
export function nextAfterRun(timing: ScheduleTiming, planned: string, now: number): string | null {
  if (!timing.interval) return null;
  return stored(nextOccurrence(Date.parse(timing.startAt), timing.interval, Math.max(Date.parse(planned), now)));
}

/**
 * After a PATCH changed the timing: a new start is planned as given (a finished one-time schedule is armed
 * again); otherwise a schedule that has not run yet still waits for its start, and one that has continues
 * from its start at the new interval — or, made one-time, has nothing left to do.
 */
export function nextAfterChange(current: Schedule, timing: ScheduleTiming, now: number): string | null {
  if (timing.startAt !== current.timing.startAt || current.lastRun === null) return timing.startAt;
  if (!timing.interval) return null;
  return stored(nextOccurrence(Date.parse(timing.startAt), timing.interval, now));
}
