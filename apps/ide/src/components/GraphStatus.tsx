import { useCompileStore } from '../stores/compileStore.ts';

/** Shows the compiler state in a few words: compile time or error count. */
export function GraphStatus() {
  const output = useCompileStore((state) => state.output);
  const workerError = useCompileStore((state) => state.workerError);

  let text = '';
  let tone = 'ok';
  if (workerError) {
    text = `Compiler failed: ${workerError}`;
    tone = 'error';
  } else if (output) {
    const errors = output.diagnostics.entities.filter((d) => d.severity === 'error').length;
    text = errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}: showing the last program that compiled` : output.isCached ? 'compiled (from cache)' : `compiled in ${output.durationMs.toFixed(1)} ms`;
    tone = errors > 0 ? 'error' : 'ok';
  }

  return (
    <span className={`status status-${tone}`} data-testid="graph.status" aria-live="polite">
      {text}
    </span>
  );
}
