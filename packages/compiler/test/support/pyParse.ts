// Temporary bridge: parses with CPython and returns a tree in the shape of
// ast.ts, for analysis tests written before the TypeScript parser existed.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Module } from '../../src/ast.ts';

const scriptPath = fileURLToPath(new URL('./pyAst.py', import.meta.url));

export function parseWithCPython(source: string): Module {
  const output = execFileSync('python3', [scriptPath], { input: source, encoding: 'utf8' });
  return JSON.parse(output) as Module;
}
