// npm run bench: every benchmark in turn, each ending with `BENCH <name> ratio=<number>`.
// BENCH_SECONDS sets the measured duration of each load phase (default 10); BENCH_ONLY picks benchmarks.
import { execFileSync } from 'node:child_process';
import { benchGroupFirmwareUpdate } from './group-firmware-update.bench.ts';
import { report } from './harness.ts';
import { benchServersList10k, benchServersListScaling } from './servers-list.bench.ts';
import { benchUserPreferencesList } from './user-preferences-list.bench.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const all = { 'user-preferences-list': benchUserPreferencesList, 'servers-list-10k': benchServersList10k, 'servers-list-scaling': benchServersListScaling, 'group-firmware-update': benchGroupFirmwareUpdate };
// BENCH_ONLY=name[,name] runs a subset, e.g. while working on one of them.
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const benchmarks = Object.entries(all)
  .filter(([name]) => !only || only.includes(name))
  .map(([, bench]) => bench);

const results: { name: string; ratio: number }[] = [];
for (const [i, bench] of benchmarks.entries()) {
  // The servers benchmarks write and delete databases of up to 2 GB; the kernel's writeback of those pages
  // would otherwise run during the next benchmark. Flush it, then let the machine settle.
  if (i > 0) {
    execFileSync('sync');
    await new Promise((r) => setTimeout(r, 3000));
  }
  results.push(...[await bench(seconds)].flat());
}
for (const r of results) report(r.name, r.ratio);
