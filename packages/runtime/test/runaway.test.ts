// Runaway user code fails only its own request, with a clear message, fast,
// and never overflows the JS stack. Time is measured as this process's CPU
// time, because wall time on a machine shared with other test runs
// measures the load more than the runtime.

import { compile } from '@entflow/compiler';
import { describe, expect, it } from 'vitest';

import { runDirect } from '../src/index.ts';

const ENTITIES = `
from typing import List
from stateflow import entity


@entity
class Node:
    def __init__(self, name: str):
        self.name: str = name
        self.peer: "Node" = None
        self.items: List[int] = []

    def __key__(self):
        return self.name

    def link(self, peer: "Node") -> None:
        self.peer = peer

    def spin(self) -> int:
        while True:
            pass

    def descend(self, n: int) -> int:
        return self.helper(n)

    def helper(self, n: int) -> int:
        return self.helper(n + 1)

    def bounce(self, n: int) -> int:
        return self.peer.bounce(n + 1)

    def grow(self) -> int:
        data = [1]
        while True:
            data = data + data
        return len(data)

    def grow_string(self) -> int:
        text = "ab"
        while True:
            text = text * 2
        return len(text)

    def ping(self) -> str:
        return "still alive"
`;

function cpuMsSince(started: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

function runClient(call: string) {
  const compiled = compile(ENTITIES, 'entities.py');
  expect(compiled.ir).not.toBeNull();
  const client = `
a = Node("a")
b = Node("b")
a.link(b)
b.link(a)
try:
    ${call}
except Exception as error:
    print(type(error).__name__ + ": " + str(error))
print(a.ping())
`;
  const started = process.cpuUsage();
  const result = runDirect(compiled.ir!, client);
  return { result, elapsedMs: cpuMsSince(started) };
}

describe('runaway requests', () => {
  it('endless loop hits the step limit', () => {
    const { result, elapsedMs } = runClient('a.spin()');
    expect(result.output[0]).toMatch(/^RuntimeError: step limit exceeded/);
    expect(result.output[1]).toBe('still alive');
    expect(result.error).toBeNull();
    expect(elapsedMs).toBeLessThan(1000);
  });

  it('plain recursion raises RecursionError', () => {
    const { result, elapsedMs } = runClient('a.descend(0)');
    expect(result.output[0]).toBe('RecursionError: maximum recursion depth exceeded');
    expect(result.output[1]).toBe('still alive');
    expect(elapsedMs).toBeLessThan(1000);
  });

  it('recursion through entities raises RecursionError', () => {
    const { result, elapsedMs } = runClient('a.bounce(0)');
    expect(result.output[0]).toBe('RecursionError: maximum recursion depth exceeded');
    expect(result.output[1]).toBe('still alive');
    expect(elapsedMs).toBeLessThan(1000);
  });

  it('list doubled in a loop raises MemoryError', () => {
    const { result, elapsedMs } = runClient('a.grow()');
    expect(result.output[0]).toMatch(/^MemoryError: container too large/);
    expect(result.output[1]).toBe('still alive');
    expect(elapsedMs).toBeLessThan(1000);
  });

  it('string doubled in a loop raises MemoryError', () => {
    const { result, elapsedMs } = runClient('a.grow_string()');
    expect(result.output[0]).toMatch(/^MemoryError: string too large/);
    expect(elapsedMs).toBeLessThan(1000);
  });

  it('endless client loop ends the script', () => {
    const compiled = compile(ENTITIES, 'entities.py');
    const started = process.cpuUsage();
    const result = runDirect(compiled.ir!, 'n = 0\nwhile True:\n    n += 1\n');
    expect(cpuMsSince(started)).toBeLessThan(1000);
    expect(result.error).toMatch(/^RuntimeError: step limit exceeded/);
  });

  it('client recursion raises RecursionError', () => {
    const compiled = compile(ENTITIES, 'entities.py');
    const result = runDirect(compiled.ir!, 'def f(n):\n    return f(n + 1)\nf(0)\n');
    expect(result.error).toBe('RecursionError: maximum recursion depth exceeded');
  });
});
