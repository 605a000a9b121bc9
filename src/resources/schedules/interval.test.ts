// The ISO 8601 duration subset schedules use, and the occurrence arithmetic, checked by properties over random
// durations, start times and moments, plus the edge cases clients hit (bounds, month ends, leap years).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDuration, formatDuration, MAX_INTERVAL_SECONDS, MIN_INTERVAL_SECONDS, nextOccurrence, nominalSeconds, parseDuration, type Duration } from './interval.ts';
import { checkTiming, parseStartAt } from './rules.ts';

const component = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 400 }));
const duration: fc.Arbitrary<Duration> = fc.record({ years: component, months: component, weeks: component, days: component, hours: component, minutes: component, seconds: component });
const nonZero = duration.filter((d) => nominalSeconds(d) > 0);
/** Durations a schedule may have: small components, within the bounds. */
const scheduleInterval = fc
  .record({
    years: fc.integer({ min: 0, max: 1 }),
    months: fc.integer({ min: 0, max: 12 }),
    weeks: fc.integer({ min: 0, max: 52 }),
    days: fc.integer({ min: 0, max: 365 }),
    hours: fc.integer({ min: 0, max: 48 }),
    minutes: fc.integer({ min: 0, max: 120 }),
    seconds: fc.integer({ min: 0, max: 3600 }),
  })
  .filter((d) => nominalSeconds(d) >= MIN_INTERVAL_SECONDS && nominalSeconds(d) <= MAX_INTERVAL_SECONDS);
const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) });

describe('ISO 8601 durations', () => {
  it('format and parse are inverse', () => {
    fc.assert(
      fc.property(duration, (d) => {
        expect(parseDuration(formatDuration(d))).toEqual(d);
      }),
    );
  });

  it('parses what it formats, in either case, and formats canonically', () => {
    fc.assert(
      fc.property(nonZero, (d) => {
        const text = formatDuration(d);
        expect(text).toMatch(/^P(?!$)/);
        expect(parseDuration(text.toLowerCase())).toEqual(d);
        expect(formatDuration(parseDuration(text)!)).toBe(text);
      }),
    );
  });

  it('refuses anything that is not a duration', () => {
    for (const bad of ['', 'P', 'PT', 'P1DT', 'T1H', '1D', 'P1H', 'PT1D', 'P1.5D', 'P-1D', 'P1D1Y', 'PT1S1M', 'P 1D', 'P1Y2Y', 'P1dT', 'PT15', 'P10000000000D']) {
      expect(parseDuration(bad), bad).toBeUndefined();
    }
    fc.assert(
      fc.property(fc.string(), (s) => {
        fc.pre(!/^\s*P/i.test(s));
        expect(parseDuration(s)).toBeUndefined();
      }),
    );
  });

  it('counts a month as 30 days and a year as 365 for its nominal length', () => {
    expect(nominalSeconds(parseDuration('PT15M')!)).toBe(MIN_INTERVAL_SECONDS);
    expect(nominalSeconds(parseDuration('P1Y')!)).toBe(MAX_INTERVAL_SECONDS);
    expect(nominalSeconds(parseDuration('P1M')!)).toBe(30 * 86_400);
    expect(nominalSeconds(parseDuration('P1W2DT3H4M5S')!)).toBe(9 * 86_400 + 3 * 3600 + 4 * 60 + 5);
  });
});

