// npm run bench: every benchmark in turn, each ending with `BENCH <name> ratio=<number>`.
// BENCH_SECONDS sets the measured duration of each load phase (default 10).
import { report } from './harness.ts';
import { benchServersList10k, benchServersListScaling } from './servers-list.bench.ts';
import { benchUserPreferencesList } from './user-preferences-list.bench.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const benchmarks = [benchUserPreferencesList, benchServersList10k, benchServersListScaling];

const results: { name: string; ratio: number }[] = [];
for (const bench of benchmarks) results.push(await bench(seconds));
for (const r of results) report(r.name, r.ratio);
