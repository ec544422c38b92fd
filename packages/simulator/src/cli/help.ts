// Help texts and flag tables of the `entflow` commands.

import type { FlagSpec } from './args.ts';

export const COMPILE_FLAGS: readonly FlagSpec[] = [{ name: 'emit', takesValue: true }];

const SCENARIO_FLAGS: readonly FlagSpec[] = [
  { name: 'client', takesValue: true },
  { name: 'mode', takesValue: true },
  { name: 'faults', takesValue: true },
  { name: 'chaos', takesValue: false },
  { name: 'workers', takesValue: true },
  { name: 'clients', takesValue: true },
  { name: 'json', takesValue: false },
];

export const RUN_FLAGS: readonly FlagSpec[] = [...SCENARIO_FLAGS, { name: 'seed', takesValue: true }, { name: 'direct', takesValue: false }];

export const SWEEP_FLAGS: readonly FlagSpec[] = [
  ...SCENARIO_FLAGS,
  { name: 'seeds', takesValue: true },
  { name: 'threads', takesValue: true },
  { name: 'show', takesValue: true },
];

const MAIN = `entflow: compile and simulate stateful entity programs

Usage:
  entflow compile FILE.py [--emit ir|ast|dot|mermaid]
  entflow run FILE.py --client CLIENT.py [options]
  entflow sweep FILE.py --client CLIENT.py --seeds A..B [options]
  entflow help COMMAND

Exit status: 0 on success, 1 when the program has errors or a run breaks
a guarantee (or the client raises), 2 for bad options or unreadable files.`;

const SCENARIO_OPTIONS = `  --client CLIENT.py    client script (required)
  --mode MODE           exactly-once (default), at-least-once or at-most-once
  --faults PLAN.json    fault plan (see docs/fault-plan.md)
  --chaos               draw faults and their rates from the seed
  --workers N           simulated workers, 1..64 (default 3)
  --clients N           copies of the client script run at once, 1..64 (default 1);
                        each sees client_id = 0..N-1`;

const COMPILE = `Usage: entflow compile FILE.py [--emit ir|ast|dot|mermaid]

Compiles an entity program and prints the IR as JSON (default), CPython's
ast.dump of the parse tree, or the dataflow graph as Graphviz dot or Mermaid.
Diagnostics go to stderr as FILE:LINE:COL: error CODE: message; the exit
status is 1 when there are errors.`;

const RUN = `Usage: entflow run FILE.py --client CLIENT.py [options]

Runs the client script against the program on simulated workers. Prints the
seed and the fault profile (stderr), the program's output (stdout) and a
summary with metrics and violations (stderr).

Options:
${SCENARIO_OPTIONS}
  --seed N              seed of every random choice, 0..4294967295 (default 1)
  --json                print one JSON object {"output", "state", "error",
                        "stats", "violations"} on stdout instead
  --direct              run the client directly against the entities in one
                        process (no simulation, no faults; --mode, --seed,
                        --faults, --chaos, --workers and --clients are ignored)`;

const SWEEP = `Usage: entflow sweep FILE.py --client CLIENT.py --seeds A..B [options]

Runs the scenario once per seed from A to B (inclusive), checks each run
against the fault-free reference, reports the first failing seeds, and
shrinks the faults of the first failure to a minimal plan to replay with
"entflow run ... --seed S --faults PLAN.json".

Options:
${SCENARIO_OPTIONS}
  --seeds A..B          seed range (required)
  --threads N           worker threads, 1..16 (default 2 for more than 50 seeds)
  --show N              failing seeds to list, 1..1000 (default 5)
  --json                print the report as JSON`;

export const HELP = { main: MAIN, compile: COMPILE, run: RUN, sweep: SWEEP };