describe('occurrences', () => {
  it('moves forward with every step, and by the fixed part exactly', () => {
    fc.assert(
      fc.property(instant, scheduleInterval, fc.integer({ min: 0, max: 50 }), (start, d, k) => {
        expect(addDuration(start, d, k + 1)).toBeGreaterThan(addDuration(start, d, k));
        if (d.years === 0 && d.months === 0) expect(addDuration(start, d, k)).toBe(start + k * nominalSeconds(d) * 1000);
      }),
    );
  });

  it('the next occurrence is the first one strictly after the moment', () => {
    const steps = fc.integer({ min: -5, max: 1500 });
    const jitter = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(instant, scheduleInterval, steps, jitter, (start, d, m, j) => {
        const after = Math.round(start + (m + j) * nominalSeconds(d) * 1000);
        const next = nextOccurrence(start, d, after);
        expect(next).toBeGreaterThan(after);
        // It is an occurrence, start + k·d for some k ≥ 1, and the one before it (if any) is not after the moment.
        const k = [...Array(1700).keys()].map((i) => i + 1).find((i) => addDuration(start, d, i) === next);
        expect(k).toBeDefined();
        if (k! > 1) expect(addDuration(start, d, k! - 1)).toBeLessThanOrEqual(after);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps monthly schedules on their day, clamping to short months without drifting', () => {
    const start = Date.UTC(2024, 0, 31, 2, 0, 0);
    const monthly = parseDuration('P1M')!;
    const days = [1, 2, 3, 4, 12].map((k) => new Date(addDuration(start, monthly, k)).toISOString().slice(0, 10));
    expect(days).toEqual(['2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31', '2025-01-31']);
    expect(new Date(addDuration(Date.UTC(2024, 1, 29), parseDuration('P1Y')!, 1)).toISOString().slice(0, 10)).toBe('2025-02-28');
  });
});

describe('start times and timing', () => {
  const now = Date.UTC(2025, 3, 1, 12);

  it('reads RFC 3339 with any offset and fraction, and a bare date-time as UTC', () => {
    expect(parseStartAt('2025-04-05T04:00:00.0000000+02:00')).toBe('2025-04-05T02:00:00.000000Z');
    expect(parseStartAt('2025-04-05 02:00:00')).toBe('2025-04-05T02:00:00.000000Z');
    expect(parseStartAt('2025-04-05T02:00:00.123456789Z')).toBe('2025-04-05T02:00:00.123456Z');
    expect(parseStartAt('2024-02-29T00:00:00Z')).toBe('2024-02-29T00:00:00.000000Z');
    for (const bad of ['2025-02-29T00:00:00Z', '2025-04-31T00:00:00Z', '2025-13-01T00:00:00Z', '2025-04-05T24:00:00Z', 'tomorrow', '2025-04-05', '']) {
      expect(parseStartAt(bad), bad).toBeUndefined();
    }
  });

  it('round-trips any instant written with any whole-minute offset', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -14 * 60, max: 14 * 60 }), (ms, offsetMin) => {
        const local = new Date(ms + offsetMin * 60_000).toISOString().slice(0, 23);
        const sign = offsetMin < 0 ? '-' : '+';
        const abs = Math.abs(offsetMin);
        const text = `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
        expect(Date.parse(parseStartAt(text)!)).toBe(ms);
      }),
    );
  });

  it('accepts intervals from PT15M to P1Y inclusive and starts within a year of now', () => {
    const at = (days: number) => new Date(now + days * 86_400_000).toISOString();
    for (const ok of ['PT15M', 'PT900S', 'P1Y', 'P12M', 'P365D', 'P52W', null]) expect(checkTiming({ startAt: at(1), interval: ok }, now).issues, String(ok)).toEqual([]);
    for (const bad of ['PT14M59S', 'PT899S', 'P1Y1D', 'P366D', 'P53W', 'P13M', 'PT0S']) {
      expect(checkTiming({ startAt: at(1), interval: bad }, now).issues.map((i) => i.subject), bad).toEqual(['schedule.interval']);
    }
    expect(checkTiming({ startAt: at(365), interval: null }, now).issues).toEqual([]);
    expect(checkTiming({ startAt: at(-1), interval: null }, now).issues).toEqual([]);
    for (const days of [366, -366]) expect(checkTiming({ startAt: at(days), interval: null }, now).issues.map((i) => i.subject)).toEqual(['schedule.startAt']);
    // A PATCH that leaves the start alone does not re-check its window.
    expect(checkTiming({ startAt: at(-400), interval: 'P1D' }, now, false).issues).toEqual([]);
  });
});
