export * from './host.ts';
export type { RuntimeLimits } from './limits.ts';
export { DEFAULT_LIMITS } from './limits.ts';
