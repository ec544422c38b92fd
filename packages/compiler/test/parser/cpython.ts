// Runs CPython's parser on many sources in one python3 process, as the
// reference for the parser tests.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type CPythonResult =
  | { ok: true; dump: string; attributes: string | null }
  | { ok: false; line: number | null; message: string; type: string };

const SCRIPT = fileURLToPath(new URL('./cpythonAst.py', import.meta.url));

/**
 * Returns CPython 3.11's parse of each source. Throws with a plain message
 * when python3 is missing or is not 3.11, because every parser test compares
 * against it.
 */
export function parseWithCPython(sources: string[], options: { attributes?: boolean } = {}): CPythonResult[] {
  const input = JSON.stringify({ sources, attributes: options.attributes ?? false });
  const run = spawnSync('python3', [SCRIPT], { input, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (run.error !== undefined) {
    throw new Error(`python3 (CPython 3.11) is required for the parser tests but could not be started: ${run.error.message}`);
  }
  if (run.status !== 0) {
    throw new Error(`python3 failed while parsing the reference sources (exit status ${run.status}):\n${run.stderr}`);
  }
  const output = JSON.parse(run.stdout) as { version: string; results: CPythonResult[] };
  if (!output.version.startsWith('3.11.')) {
    throw new Error(`python3 must be CPython 3.11 for the parser tests, found ${output.version}`);
  }
  return output.results;
}
