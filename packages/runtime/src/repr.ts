import type { Value } from './values.ts';
export function pyRepr(_v: Value): string { return ''; }
export function pyStr(_v: Value): string { return ''; }
