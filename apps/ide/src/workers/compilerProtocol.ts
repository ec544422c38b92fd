// Messages between the page and the compiler worker.
import type { Diagnostic, ProgramIR } from '@entflow/compiler';
import type { Exchange } from './rpc.ts';

export type FileId = 'entities' | 'client';

export const FILE_IDS: readonly FileId[] = ['entities', 'client'];

export const FILE_NAMES: Record<FileId, string> = {
  entities: 'entities.py',
  client: 'client.py',
};

export interface SourceFiles {
  entities: string;
  client: string;
}

export interface CompileOutput {
  /** Null when the entities file has errors. */
  ir: ProgramIR | null;
  diagnostics: Record<FileId, Diagnostic[]>;
  /** FNV-1a hash of the IR's JSON: equal keys mean the same program to run ('' without IR). */
  irKey: string;
  /**
   * True when the program compiled to the same IR as the previous response.
   * `ir` is then null and the page keeps the IR it has, so an edit of a
   * comment does not copy the whole IR across the worker boundary.
   */
  isIrUnchanged: boolean;
  /** True when the result came from the worker's cache of recent sources. */
  isCached: boolean;
  /** Worker-side time spent compiling, in milliseconds (0 from the cache). */
  durationMs: number;
}

export type CompilerProtocol = {
  compile: Exchange<{ files: SourceFiles }, CompileOutput>;
};
