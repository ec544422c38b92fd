import type { EffectDiff, ModeComparison, StateJson } from '@entflow/simulator';
import { useVerdictStore } from '../stores/verdictStore.ts';
import { runComparison } from '../sim/runComparison.ts';
import { formatValue } from '../sim/formatValue.ts';

function StateColumn({ state, diffs }: { state: StateJson; diffs: readonly EffectDiff[] }) {
  const diffByCell = new Map(diffs.map((diff) => [`${diff.entity}.${diff.attribute}`, diff]));
  return (
    <div className="verdict-state">
      {Object.entries(state).map(([className, entities]) => (
        <table key={className} className="data-table compact">
          <caption>{className}</caption>
          <tbody>
            {Object.entries(entities).map(([key, attributes]) => (
              <tr key={key}>
                <th className="mono">{key}</th>
                <td>
                  {Object.entries(attributes).map(([attribute, value]) => {
                    const diff = diffByCell.get(`${className}/${key}.${attribute}`);
                    return (
                      <span
                        key={attribute}
                        className={`cell-pair${diff ? ` is-${diff.effect}` : ''}`}
                        title={diff ? `${diff.message} (expected ${formatValue(diff.expected)})` : undefined}
                        data-testid={diff ? 'verdict.diffCell' : undefined}
                        data-effect={diff?.effect}
                      >
                        <span className="muted">{attribute}=</span>
                        <span className="mono">{formatValue(value)}</span>
                      </span>
                    );
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}

function ModeColumn({ comparison }: { comparison: ModeComparison }) {
  // Invariant failures are listed on their own: a program can break its
  // invariant in the fault-free run too, which says nothing about the mode.
  const otherViolations = comparison.violations.filter((violation) => violation.kind !== 'invariant');
  const problems = comparison.diffs.length + otherViolations.length;
  const lost = comparison.diffs.filter((diff) => diff.effect === 'lost').length;
  const repeated = comparison.diffs.filter((diff) => diff.effect === 'repeated').length;
  return (
    <section className={`verdict-mode ${problems === 0 ? 'is-ok' : 'is-bad'}`} data-testid="verdict.mode" data-mode={comparison.mode} data-ok={problems === 0}>
      <header>
        <h3>{comparison.mode}</h3>
        <span className={`badge ${problems === 0 ? 'badge-ok' : 'badge-error'}`} data-testid="verdict.headline">
          {problems === 0 ? 'matches the fault-free run' : `${comparison.diffs.length} differences, ${otherViolations.length} violations`}
        </span>
        {comparison.invariantFailures.length > 0 && (
          <span className="badge badge-warn" data-testid="verdict.invariants">
            {comparison.invariantFailures.length} invariant check{comparison.invariantFailures.length === 1 ? '' : 's'} failed
          </span>
        )}
      </header>
      <dl className="facts">
        <dt>lost effects</dt>
        <dd data-testid="verdict.lost">{lost}</dd>
        <dt>repeated effects</dt>
        <dd data-testid="verdict.repeated">{repeated}</dd>
        <dt>replayed messages</dt>
        <dd>{comparison.messagesReplayed}</dd>
        <dt>deduplicated</dt>
        <dd>{comparison.duplicatesSuppressed}</dd>
        <dt>failed invariants</dt>
        <dd>{comparison.invariantFailures.length}</dd>
      </dl>
      {comparison.diffs.length > 0 && (
        <ul className="diff-list">
          {comparison.diffs.map((diff) => (
            <li key={`${diff.entity}.${diff.attribute}`} className={`is-${diff.effect}`}>
              <span className={`chip chip-${diff.effect}`}>{diff.effect}</span> {diff.message}
            </li>
          ))}
        </ul>
      )}
      {comparison.violations.length > 0 && (
        <ul className="violation-list">
          {comparison.violations.map((violation, index) => (
            <li key={index}>
              <span className="chip chip-fault">{violation.kind}</span> {violation.message}
            </li>
          ))}
        </ul>
      )}
      <StateColumn state={comparison.state} diffs={comparison.diffs} />
    </section>
  );
}

/** Shows the three guarantee modes side by side against the fault-free reference. */
export function VerdictPanel() {
  const status = useVerdictStore((state) => state.status);
  const result = useVerdictStore((state) => state.result);
  const message = useVerdictStore((state) => state.message);
  const inputs = useVerdictStore((state) => state.inputs);

  return (
    <div className="verdict" data-testid="verdict.pane">
      <div className="panel-bar">
        <button type="button" className="btn btn-primary" data-testid="verdict.run" disabled={status === 'running'} onClick={() => void runComparison()}>
          {status === 'running' ? 'Comparing…' : 'Compare the three modes'}
        </button>
        <span className="muted">Same program, seed and fault plan in exactly-once, at-least-once and at-most-once (Alt+V).</span>
        {inputs && (
          <span className="muted" data-testid="verdict.inputs">
            seed {inputs.seed} · {inputs.faults} planned faults{inputs.chaos ? ' · chaos' : ''}
          </span>
        )}
      </div>
      {message && <p className={`notice notice-${status === 'failed' ? 'error' : 'warn'}`}>{message}</p>}
      {result && (
        <div className="verdict-grid">
          <section className="verdict-mode is-reference" data-testid="verdict.reference">
            <header>
              <h3>fault-free reference</h3>
            </header>
            {result.reference.error && <p className="notice notice-warn">client raised {result.reference.error}</p>}
            <StateColumn state={result.reference.state} diffs={[]} />
          </section>
          {result.modes.map((comparison) => (
            <ModeColumn key={comparison.mode} comparison={comparison} />
          ))}
        </div>
      )}
    </div>
  );
}
