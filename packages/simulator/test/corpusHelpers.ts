// Loads corpus programs (corpus/NN-name) compiled, with CPython's expected
// result as the simulator's reference.

import { compile, type ProgramIR } from '@entflow/compiler';
import { loadCorpus, type CorpusProgram } from '../../../corpus/reference/loadCorpus.ts';
import type { ReferenceOutcome, SimulationConfig, StateJson } from '../src/trace.ts';

export interface CompiledScenario {
  name: string;
  ir: ProgramIR;
  /** Source of the entities file, for direct runs. */
  entities: string;
  client: string;
  reference: ReferenceOutcome;
}

let cache: CompiledScenario[] | null = null;

export function compiledCorpus(): CompiledScenario[] {
  cache ??= loadCorpus().map((program: CorpusProgram) => {
    const result = compile(program.entities, 'entities.py');
    if (result.ir === null) {
      throw new Error(`${program.name} does not compile: ${result.diagnostics.map((d) => d.message).join('; ')}`);
    }
    return {
      name: program.name,
      ir: result.ir,
      entities: program.entities,
      client: program.client,
      reference: {
        output: program.expected.output,
        state: program.expected.state as unknown as StateJson,
        error: program.expected.error,
        failingInvariants: program.expected.violations.map((v) => v.name),
      },
    };
  });
  return cache;
}

export function scenario(name: string): CompiledScenario {
  const found = compiledCorpus().find((s) => s.name === name);
  if (found === undefined) {
    throw new Error(`no corpus program ${name}`);
  }
  return found;
}

export function configFor(s: CompiledScenario, overrides: Partial<SimulationConfig> = {}): SimulationConfig {
  return { program: s.ir, client: s.client, mode: 'exactly-once', seed: 1, workers: 3, reference: s.reference, ...overrides };
}
