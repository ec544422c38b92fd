import { ReactFlowProvider } from '@xyflow/react';
import { useCompileStore } from '../stores/compileStore.ts';
import { useEditorStore } from '../stores/editorStore.ts';
import { useSelectionStore } from '../stores/selectionStore.ts';
import { findMethod } from '../graph/locate.ts';
import { DataflowView } from './DataflowView.tsx';
import { BlockGraphView } from './BlockGraphView.tsx';
import { GraphStatus } from './GraphStatus.tsx';
import { useLayoutStore } from '../stores/layoutStore.ts';

export function GraphPane() {
  const ir = useCompileStore((state) => state.lastGoodIr);
  const revision = useCompileStore((state) => state.revision);
  const isStale = useCompileStore((state) => state.output !== null && state.output.ir === null);
  const graphView = useSelectionStore((state) => state.graphView);
  const showDataflow = useSelectionStore((state) => state.showDataflow);
  const source = useEditorStore((state) => state.files.entities);
  const isMaximized = useLayoutStore((state) => state.isGraphMaximized);
  const setMaximized = useLayoutStore((state) => state.setGraphMaximized);
  const opened = ir && graphView.kind === 'method' ? findMethod(ir, graphView.qualifiedName) : null;

  return (
    <section className="pane graph-pane" aria-label="Dataflow graph" data-testid="graph.pane" data-revision={revision} tabIndex={-1}>
      <div className="pane-header">
        <nav className="breadcrumb" aria-label="Graph level">
          <button type="button" className="link" data-testid="graph.crumb.dataflow" onClick={showDataflow}>
            Dataflow
          </button>
          {graphView.kind === 'method' && (
            <>
              <span aria-hidden="true">›</span>
              <span data-testid="graph.crumb.method">{graphView.qualifiedName}</span>
            </>
          )}
        </nav>
        <GraphStatus />
        <button
          type="button"
          className={`btn btn-icon${isMaximized ? ' is-on' : ''}`}
          data-testid="graph.maximize"
          title={isMaximized ? 'Show the run panels again' : 'Give the graph the whole column'}
          aria-pressed={isMaximized}
          onClick={() => setMaximized(!isMaximized)}
        >
          {isMaximized ? '▾' : '▴'}
        </button>
      </div>
      <div className={`graph-body${isStale ? ' is-stale' : ''}`}>
        {!ir && <div className="pane-placeholder" data-testid="graph.empty">No compiled program yet.</div>}
        {ir && (
          <div className="graph-layer" hidden={opened !== null}>
            <ReactFlowProvider>
              <DataflowView ir={ir} />
            </ReactFlowProvider>
          </div>
        )}
        {opened && (
          <div className="graph-layer">
            <ReactFlowProvider>
              <BlockGraphView method={opened.method} source={source} />
            </ReactFlowProvider>
          </div>
        )}
      </div>
    </section>
  );
}
