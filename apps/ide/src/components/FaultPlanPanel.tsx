import { useState } from 'react';
import type { FaultTrigger, PlannedFault } from '@entflow/simulator';
import { useFaultStore } from '../stores/faultStore.ts';
import { useEditorStore } from '../stores/editorStore.ts';
import { useConfigStore } from '../stores/configStore.ts';
import { usePlaybackStore } from '../stores/playbackStore.ts';
import { checkFaultPlan, describeFault, describeTrigger } from '../sim/faultPlan.ts';
import { findExample } from '../examples/gallery.ts';
import { jumpToStart, togglePlay } from '../sim/playbackCommands.ts';
import { useRunStore } from '../stores/runStore.ts';

function triggerKind(at: FaultTrigger): 'event' | 'time' | 'checkpoint' {
  if ('event' in at) return 'event';
  if ('time' in at) return 'time';
  return 'checkpoint';
}

function triggerValue(at: FaultTrigger): number {
  if ('event' in at) return at.event;
  if ('time' in at) return at.time;
  return at.checkpoint;
}

function withTrigger(fault: PlannedFault, kind: string, value: number): PlannedFault {
  const safe = Math.max(0, Math.floor(Number.isFinite(value) ? value : 0));
  const at: FaultTrigger = kind === 'time' ? { time: safe } : kind === 'checkpoint' ? { checkpoint: safe } : { event: safe };
  return { ...fault, at };
}

/** Same kind and same trigger: enough to tell a planned fault among the fired ones. */
function isSameFault(a: PlannedFault, b: PlannedFault): boolean {
  return a.kind === b.kind && JSON.stringify(a.at) === JSON.stringify(b.at);
}

function FaultRow({ fault, index, hasFired }: { fault: PlannedFault; index: number; hasFired: boolean | null }) {
  const replaceFault = useFaultStore((state) => state.replaceFault);
  const removeFault = useFaultStore((state) => state.removeFault);
  const kind = triggerKind(fault.at);
  return (
    <li className="fault-row" data-testid="faults.item">
      <select aria-label="Trigger" value={kind} onChange={(event) => replaceFault(index, withTrigger(fault, event.target.value, triggerValue(fault.at)))}>
        <option value="event">before step</option>
        <option value="time">at tick</option>
        <option value="checkpoint">at checkpoint</option>
      </select>
      <input
        type="number"
        aria-label="Trigger value"
        min={0}
        value={kind === 'event' ? triggerValue(fault.at) + 1 : triggerValue(fault.at)}
        onChange={(event) => replaceFault(index, withTrigger(fault, kind, Number(event.target.value) - (kind === 'event' ? 1 : 0)))}
      />
      <span className={`chip chip-fault chip-fault-${fault.kind}`}>{fault.kind}</span>
      <span className="fault-text">{describeFault(fault)}</span>
      {hasFired === false && (
        <span className="chip" title="The run ended, or the trigger was never reached, before this fault could fire" data-testid="faults.notFired">
          did not fire
        </span>
      )}
      <button type="button" className="btn btn-icon btn-danger" title="Remove this fault" data-testid="faults.remove" onClick={() => removeFault(index)}>
        ✕
      </button>
    </li>
  );
}

