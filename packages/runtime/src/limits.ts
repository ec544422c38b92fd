// Every bound the runtime enforces on user code, in one place. A request that
// crosses one fails with a Python exception whose message names the limit;
// the host process and the other requests are unaffected.

export interface RuntimeLimits {
  /**
   * Statements, loop iterations, comprehension items and builtin-loop items
   * one request may execute before it fails with RuntimeError. 10 million
   * runs well under a second for simple statements.
   */
  stepsPerRequest: number;
  /**
   * Python call depth (functions, methods, entity calls on one chain) before
   * RecursionError. CPython's default recursion limit is 1000.
   */
  recursionDepth: number;
  /**
   * Items in one list, tuple, dict, set or range materialisation before
   * MemoryError. 5 million keeps a runaway doubling loop well under a second.
   */
  containerItemsMax: number;
  /** UTF-16 units in one string before MemoryError. */
  stringLengthMax: number;
  /** Bits of one int before MemoryError (CPython has no such bound; 2^22 bits is about 1.26 million digits). */
  intBitsMax: number;
  /** Decimal digits for int<->str conversion, as CPython 3.11's default `sys.get_int_max_str_digits()`. */
  intMaxStrDigits: number;
  /** Nested continuations on one direct-mode call chain before RecursionError. */
  callChainDepthMax: number;
}

export const DEFAULT_LIMITS: RuntimeLimits = {
  stepsPerRequest: 10_000_000,
  recursionDepth: 1000,
  containerItemsMax: 5_000_000,
  stringLengthMax: 50_000_000,
  intBitsMax: 1 << 22,
  intMaxStrDigits: 4300,
  callChainDepthMax: 1000,
};
