// Command-line flag parsing: `--name value`, `--name=value` and boolean
// `--name`, positional files, and errors that name the flag and the fix.

export interface FlagSpec {
  /** Flag name without dashes. */
  name: string;
  takesValue: boolean;
}

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

export class UsageError extends Error {}

/** Sample values for "needs a value" messages. */
const EXAMPLE_VALUES: Record<string, string> = {
  client: 'client.py', mode: 'at-least-once', faults: 'plan.json', workers: '3', clients: '2', seed: '7',
  seeds: '1..100', threads: '2', show: '5', emit: 'dot',
};

export function parseArgs(argv: string[], specs: readonly FlagSpec[], command: string): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('-') && !arg.startsWith('--') && arg !== '-') {
      throw new UsageError(`unknown option ${arg} for "entflow ${command}": options are spelled --name (see "entflow ${command} --help")`);
    }
    if (!arg.startsWith('--') || arg === '--') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const spec = byName.get(name);
    if (spec === undefined) {
      throw new UsageError(`unknown option --${name} for "entflow ${command}" (see "entflow ${command} --help")`);
    }
    if (!spec.takesValue) {
      if (eq !== -1) {
        throw new UsageError(`option --${name} takes no value`);
      }
      flags.set(name, true);
      continue;
    }
    let value: string | undefined;
    if (eq !== -1) {
      value = arg.slice(eq + 1);
    } else {
      value = argv[i + 1];
      i++;
    }
    if (value === undefined || value === '' || (eq === -1 && value.startsWith('--'))) {
      throw new UsageError(`option --${name} needs a value, e.g. --${name} ${EXAMPLE_VALUES[name] ?? 'VALUE'}`);
    }
    flags.set(name, value);
  }
  return { positional, flags };
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags.get(name);
  return typeof value === 'string' ? value : undefined;
}

export function integerFlag(args: ParsedArgs, name: string, fallback: number, min: number, max: number): number {
  const text = stringFlag(args, name);
  if (text === undefined) {
    return fallback;
  }
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(`option --${name} must be an integer from ${min} to ${max}, got "${text}"`);
  }
  return Number(text);
}
