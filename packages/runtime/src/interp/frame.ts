// Runtime structures of the closure interpreter.

import type { PyFunction, Value } from '../values.ts';

/** A variable captured by an inner function: frames and closures share the Cell. */
export class Cell {
  constructor(public v: Value | undefined) {}
}

/** Slots hold Values, Cells (for cell and free variables) or undefined (unbound). */
export type Slot = Value | Cell | undefined;

export class Frame {
  ret: Value = null;
  /** Class namespace while a class body runs. */
  ns: Map<string, Value> | null = null;
  constructor(public slots: Slot[], readonly func: PyFunction | null) {}
}

/** Completion signals of compiled statements. */
export const NORMAL = 0;
export const BREAK = 1;
export const CONTINUE = 2;
export const RETURN = 3;
export type Signal = 0 | 1 | 2 | 3;

export type Ev = (f: Frame) => Value;
export type Exec = (f: Frame) => Signal;
export type Store = (f: Frame, v: Value) => void;
