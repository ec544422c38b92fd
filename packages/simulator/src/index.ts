// Public API of the simulator package.
export type * from './trace.ts';
export { GUARANTEE_MODES } from './trace.ts';
export type { SimulationLimits } from './limits.ts';
export { DEFAULT_LIMITS } from './limits.ts';
