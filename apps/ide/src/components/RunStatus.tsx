import { useRunStore } from '../stores/runStore.ts';

/** Shows the run in a few words: running, its end and verdict, or why there is none. */
export function RunStatus() {
  const status = useRunStore((state) => state.status);
  const message = useRunStore((state) => state.message);
  const result = useRunStore((state) => state.summary?.result);
  const durationMs = useRunStore((state) => state.summary?.durationMs);

  if (status === 'running') {
    return (
      <span className="status" data-testid="sim.status" data-status={status}>
        <span className="spinner" /> simulating…
      </span>
    );
  }
  if (status !== 'ready' || !result) {
    let tone = 'warn';
    if (status === 'failed') tone = 'error';
    if (status === 'idle') tone = 'ok';
    return (
      <span className={`status status-${tone}`} data-testid="sim.status" data-status={status} title={message ?? ''}>
        {message ?? 'waiting for the compiler'}
      </span>
    );
  }

  const violations = result.violations.length;
  const tone = violations > 0 || result.endReason !== 'completed' ? 'error' : 'ok';
  const verdict = violations > 0 ? `${violations} violation${violations === 1 ? '' : 's'}` : 'no violations';
  return (
    <span className={`status status-${tone}`} data-testid="sim.status" data-status={status} title={result.endMessage ?? ''}>
      {result.endReason} · {verdict} · {result.stats.steps} steps · {result.stats.ticks} ticks
      {durationMs !== undefined && <span className="muted"> · {durationMs.toFixed(0)} ms</span>}
    </span>
  );
}
