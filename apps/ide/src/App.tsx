import { EditorPane } from './components/EditorPane.tsx';
import { GraphPane } from './components/GraphPane.tsx';
import { ProblemsPanel } from './components/ProblemsPanel.tsx';
import { Toolbar } from './components/Toolbar.tsx';
import { SimControls } from './components/SimControls.tsx';
import { BottomPanel } from './components/BottomPanel.tsx';
import { FaultMenu } from './components/FaultMenu.tsx';
import { GalleryDialog } from './components/GalleryDialog.tsx';
import { HelpSheet } from './components/HelpSheet.tsx';
import { NoticeBar } from './components/NoticeBar.tsx';
import { useSimulation } from './hooks/useSimulation.ts';
import { usePlayback } from './hooks/usePlayback.ts';
import { useKeyboard } from './hooks/useKeyboard.ts';
import { useLayoutStore } from './stores/layoutStore.ts';

export function App() {
  useSimulation();
  usePlayback();
  useKeyboard();
  const isGraphMaximized = useLayoutStore((state) => state.isGraphMaximized);

  return (
    <div className="app" data-testid="app">
      <Toolbar />
      <NoticeBar />
      <main className="workspace">
        <div className="column column-left">
          <EditorPane />
          <ProblemsPanel />
        </div>
        <div className={`column column-right${isGraphMaximized ? ' is-graph-maximized' : ''}`}>
          <GraphPane />
          <SimControls />
          {!isGraphMaximized && <BottomPanel />}
        </div>
      </main>
      <FaultMenu />
      <GalleryDialog />
      <HelpSheet />
    </div>
  );
}
