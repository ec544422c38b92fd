// Global keyboard shortcuts (see shortcuts.ts).
import { useEffect } from 'react';
import { SHORTCUTS } from './shortcuts.ts';
import type { Command } from './shortcuts.ts';
import { jumpToEnd, jumpToStart, stepBack, stepForward, togglePlay } from '../sim/playbackCommands.ts';
import { getBoundEditor } from '../editor/editorHandle.ts';
import { useLayoutStore } from '../stores/layoutStore.ts';
import { runComparison } from '../sim/runComparison.ts';
import { useMenuStore } from '../stores/menuStore.ts';

/** True when keys typed at `target` are text input (or the editor's). */
function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('.monaco-editor')) return true;
  if (target.isContentEditable) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function focusElement(selector: string): void {
  const element = document.querySelector<HTMLElement>(selector);
  element?.focus();
}

function run(command: Command): void {
  const layout = useLayoutStore.getState();
  switch (command) {
    case 'stepForward':
      return stepForward();
    case 'stepBack':
      return stepBack();
    case 'togglePlay':
      return togglePlay();
    case 'first':
      return jumpToStart();
    case 'last':
      return jumpToEnd();
    case 'focusEditor':
      getBoundEditor()?.editor.focus();
      return;
    case 'focusGraph':
      return focusElement('[data-testid="graph.pane"]');
    case 'focusPanels':
      return focusElement('#run-panels');
    case 'focusControls':
      return focusElement('[data-testid="sim.play"]');
    case 'compare':
      layout.setBottomTab('verdict');
      void runComparison();
      return;
    case 'gallery':
      return layout.setGalleryOpen(true);
    case 'help':
      return layout.setHelpOpen(!layout.isHelpOpen);
    case 'close':
      layout.setHelpOpen(false);
      layout.setGalleryOpen(false);
      useMenuStore.getState().closeFaultMenu();
      return;
  }
}

export function useKeyboard(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey) return;
      if (event.altKey) {
        const shortcut = SHORTCUTS.find((s) => s.altCode === event.code);
        if (!shortcut) return;
        event.preventDefault();
        run(shortcut.command);
        return;
      }
      if (isTextTarget(event.target)) return;
      const shortcut = SHORTCUTS.find((s) => s.plainKeys?.includes(event.key));
      if (!shortcut) return;
      // A focused button already handles Space and Enter itself.
      if (event.key === ' ' && event.target instanceof HTMLButtonElement) return;
      event.preventDefault();
      run(shortcut.command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
