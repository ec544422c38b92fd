export * from './host.ts';
export type { RuntimeLimits } from './limits.ts';
export { DEFAULT_LIMITS } from './limits.ts';
// Values the simulator builds and hands to user code: entity references,
// host-raised exceptions, and truthiness of invariant results.
export { EntityRef, EntityInstance } from './values.ts';
export { exc, makeException } from './exceptions.ts';
export { truthy } from './compare.ts';
export { runDirect, runDirectProgram, type RunResult, type DirectOptions, type Violation } from './direct.ts';
export { JsonFloat, toJsonValue, toJsonText, stringifyJson, type JsonOptions, type JsonValue } from './json.ts';
export { flushOutput } from './output.ts';
export { runSnippet, type SnippetResult } from './snippet.ts';
export { PyDict, PyFloat, PyList, PySet, PyTuple } from './values.ts';
