// The `entflow` command: compile, run and sweep entity programs.

import { checkClient, compile, dumpAst, formatDiagnostic, parse, type ProgramIR } from '@entflow/compiler';
import { runDirect, stringifyJson, type JsonValue as RuntimeJson } from '@entflow/runtime';
import { readFileSync } from 'node:fs';
import { describeProfile } from '../chaos.ts';
import { validateFaultPlan } from '../faultPlan.ts';
import { DEFAULT_LIMITS } from '../limits.ts';
import { GUARANTEE_MODES, type GuaranteeMode, type FaultPlan, type RunResult, type SimulationConfig } from '../trace.ts';
import { simulate } from '../simulate.ts';
import { integerFlag, parseArgs, stringFlag, UsageError, type ParsedArgs } from './args.ts';
import { toDot, toMermaid } from './graphText.ts';
import { HELP, RUN_FLAGS, COMPILE_FLAGS, SWEEP_FLAGS } from './help.ts';
import { runSweep } from './sweepCommand.ts';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Run the command line `argv` (without `node` and the script); returns the exit status. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      const topic = command === 'help' ? rest[0] : undefined;
      io.stdout(`${HELP[topic as keyof typeof HELP] ?? HELP.main}\n`);
      return 0;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      const help = HELP[command as keyof typeof HELP];
      if (help === undefined) {
        throw new UsageError(`unknown command "${command}" (commands: compile, run, sweep; see "entflow --help")`);
      }
      io.stdout(`${help}\n`);
      return 0;
    }
    switch (command) {
      case 'compile':
        return compileCommand(parseArgs(rest, COMPILE_FLAGS, 'compile'), io);
      case 'run':
        return runCommand(parseArgs(rest, RUN_FLAGS, 'run'), io);
      case 'sweep':
        return await runSweep(parseArgs(rest, SWEEP_FLAGS, 'sweep'), io);
      default:
        throw new UsageError(`unknown command "${command}" (commands: compile, run, sweep; see "entflow --help")`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`entflow: ${error.message}\n`);
      return 2;
    }
    // A bug of ours, not of the input: one line instead of a stack trace.
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    io.stderr(`entflow: internal error: ${text}; this is a bug in entflow, please report it with the command line\n`);
    return 1;
  }
}

// ---------------------------------------------------------------- shared

/** What an empty input file should contain instead, by the file's role. */
const EMPTY_HINTS: Record<string, string> = {
  'entities file': ', or add the @entity classes to it',
  'client script': ', or add the calls to make to it',
  'fault plan': ', or write {"faults": []} for a plan without faults',
};

/**
 * Read a text input file. Missing and unreadable files, directories, bytes
 * that are not UTF-8 text and (unless `allowEmpty`) empty files are usage
 * errors that name the file and what to give instead.
 */
export function readSource(path: string, what: string, allowEmpty = true): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    let reason = `${String(code ?? error)}; check the path and its permissions`;
    if (code === 'ENOENT') {
      reason = 'no such file; check the path';
    } else if (code === 'EISDIR') {
      reason = 'it is a directory; give a file in it';
    } else if (code === 'EACCES') {
      reason = 'permission denied; check its permissions';
    }
    throw new UsageError(`cannot read ${what} "${path}": ${reason}`);
  }
  const zero = bytes.indexOf(0);
  let text: string;
  try {
    if (zero !== -1) {
      throw new Error('NUL byte');
    }
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const where = zero !== -1 ? `a NUL byte at offset ${zero}` : 'bytes that are not UTF-8';
    throw new UsageError(`${what} "${path}" is not a text file (it contains ${where}); give a UTF-8 text file`);
  }
  if (!allowEmpty && text.trim() === '') {
    throw new UsageError(`${what} "${path}" is empty; check the path${EMPTY_HINTS[what] ?? ''}`);
  }
  return text;
}

function onePositional(args: ParsedArgs, command: string): string {
  if (args.positional.length !== 1) {
    throw new UsageError(args.positional.length === 0
      ? `"entflow ${command}" needs the entities file, e.g. "entflow ${command} entities.py"`
      : `"entflow ${command}" takes one entities file, got ${args.positional.length}: ${args.positional.join(' ')}`);
  }
  return args.positional[0];
}

/** Compile `path`; prints diagnostics and returns null on errors. */
export function compileFile(path: string, io: Io, allowEmpty = true): ProgramIR | null {
  const source = readSource(path, 'entities file', allowEmpty);
  const result = compile(source, path);
  for (const diagnostic of result.diagnostics) {
    io.stderr(`${formatDiagnostic(path, diagnostic)}\n`);
  }
  return result.ir;
}

