// Compiles the entities file and parses the client script off the main
// thread. A few recent results are cached by source text, so undo and redo
// and switching between examples answer at once.
import * as compilerModule from '@entflow/compiler';
import type { CompileResult, Diagnostic, Module } from '@entflow/compiler';
import { serveRequests } from './rpc.ts';
import type { CompileOutput, CompilerProtocol, SourceFiles } from './compilerProtocol.ts';

const CACHE_ENTRIES_MAX = 8;

type CompileFn = (source: string, fileName?: string) => CompileResult;
type ParseFn = (source: string, fileName?: string) => { module: Module; diagnostics: Diagnostic[] };

// The compiler package grows its API over time; the worker uses what it
// exports and says plainly what is missing instead of inventing results.
const api = compilerModule as unknown as { compile?: CompileFn; parse?: ParseFn };

const cache = new Map<string, CompileOutput>();

function compileFiles(files: SourceFiles): CompileOutput {
  const started = performance.now();
  const diagnostics: CompileOutput['diagnostics'] = { entities: [], client: [] };
  let ir: CompileOutput['ir'] = null;
  let unavailableReason: string | null = null;

  if (typeof api.compile === 'function') {
    const result = api.compile(files.entities, 'entities.py');
    ir = result.ir;
    diagnostics.entities = result.diagnostics;
  } else if (typeof api.parse === 'function') {
    diagnostics.entities = api.parse(files.entities, 'entities.py').diagnostics;
    unavailableReason = 'The compiler package exports parse() but not compile() yet, so only syntax errors are shown.';
  } else {
    unavailableReason = 'The compiler package exports neither parse() nor compile() yet.';
  }

  if (typeof api.parse === 'function') {
    diagnostics.client = api.parse(files.client, 'client.py').diagnostics;
  }

  return { ir, diagnostics, unavailableReason, durationMs: performance.now() - started };
}

function compileCached(files: SourceFiles): CompileOutput {
  const key = `${files.entities}\u0000${files.client}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return { ...hit, durationMs: 0 };
  }

  const output = compileFiles(files);
  cache.set(key, output);
  if (cache.size > CACHE_ENTRIES_MAX) cache.delete(cache.keys().next().value as string);
  return output;
}

serveRequests<CompilerProtocol>({
  compile: ({ files }) => compileCached(files),
});