/** Shows the fault plan as an editable list (or JSON) that can be replayed from the start. */
export function FaultPlanPanel() {
  const plan = useFaultStore((state) => state.plan);
  const setPlan = useFaultStore((state) => state.setPlan);
  const exampleId = useEditorStore((state) => state.exampleId);
  const chaos = useConfigStore((state) => state.chaos);
  const setSettings = useConfigStore((state) => state.setSettings);
  const step = usePlaybackStore((state) => state.step);
  const firedFaults = useRunStore((state) => state.summary?.result.firedFaults.faults ?? null);
  const [json, setJson] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const seed = useConfigStore((state) => state.seed);
  // Faults that fired but are not in the plan: the ones chaos drew.
  const drawnFaults = (firedFaults ?? []).filter((fired) => !plan.faults.some((planned) => isSameFault(planned, fired)));
  const suggested = exampleId ? findExample(exampleId)?.faults : null;
  const suggestedPlan = suggested ? checkFaultPlan(suggested) : null;

  const applyJson = () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json ?? '');
    } catch (error) {
      setErrors([`invalid JSON: ${(error as Error).message}`]);
      return;
    }
    const checked = checkFaultPlan(parsed);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setPlan(checked.plan);
    setErrors([]);
    setJson(null);
  };

  return (
    <div className="fault-plan" data-testid="faults.pane">
      <div className="panel-bar">
        <button type="button" className="btn" data-testid="faults.replay" disabled={plan.faults.length === 0} onClick={() => { jumpToStart(); togglePlay(); }}>
          Replay from the start
        </button>
        <button
          type="button"
          className="btn"
          data-testid="faults.suggested"
          disabled={!suggestedPlan?.ok}
          title={suggestedPlan?.ok ? 'The fault plan that comes with this example' : 'This program has no suggested fault plan'}
          onClick={() => suggestedPlan?.ok && setPlan(suggestedPlan.plan)}
        >
          Load suggested plan
        </button>
        <button type="button" className="btn" data-testid="faults.clear" disabled={plan.faults.length === 0} onClick={() => setPlan({ faults: [] })}>
          Clear
        </button>
        <button type="button" className={`btn${json !== null ? ' is-on' : ''}`} data-testid="faults.json" onClick={() => { setJson(json === null ? JSON.stringify(plan, null, 2) : null); setErrors([]); }}>
          JSON
        </button>
        <label className="field switch" title="Draw extra faults from the seed">
          <input type="checkbox" checked={chaos} onChange={(event) => setSettings({ chaos: event.target.checked })} data-testid="faults.chaos" />
          chaos from seed
        </label>
      </div>
      {chaos && drawnFaults.length > 0 && (
        <div className="panel-bar" data-testid="faults.drawn">
          <span className="muted">
            Chaos drew {drawnFaults.length} fault{drawnFaults.length === 1 ? '' : 's'} from seed {seed}:{' '}
            {drawnFaults.slice(0, 3).map((fault) => `${describeTrigger(fault.at)} ${describeFault(fault)}`).join('; ')}
            {drawnFaults.length > 3 ? '; …' : ''}
          </span>
          <button
            type="button"
            className="btn"
            data-testid="faults.keepDrawn"
            title="Copy the faults chaos drew into the plan and switch chaos off, so the run replays without the seed's draw"
            onClick={() => {
              setPlan({ faults: [...plan.faults, ...drawnFaults] });
              setSettings({ chaos: false });
            }}
          >
            Keep them in the plan
          </button>
        </div>
      )}
      {json !== null ? (
        <div className="fault-json">
          <textarea className="mono nokey" spellCheck={false} value={json} onChange={(event) => setJson(event.target.value)} aria-label="Fault plan JSON" data-testid="faults.jsonText" />
          <div className="panel-bar">
            <button type="button" className="btn btn-primary" onClick={applyJson} data-testid="faults.jsonApply">
              Apply
            </button>
            {errors.length > 0 && (
              <ul className="errors" data-testid="faults.errors">
                {errors.map((error) => (
                  <li key={error}>{error}</li>
                ))}
              </ul>
            )}
          </div>
        </div>
      ) : plan.faults.length === 0 ? (
        <p className="pane-placeholder">
          No faults planned. Click a worker chip (w0, w1…) or an edge label in the graph to record one before step {step + 2}.
        </p>
      ) : (
        <ol className="fault-list">
          {plan.faults.map((fault, index) => (
            <FaultRow
              key={`${index}:${describeTrigger(fault.at)}:${fault.kind}`}
              fault={fault}
              index={index}
              hasFired={firedFaults ? firedFaults.some((fired) => isSameFault(fired, fault)) : null}
            />
          ))}
        </ol>
      )}
    </div>
  );
}