function modeFlag(args: ParsedArgs): GuaranteeMode {
  const mode = stringFlag(args, 'mode') ?? 'exactly-once';
  if (!GUARANTEE_MODES.includes(mode as GuaranteeMode)) {
    throw new UsageError(`option --mode must be one of ${GUARANTEE_MODES.join(', ')}, got "${mode}"`);
  }
  return mode as GuaranteeMode;
}

function faultsFlag(args: ParsedArgs, workers: number): FaultPlan | undefined {
  const path = stringFlag(args, 'faults');
  if (path === undefined) {
    return undefined;
  }
  const text = readSource(path, 'fault plan', false);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`fault plan "${path}" is not valid JSON: ${(error as Error).message}; fix the syntax (format in docs/fault-plan.md)`);
  }
  const check = validateFaultPlan(json, workers);
  if (!check.ok) {
    throw new UsageError(`fault plan "${path}" is invalid (format in docs/fault-plan.md):\n  ${check.errors.join('\n  ')}`);
  }
  return check.plan;
}

/** Check the client script before any run; prints its diagnostics and returns whether it has no errors. */
function checkClientFile(path: string, source: string, io: Io): boolean {
  const result = checkClient(source, path);
  for (const diagnostic of result.diagnostics) {
    io.stderr(`${formatDiagnostic(path, diagnostic)}\n`);
  }
  return !result.diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}

/** Build the config shared by `run` and `sweep`; null when the program or the client script has errors. */
export function scenarioConfig(args: ParsedArgs, command: string, io: Io): SimulationConfig | null {
  const file = onePositional(args, command);
  const clientPath = stringFlag(args, 'client');
  if (clientPath === undefined) {
    throw new UsageError(`"entflow ${command}" needs --client CLIENT.py`);
  }
  // Empty files compile, but a run of one does nothing useful: almost always a wrong path.
  const ir = compileFile(file, io, false);
  const client = readSource(clientPath, 'client script', false);
  const isClientValid = checkClientFile(clientPath, client, io);
  if (ir === null || !isClientValid) {
    return null;
  }
  const workers = integerFlag(args, 'workers', 3, 1, DEFAULT_LIMITS.workersMax);
  return {
    program: ir,
    client,
    programFile: file,
    clientFile: clientPath,
    mode: modeFlag(args),
    seed: integerFlag(args, 'seed', 1, 0, 0xffffffff),
    workers,
    clients: integerFlag(args, 'clients', 1, 1, DEFAULT_LIMITS.clientsMax),
    faults: faultsFlag(args, workers),
    chaos: args.flags.has('chaos'),
  };
}

export function describeRunStart(config: SimulationConfig, profile: RunResult['chaosProfile']): string {
  const lines = [`seed ${config.seed}, mode ${config.mode}, ${config.workers} worker${config.workers === 1 ? '' : 's'}, ${config.clients ?? 1} client${(config.clients ?? 1) === 1 ? '' : 's'}`];
  const faults = config.faults?.faults ?? [];
  lines.push(faults.length === 0 ? 'fault plan: none' : `fault plan:\n${faults.map((f) => `  ${JSON.stringify(f)}`).join('\n')}`);
  if (profile === null) {
    // A sweep has no single profile: every seed draws its own.
    lines.push(config.chaos === true ? 'chaos: on (each seed draws its own profile)' : 'chaos: off');
    return lines.join('\n');
  }
  lines.push(`chaos profile (from the seed):\n${describeProfile(profile).split('\n').map((l) => `  ${l}`).join('\n')}`);
  return lines.join('\n');
}

// ---------------------------------------------------------------- compile

function compileCommand(args: ParsedArgs, io: Io): number {
  const file = onePositional(args, 'compile');
  const emit = stringFlag(args, 'emit') ?? 'ir';
  if (!['ir', 'ast', 'dot', 'mermaid'].includes(emit)) {
    throw new UsageError(`option --emit must be one of ir, ast, dot, mermaid, got "${emit}"`);
  }
  if (emit === 'ast') {
    const source = readSource(file, 'entities file');
    const parsed = parse(source, file);
    for (const diagnostic of parsed.diagnostics) {
      io.stderr(`${formatDiagnostic(file, diagnostic)}\n`);
    }
    io.stdout(`${dumpAst(parsed.module)}\n`);
    return parsed.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
  }
  const ir = compileFile(file, io);
  if (ir === null) {
    return 1;
  }
  let text = JSON.stringify(ir, null, 2);
  if (emit === 'dot') {
    text = toDot(ir.dataflow);
  } else if (emit === 'mermaid') {
    text = toMermaid(ir.dataflow);
  }
  io.stdout(`${text}\n`);
  return 0;
}

