// print() writes text; hosts receive complete lines. A partial line (print
// with end='') waits here until a newline arrives or the host flushes it, as
// the CPython harness keeps a final line that lacks its newline.

import { rt } from './state.ts';

const pending = new Map<(line: string) => void, string>();

export function writeOutput(text: string): void {
  const sink = rt.print;
  let buffer = (pending.get(sink) ?? '') + text;
  let nl = buffer.indexOf('\n');
  while (nl >= 0) {
    sink(buffer.slice(0, nl));
    buffer = buffer.slice(nl + 1);
    nl = buffer.indexOf('\n');
  }
  if (buffer === '') pending.delete(sink);
  else pending.set(sink, buffer);
}

/** Emit a pending partial line of `sink`, if any. */
export function flushOutput(sink: (line: string) => void): void {
  const rest = pending.get(sink);
  if (rest !== undefined) {
    pending.delete(sink);
    sink(rest);
  }
}
