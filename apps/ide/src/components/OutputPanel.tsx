import { useRunStore } from '../stores/runStore.ts';

/** Released output up to the current step, and the run's end, error and checks. */
export function OutputPanel() {
  const detail = useRunStore((state) => state.detail);
  const result = useRunStore((state) => state.summary?.result);
  if (!result) return <div className="pane-placeholder">No run yet.</div>;
  const stats = result.stats;
  return (
    <div className="output-panel" data-testid="output.pane">
      <section>
        <h4>Output so far</h4>
        <pre className="printed" data-testid="output.text">{(detail?.state.output ?? []).join('\n') || ' '}</pre>
        {result.error && (
          <p className="notice notice-error" data-testid="output.error">
            The client ends with {result.error}
          </p>
        )}
        {result.endMessage && <p className="notice notice-warn">{result.endMessage}</p>}
      </section>
      <section>
        <h4>Checks at the end of the run</h4>
        {result.violations.length === 0 ? (
          <p className="ok-text" data-testid="output.noViolations">
            No violations: output, state, replies and invariants match the fault-free reference.
          </p>
        ) : (
          <ul className="violation-list" data-testid="output.violations">
            {result.violations.map((violation, index) => (
              <li key={index}>
                <span className="chip chip-fault">{violation.kind}</span> {violation.message}
              </li>
            ))}
          </ul>
        )}
        <h4>Metrics (simulated ticks)</h4>
        <dl className="facts facts-grid">
          <dt>requests</dt>
          <dd>{stats.requests}</dd>
          <dt>latency p50 / p95 / p99</dt>
          <dd>
            {stats.latencyTicks.p50} / {stats.latencyTicks.p95} / {stats.latencyTicks.p99}
          </dd>
          <dt>throughput</dt>
          <dd>{stats.throughputPerKiloTick.toFixed(2)} requests per 1000 ticks</dd>
          <dt>checkpoints</dt>
          <dd>
            {stats.checkpointsCompleted} completed, {stats.checkpointsAbandoned} abandoned
          </dd>
          <dt>crashes / recoveries</dt>
          <dd>
            {stats.crashes} / {stats.recoveries}
          </dd>
          <dt>replayed / deduplicated</dt>
          <dd>
            {stats.messagesReplayed} / {stats.duplicatesSuppressed}
          </dd>
          <dt>dropped / duplicated</dt>
          <dd>
            {stats.messagesDropped} / {stats.messagesDuplicated}
          </dd>
          <dt>trace hash</dt>
          <dd className="mono">{result.traceHash}</dd>
        </dl>
      </section>
    </div>
  );
}
