// Per-execution state of the (synchronous, single-threaded) runtime. Hosts set
// it on entry to every API call, so the interpreter reads it without passing a
// context through every closure.

import { DEFAULT_LIMITS, type RuntimeLimits } from './limits.ts';
import type { PyClass } from './values.ts';

export interface RuntimeState {
  budget: { remaining: number };
  depth: number;
  limits: RuntimeLimits;
  print: (line: string) => void;
  /** Entity classes of the running program by name, for `type()` and `isinstance` on references. */
  entityClasses: Map<string, PyClass>;
}

export const rt: RuntimeState = {
  budget: { remaining: DEFAULT_LIMITS.stepsPerRequest },
  depth: 0,
  limits: DEFAULT_LIMITS,
  print: () => {},
  entityClasses: new Map(),
};
