import { EditorPane } from './components/EditorPane.tsx';
import { GraphPane } from './components/GraphPane.tsx';
import { ProblemsPanel } from './components/ProblemsPanel.tsx';
import { Toolbar } from './components/Toolbar.tsx';
import { useCompiler } from './hooks/useCompiler.ts';

export function App() {
  useCompiler();

  return (
    <div className="app" data-testid="app">
      <Toolbar />
      <main className="workspace">
        <div className="column column-left">
          <EditorPane />
          <ProblemsPanel />
        </div>
        <div className="column column-right">
          <GraphPane />
        </div>
      </main>
    </div>
  );
}
