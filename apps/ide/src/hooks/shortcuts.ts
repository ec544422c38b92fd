// Every keyboard shortcut, in one table: the help sheet lists it and the
// keyboard hook follows it. `anywhere` shortcuts also work while typing.
export type Command =
  | 'stepForward' | 'stepBack' | 'togglePlay' | 'first' | 'last'
  | 'focusEditor' | 'focusGraph' | 'focusPanels' | 'focusControls'
  | 'compare' | 'help' | 'gallery' | 'close';

export interface Shortcut {
  command: Command;
  /** As shown in the help sheet. */
  keys: string;
  description: string;
  /** KeyboardEvent.code with Alt held, so it works in the editor too. */
  altCode?: string;
  /** KeyboardEvent.key values that act when focus is not in a text field. */
  plainKeys?: string[];
}

export const SHORTCUTS: readonly Shortcut[] = [
  { command: 'stepForward', keys: '. or → · Alt+.', description: 'Step forward one event', altCode: 'Period', plainKeys: ['.', 'ArrowRight'] },
  { command: 'stepBack', keys: ', or ← · Alt+,', description: 'Step back one event', altCode: 'Comma', plainKeys: [',', 'ArrowLeft'] },
  { command: 'togglePlay', keys: 'Space or k · Alt+P', description: 'Run or pause', altCode: 'KeyP', plainKeys: [' ', 'k'] },
  { command: 'first', keys: 'Home', description: 'Go to before the first event', plainKeys: ['Home'] },
  { command: 'last', keys: 'End', description: 'Go to the last event', plainKeys: ['End'] },
  { command: 'focusEditor', keys: 'Alt+1', description: 'Focus the editor', altCode: 'Digit1' },
  { command: 'focusGraph', keys: 'Alt+2', description: 'Focus the graph', altCode: 'Digit2' },
  { command: 'focusPanels', keys: 'Alt+3', description: 'Focus the run panels', altCode: 'Digit3' },
  { command: 'focusControls', keys: 'Alt+4', description: 'Focus the simulation controls', altCode: 'Digit4' },
  { command: 'compare', keys: 'Alt+V', description: 'Compare the three guarantee modes', altCode: 'KeyV' },
  { command: 'gallery', keys: 'Alt+G', description: 'Open the examples', altCode: 'KeyG' },
  { command: 'help', keys: '?', description: 'Show this help', plainKeys: ['?'] },
  { command: 'close', keys: 'Esc', description: 'Close a dialog or menu', plainKeys: ['Escape'] },
];
