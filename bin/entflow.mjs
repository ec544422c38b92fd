#!/usr/bin/env node
// Entry point of the `entflow` command. The packages ship TypeScript sources,
// so the command loads them through tsx's module hooks.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../packages/simulator/src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
