// Runs entity programs on CPython through run_reference.py, the reference
// semantics of the contract tests. One python3 process runs the whole batch
// because Python start-up costs far more than a small scenario. Imports only
// node: modules, so tests of any package can import this file by path.

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { parseExactJson, type ExactJson } from './parseExactJson.ts';

export type { ExactJson } from './parseExactJson.ts';

export interface ReferenceScenario {
  entities: string;
  client: string;
}

export interface ReferenceViolation {
  kind: 'invariant';
  /** Name of the @invariant function. */
  name: string;
  /** "returned False" (the repr of the falsy result), or "raised ExcClass: message". */
  message: string;
}

export interface ReferenceResult {
  /** Lines printed by the client, the entities and module-level code. */
  output: string[];
  /** Class -> str(key) -> attribute -> value, in registration and assignment order. */
  state: Record<string, Record<string, Record<string, ExactJson>>>;
  /** The client's uncaught exception as "ExcClass: message", or null. */
  error: string | null;
  violations: ReferenceViolation[];
  /** Set when the harness could not judge the scenario, e.g. it timed out. */
  harnessError?: string;
}

export interface ReferenceOptions {
  /** Interpreter command; defaults to "python3". */
  python?: string;
  /** Wall-clock limit per scenario inside the Python process. */
  timeoutSecondsPerScenario?: number;
}

export const PYTHON_MISSING_MESSAGE = 'python3 (CPython 3.11) is required for the contract tests';

const RUNNER_PATH = fileURLToPath(new URL('./run_reference.py', import.meta.url));

/** Runs each scenario on CPython and returns the results in input order. */
export function runReference(
  scenarios: ReferenceScenario[],
  options: ReferenceOptions = {},
): Promise<ReferenceResult[]> {
  const args = [RUNNER_PATH, '--batch'];
  if (options.timeoutSecondsPerScenario !== undefined) {
    args.push('--timeout', String(options.timeoutSecondsPerScenario));
  }
  const input = JSON.stringify(scenarios.map(({ entities, client }) => ({ entities, client })));

  return new Promise((resolve, reject) => {
    const child = spawn(options.python ?? 'python3', args, {
      env: { ...process.env, PYTHONHASHSEED: '0' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdoutChunks: Buffer[] = [];
    const stderrChunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdoutChunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderrChunks.push(chunk));

    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT' ? new Error(PYTHON_MISSING_MESSAGE) : error);
    });
    child.on('close', (code) => {
      const stderr = Buffer.concat(stderrChunks).toString('utf8').trim();
      if (code !== 0) {
        reject(new Error(`run_reference.py exited with status ${code}: ${stderr || 'no message'}`));
        return;
      }
      try {
        resolve(parseExactJson(Buffer.concat(stdoutChunks).toString('utf8')) as unknown as ReferenceResult[]);
      } catch (error) {
        reject(new Error(`run_reference.py printed invalid JSON: ${String(error)}`));
      }
    });

    // A missing interpreter also fails the write; the 'error' event reports it.
    child.stdin.on('error', () => {});
    child.stdin.end(input, 'utf8');
  });
}
