// Stable sorting with Python's rules: keys computed once, in order; only `<`
// is used, comparing a later item with an earlier one as CPython's timsort
// mostly does, so a TypeError names the operand types in CPython's order;
// reverse=True reverses, sorts stably, and reverses back, as CPython does.

import { callValue } from './call.ts';
import { lessThan } from './compare.ts';
import { stepOrFail } from './iteration.ts';
import { rt } from './state.ts';
import { PyFloat, type Value } from './values.ts';

function allNumbers(keys: Value[]): boolean {
  for (const k of keys) if (typeof k !== 'number') return false;
  return true;
}

function allStrings(keys: Value[]): boolean {
  for (const k of keys) if (typeof k !== 'string' || /[\uD800-\uDFFF]/.test(k)) return false;
  return true;
}

function mergeSort(idx: number[], keys: Value[]): number[] {
  const n = idx.length;
  if (n < 2) return idx;
  let src = idx.slice();
  let dst = new Array<number>(n);
  // Binary insertion sort of runs of 32, then bottom-up merges.
  const RUN = 32;
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(lo + RUN, n);
    for (let i = lo + 1; i < hi; i++) {
      const x = src[i];
      let a = lo;
      let b = i;
      while (a < b) {
        const mid = (a + b) >> 1;
        if (lessThan(keys[x], keys[src[mid]])) b = mid;
        else a = mid + 1;
      }
      for (let j = i; j > a; j--) src[j] = src[j - 1];
      src[a] = x;
    }
  }
  rt.budget.remaining -= n;
  if (rt.budget.remaining < 0) stepOrFail();
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        if (lessThan(keys[src[j]], keys[src[i]])) dst[k++] = src[j++];
        else dst[k++] = src[i++];
      }
      while (i < mid) dst[k++] = src[i++];
      while (j < hi) dst[k++] = src[j++];
    }
    [src, dst] = [dst, src];
    rt.budget.remaining -= n;
    if (rt.budget.remaining < 0) stepOrFail();
  }
  return src;
}

/** Sort `items` in place like list.sort(key=key, reverse=reverse). */
export function sortValues(items: Value[], key: Value, reverse: boolean): void {
  if (reverse) items.reverse();
  const keys = key === null ? items : items.map((x) => callValue(key, [x], null));
  let order: number[];
  const idx = Array.from(keys, (_, i) => i);
  if (allNumbers(keys)) {
    order = idx.sort((a, b) => (keys[a] as number) - (keys[b] as number));
  } else if (allStrings(keys)) {
    order = idx.sort((a, b) => ((keys[a] as string) < (keys[b] as string) ? -1 : (keys[a] as string) > (keys[b] as string) ? 1 : 0));
  } else if (keys.every((k) => k instanceof PyFloat && !Number.isNaN(k.v))) {
    order = idx.sort((a, b) => (keys[a] as PyFloat).v - (keys[b] as PyFloat).v);
  } else {
    order = mergeSort(idx, keys);
  }
  const copy = items.slice();
  for (let i = 0; i < order.length; i++) items[i] = copy[order[i]];
  if (reverse) items.reverse();
}
