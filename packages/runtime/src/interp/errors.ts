// Conversion of anything thrown inside the interpreter to a Python exception.

import { exc, PyError, raise } from '../exceptions.ts';
import { UserMethodTypeError } from '../repr.ts';
import type { PyInstance } from '../values.ts';

/** Exceptions being handled by enclosing `except` blocks (innermost last), for bare `raise`. */
export const handling: PyInstance[] = [];

/**
 * A Python exception for `e`. A JS stack overflow becomes RecursionError; any
 * other JS error is an interpreter bug, reported as SystemError so that it
 * fails the request instead of the host.
 */
export function toPyError(e: unknown): PyError {
  if (e instanceof PyError) return e;
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return raise(exc.RecursionError, 'maximum recursion depth exceeded');
  }
  if (e instanceof UserMethodTypeError) return raise(exc.TypeError, e.message);
  const message = e instanceof Error ? e.message : String(e);
  return raise(exc.SystemError, `internal error in the Entflow runtime: ${message}`);
}
