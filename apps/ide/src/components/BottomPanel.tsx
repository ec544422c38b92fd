import { BOTTOM_TABS, useLayoutStore } from '../stores/layoutStore.ts';
import { useFaultStore } from '../stores/faultStore.ts';
import { useRunStore } from '../stores/runStore.ts';
import { StateTables } from './StateTables.tsx';
import { MessageLog } from './MessageLog.tsx';
import { SpaceTimeDiagram } from './SpaceTimeDiagram.tsx';
import { FaultPlanPanel } from './FaultPlanPanel.tsx';
import { VerdictPanel } from './VerdictPanel.tsx';
import { OutputPanel } from './OutputPanel.tsx';
import { StepInspector } from './StepInspector.tsx';

/** Shows the run's panels in tabs, with the step inspector beside the step-based ones. */
export function BottomPanel() {
  const tab = useLayoutStore((state) => state.bottomTab);
  const setTab = useLayoutStore((state) => state.setBottomTab);
  const faultCount = useFaultStore((state) => state.plan.faults.length);
  const violationCount = useRunStore((state) => state.summary?.result.violations.length ?? 0);
  const hasInspector = tab === 'state' || tab === 'log' || tab === 'spacetime';

  return (
    <section className="pane bottom-pane" aria-label="Run panels" data-testid="panels.pane" tabIndex={-1} id="run-panels">
      <div className="tabs" role="tablist">
        {BOTTOM_TABS.map(({ id, label }) => (
          <button key={id} type="button" role="tab" className="tab" aria-selected={tab === id} data-testid={`panels.tab.${id}`} onClick={() => setTab(id)}>
            {label}
            {id === 'faults' && faultCount > 0 && <span className="badge badge-warn">{faultCount}</span>}
            {id === 'output' && violationCount > 0 && <span className="badge badge-error">{violationCount}</span>}
          </button>
        ))}
      </div>
      <div className={`panel-body${hasInspector ? ' with-inspector' : ''}`}>
        <div className="panel-main">
          {tab === 'state' && <StateTables />}
          {tab === 'log' && <MessageLog />}
          {tab === 'spacetime' && <SpaceTimeDiagram />}
          {tab === 'faults' && <FaultPlanPanel />}
          {tab === 'verdict' && <VerdictPanel />}
          {tab === 'output' && <OutputPanel />}
        </div>
        {hasInspector && <StepInspector />}
      </div>
    </section>
  );
}
