// Runs every benchmark in turn and prints their reports. Results and the
// machine they were measured on are recorded by hand in docs/benchmarks.md.
// Pass a name (compiler, runtime, simulator, ide) to run only that one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const benches = [
  { name: 'compiler', command: ['node_modules/.bin/tsx', 'packages/compiler/bench/compileBench.ts'] },
  { name: 'runtime', command: ['node_modules/.bin/tsx', 'packages/runtime/bench/directBench.ts'] },
  { name: 'simulator', command: ['node_modules/.bin/tsx', 'packages/simulator/bench/simBench.ts'] },
  { name: 'ide', command: ['node', 'scripts/e2e.mjs', '--perf'] },
];

const selected = process.argv.slice(2);
let hasFailure = false;
for (const bench of benches) {
  if (selected.length > 0 && !selected.includes(bench.name)) {
    continue;
  }
  const script = bench.command[1];
  if (!existsSync(script)) {
    console.log(`\n== ${bench.name}: missing ${script}, skipped`);
    continue;
  }
  console.log(`\n== ${bench.name}: ${bench.command.join(' ')}`);
  const result = spawnSync(bench.command[0], bench.command.slice(1), { stdio: 'inherit' });
  if (result.status !== 0) {
    hasFailure = true;
    console.log(`== ${bench.name} failed with exit status ${result.status}`);
  }
}
process.exit(hasFailure ? 1 : 0);
