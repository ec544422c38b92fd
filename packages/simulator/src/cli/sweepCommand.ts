// `entflow sweep`: many seeds, the first failures, and a shrunk fault plan.

import { stringifyJson, type JsonValue as RuntimeJson } from '@entflow/runtime';
import { prepareSweep, parseSeedRange, runSeed, shrinkFaultPlan, type SweepOutcome } from '../sweep.ts';
import { SWEEP_SEEDS_MAX } from '../limits.ts';
import type { SimulationConfig } from '../trace.ts';
import { integerFlag, stringFlag, UsageError, type ParsedArgs } from './args.ts';
import { describeRunStart, scenarioConfig, type Io } from './main.ts';
import { sweepInThreads } from './parallelSweep.ts';

/** Seeds above which a sweep uses two threads unless told otherwise. */
const THREADED_SWEEP_SEEDS_MIN = 50;

export async function runSweep(args: ParsedArgs, io: Io): Promise<number> {
  const rangeText = stringFlag(args, 'seeds');
  if (rangeText === undefined) {
    throw new UsageError('"entflow sweep" needs --seeds A..B, e.g. --seeds 1..100');
  }
  const range = parseSeedRange(rangeText);
  if (range === null) {
    throw new UsageError(`option --seeds must look like A..B with A <= B (integers up to 4294967295), got "${rangeText}"`);
  }
  if (range.last - range.first + 1 > SWEEP_SEEDS_MAX) {
    throw new UsageError(`option --seeds covers ${range.last - range.first + 1} seeds, more than ${SWEEP_SEEDS_MAX} per sweep; split the range into several sweeps`);
  }
  const config = scenarioConfig(args, 'sweep', io);
  if (config === null) {
    return 1;
  }
  const count = range.last - range.first + 1;
  const threads = integerFlag(args, 'threads', count > THREADED_SWEEP_SEEDS_MIN ? 2 : 1, 1, 16);
  const show = integerFlag(args, 'show', 5, 1, 1000);
  const isJson = args.flags.has('json');

  const context = prepareSweep(config);
  if ('error' in context) {
    io.stderr(`entflow: ${context.error}\n`);
    return 1;
  }
  if (!isJson) {
    io.stderr(`${describeRunStart({ ...config, seed: range.first }, null).replace(/^seed \d+/, `seeds ${range.first}..${range.last}`)}\n`);
  }
  const seeds = Array.from({ length: count }, (_, i) => range.first + i);
  const outcomes = threads > 1
    ? await sweepInThreads(config, seeds, threads)
    : seeds.map((seed) => runSeed(config, context, seed));

  const failing = outcomes.filter((o) => o.isFailing);
  let shrunk: { seed: number; plan: unknown; runs: number } | null = null;
  if (failing.length > 0) {
    const first = failing[0];
    const result = shrinkFaultPlan(config, context, first.seed, first.firedFaults);
    shrunk = { seed: first.seed, plan: result.plan, runs: result.runs };
  }

  if (isJson) {
    // stringifyJson, because violations carry Python ints that may be bigints.
    io.stdout(`${stringifyJson({ seeds: count, failing: failing.slice(0, show), shrunk } as unknown as RuntimeJson)}\n`);
  } else {
    io.stdout(report(config, count, failing, show, shrunk));
  }
  return failing.length > 0 ? 1 : 0;
}

function report(config: SimulationConfig, count: number, failing: SweepOutcome[], show: number, shrunk: { seed: number; plan: unknown; runs: number } | null): string {
  const lines = [`${count} seeds, ${failing.length} failing (${config.mode})`];
  for (const outcome of failing.slice(0, show)) {
    lines.push(outcome.endReason === 'completed' ? `seed ${outcome.seed}:` : `seed ${outcome.seed}: ${outcome.endReason}: ${outcome.endMessage}`);
    for (const violation of outcome.violations.slice(0, 3)) {
      lines.push(`  - ${violation.message}`);
    }
    if (outcome.violations.length > 3) {
      lines.push(`  ... ${outcome.violations.length - 3} more`);
    }
  }
  if (shrunk !== null) {
    lines.push('');
    lines.push(`minimal fault plan for seed ${shrunk.seed} (${shrunk.runs} runs to shrink):`);
    lines.push(JSON.stringify(shrunk.plan, null, 2));
    const clients = (config.clients ?? 1) > 1 ? ` --clients ${config.clients}` : '';
    lines.push(`replay: save the plan as plan.json, then run\n  entflow run ${config.programFile} --client ${config.clientFile} --mode ${config.mode} --workers ${config.workers}${clients} --seed ${shrunk.seed} --faults plan.json`);
  }
  return `${lines.join('\n')}\n`;
}
