import type { Value } from './values.ts';
export function formatException(_v: Value): string { return ''; }
