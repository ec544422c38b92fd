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

/** CPython's merge_compute_minrun: the whole list below 64 items, else between 32 and 64. */
function minRun(n: number): number {
  let r = 0;
  while (n >= 64) {
    r |= n & 1;
    n >>= 1;
  }
  return n + r;
}

/**
 * Sort runs as CPython's timsort builds them, so that the first comparison
 * that raises is the one CPython makes: count a run (strictly descending runs
 * are reversed), extend it to the minimum run length by binary insertion,
 * then merge neighbouring runs. The merges compare in a different order from
 * CPython's galloping merges but give the same stable result.
 */
function mergeSort(idx: number[], keys: Value[]): number[] {
  const n = idx.length;
  if (n < 2) return idx;
  let src = idx.slice();
  let dst = new Array<number>(n);
  const less = (x: number, y: number) => lessThan(keys[x], keys[y]);
  const minimum = minRun(n);
  const bounds: number[] = [0];
  for (let lo = 0; lo < n;) {
    let end = lo + 1;
    if (end < n) {
      const descending = less(src[end], src[lo]);
      end++;
      while (end < n && less(src[end], src[end - 1]) === descending) end++;
      if (descending) {
        for (let a = lo, b = end - 1; a < b; a++, b--) [src[a], src[b]] = [src[b], src[a]];
      }
    }
    const hi = Math.min(lo + Math.max(minimum, end - lo), n);
    for (let i = end; i < hi; i++) {
      const x = src[i];
      let a = lo;
      let b = i;
      while (a < b) {
        const mid = (a + b) >> 1;
        if (less(x, src[mid])) b = mid;
        else a = mid + 1;
      }
      for (let j = i; j > a; j--) src[j] = src[j - 1];
      src[a] = x;
    }
    bounds.push(hi);
    lo = hi;
  }
  rt.budget.remaining -= n;
  if (rt.budget.remaining < 0) stepOrFail();
  let runs = bounds;
  while (runs.length > 2) {
    const next: number[] = [0];
    for (let r = 0; r + 1 < runs.length; r += 2) {
      const lo = runs[r];
      const mid = runs[r + 1];
      const hi = r + 2 < runs.length ? runs[r + 2] : mid;
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        if (less(src[j], src[i])) dst[k++] = src[j++];
        else dst[k++] = src[i++];
      }
      while (i < mid) dst[k++] = src[i++];
      while (j < hi) dst[k++] = src[j++];
      next.push(hi);
    }
    [src, dst] = [dst, src];
    runs = next;
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
