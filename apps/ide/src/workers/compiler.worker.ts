// Compiles the entities file and parses the client script off the main
// thread. A few recent results are cached by source text, so undo and redo
// and switching between examples answer at once.
import { compile, parse } from '@entflow/compiler';
import { serveRequests } from './rpc.ts';
import type { CompileOutput, CompilerProtocol, SourceFiles } from './compilerProtocol.ts';

const CACHE_ENTRIES_MAX = 8;

const cache = new Map<string, CompileOutput>();
/** irKey of the IR last sent to the page ('' when none), which is the IR the page has. */
let lastSentIrKey = '';

function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${text.length.toString(36)}-${hash.toString(16)}`;
}

function compileFiles(files: SourceFiles): CompileOutput {
  const started = performance.now();
  const result = compile(files.entities, 'entities.py');
  const client = parse(files.client, 'client.py');
  return {
    ir: result.ir,
    diagnostics: { entities: result.diagnostics, client: client.diagnostics },
    isIrUnchanged: false,
    isCached: false,
    irKey: result.ir ? hashText(JSON.stringify(result.ir)) : '',
    durationMs: performance.now() - started,
  };
}

function compileCached(files: SourceFiles): CompileOutput {
  const key = `${files.entities}\u0000${files.client}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return { ...hit, isCached: true, durationMs: 0 };
  }

  const output = compileFiles(files);
  cache.set(key, output);
  if (cache.size > CACHE_ENTRIES_MAX) cache.delete(cache.keys().next().value as string);
  return output;
}

/** Drops the IR from a response when the page already has the same one. */
function withoutRepeatedIr(output: CompileOutput): CompileOutput {
  if (output.ir && output.irKey === lastSentIrKey) return { ...output, ir: null, isIrUnchanged: true };
  lastSentIrKey = output.ir ? output.irKey : '';
  return output;
}

serveRequests<CompilerProtocol>({
  compile: ({ files }) => withoutRepeatedIr(compileCached(files)),
});