// ---------------------------------------------------------------- run

function runCommand(args: ParsedArgs, io: Io): number {
  const config = scenarioConfig(args, 'run', io);
  if (config === null) {
    return 1;
  }
  const isJson = args.flags.has('json');
  if (args.flags.has('direct')) {
    return directCommand(config, isJson, io);
  }
  const run = simulate({ ...config, recordTrace: false });
  const result = run.result;
  if (result.endReason === 'invalid') {
    throw new UsageError(result.endMessage ?? 'invalid configuration');
  }
  if (isJson) {
    io.stdout(`${stringifyJson(toJsonReport(result) as RuntimeJson)}\n`);
  } else {
    io.stderr(`${describeRunStart(config, result.chaosProfile)}\n`);
    for (const line of result.output) {
      io.stdout(`${line}\n`);
    }
    if (result.error !== null) {
      io.stderr(`error: ${result.error}\n`);
    }
    io.stderr(`${summarize(result)}\n`);
  }
  const isBroken = result.endReason !== 'completed' || result.violations.some((v) => !v.isInReference);
  return isBroken || result.error !== null ? 1 : 0;
}

/** `run --direct`: the runtime runs the client against the entities in one process, no simulation. */
function directCommand(config: SimulationConfig, isJson: boolean, io: Io): number {
  const result = runDirect(config.program, config.client, { clientId: 0 });
  if (isJson) {
    io.stdout(`${stringifyJson({ output: result.output, state: result.state, error: result.error, stats: result.stats, violations: result.violations } as unknown as RuntimeJson)}\n`);
  } else {
    for (const line of result.output) {
      io.stdout(`${line}\n`);
    }
    if (result.error !== null) {
      io.stderr(`error: ${result.error}\n`);
    }
    for (const violation of result.violations) {
      io.stderr(`violation: ${violation.message}\n`);
    }
  }
  return result.error === null ? 0 : 1;
}

/** Build the `--json` object: the five keys CPython's reference runner also prints. */
export function toJsonReport(result: RunResult): object {
  return {
    output: result.output,
    state: result.state,
    error: result.error,
    stats: {
      mode: result.mode,
      seed: result.seed,
      endReason: result.endReason,
      endMessage: result.endMessage,
      traceHash: result.traceHash,
      ...result.stats,
      faultsFired: result.firedFaults.faults,
      chaosProfile: result.chaosProfile,
    },
    violations: result.violations.map((v) => ({
      kind: v.kind,
      ...(v.invariant === undefined ? {} : { name: v.invariant }),
      message: v.message,
      requestId: v.requestId,
      entity: v.entity,
      attribute: v.attribute,
      isInReference: v.isInReference,
    })),
  };
}

function summarize(result: RunResult): string {
  const s = result.stats;
  const lines = [
    `-- ${result.mode}, seed ${result.seed}: ${result.endReason}${result.endMessage === null ? '' : ` (${result.endMessage})`}`,
    `   ${s.requests} requests in ${s.ticks} ticks, ${s.steps} steps; latency p50 ${s.latencyTicks.p50} p95 ${s.latencyTicks.p95} p99 ${s.latencyTicks.p99} ticks`,
    `   ${s.messagesSent} messages (${s.messagesDropped} lost, ${s.messagesDuplicated} duplicated, ${s.messagesReplayed} replayed, ${s.duplicatesSuppressed} duplicates suppressed)`,
    `   ${s.checkpointsCompleted} checkpoints (${s.checkpointsAbandoned} abandoned), ${s.crashes} crashes, ${s.recoveries} recoveries; trace ${result.traceHash}`,
  ];
  const broken = result.violations.filter((v) => !v.isInReference);
  const expected = result.violations.filter((v) => v.isInReference);
  for (const v of expected) {
    lines.push(`   also in the reference: ${v.message}`);
  }
  lines.push(broken.length === 0 ? '   no violations' : `   ${broken.length} violation${broken.length === 1 ? '' : 's'}:`);
  for (const v of broken) {
    lines.push(`   - ${v.message}`);
  }
  return lines.join('\n');
}
