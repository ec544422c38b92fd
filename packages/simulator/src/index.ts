// Public API of the simulator package.
export type * from './trace.ts';
export { GUARANTEE_MODES } from './trace.ts';
export type { SimulationLimits } from './limits.ts';
export { DEFAULT_LIMITS } from './limits.ts';
export { DEFAULT_TIMING } from './config.ts';
export { simulate } from './simulate.ts';
export { validateFaultPlan, describeFaultPlan } from './faultPlan.ts';
export { describeProfile, drawProfile } from './chaos.ts';
export { compareModes } from './compare.ts';
export { isFailingRun, parseSeedRange, prepareSweep, runSeed, shrinkFaultPlan, type SweepOutcome } from './sweep.ts';
