// `compareModes`: the same scenario, seed and faults in all three guarantee
// modes, each judged against one fault-free reference.

import { resolveConfig } from './config.ts';
import { buildProgramFacts } from './programFacts.ts';
import { createRuntimeExecutor } from './runtimeExecutor.ts';
import { computeReference, runScenario, type SimulateDependencies } from './simulate.ts';
import { GUARANTEE_MODES, type ComparisonResult, type ModeComparison, type SimulationConfig } from './trace.ts';

function failed(error: string): ComparisonResult {
  return { reference: { output: [], state: {}, error: null }, modes: [], error };
}

export function compareModes(config: SimulationConfig, deps: SimulateDependencies = {}): ComparisonResult {
  const check = resolveConfig(config);
  if (!check.ok) {
    return failed(`invalid configuration: ${check.errors.join('; ')}`);
  }
  const createExecutor = deps.createExecutor ?? (() => createRuntimeExecutor(config.program, config.client));
  const facts = deps.facts ?? buildProgramFacts(config.program);
  const reference = deps.reference ?? computeReference(check.config, createExecutor, facts);
  if ('error' in reference) {
    return failed(reference.error);
  }
  const modes = GUARANTEE_MODES.map((mode): ModeComparison => {
    const { run, sim } = runScenario({ ...config, mode, recordTrace: false }, { createExecutor, facts, reference });
    const result = run.result;
    return {
      mode,
      state: result.state,
      output: result.output,
      diffs: sim?.checkers.effectDiffs ?? [],
      messagesReplayed: result.stats.messagesReplayed,
      duplicatesSuppressed: result.stats.duplicatesSuppressed,
      invariantFailures: result.violations.filter((v) => v.kind === 'invariant'),
      violations: result.violations,
      traceHash: result.traceHash,
    };
  });
  return { reference: config.reference ?? reference.simulated, modes };
}
