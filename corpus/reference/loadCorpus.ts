// Reads the contract corpus: every corpus/NN-name folder with its program,
// client script, description, expected CPython result and optional fault plan.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { parseExactJson } from './parseExactJson.ts';
import type { ReferenceResult } from './runReference.ts';

export interface CorpusProgram {
  /** Folder name, e.g. "01-shop". */
  name: string;
  /** Absolute folder path. */
  directory: string;
  entities: string;
  client: string;
  readme: string;
  /** The result run_reference.py produced when expected.json was last regenerated. */
  expected: ReferenceResult;
  /** Parsed faults.json, or null for programs without a fault plan. */
  faults: unknown;
}

export const CORPUS_DIRECTORY = fileURLToPath(new URL('..', import.meta.url));

const PROGRAM_FOLDER_PATTERN = /^\d\d-[a-z0-9-]+$/;

function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

/** Loads every corpus program, sorted by folder name. */
export function loadCorpus(): CorpusProgram[] {
  const names = readdirSync(CORPUS_DIRECTORY)
    .filter((name) => PROGRAM_FOLDER_PATTERN.test(name))
    .sort();

  return names.map((name) => {
    const directory = join(CORPUS_DIRECTORY, name);
    const faultsPath = join(directory, 'faults.json');
    return {
      name,
      directory,
      entities: readText(join(directory, 'entities.py')),
      client: readText(join(directory, 'client.py')),
      readme: readText(join(directory, 'README.md')),
      expected: parseExactJson(readText(join(directory, 'expected.json'))) as unknown as ReferenceResult,
      faults: existsSync(faultsPath) ? JSON.parse(readText(faultsPath)) : null,
    };
  });
}
