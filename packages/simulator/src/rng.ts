// Seeded pseudo-random numbers with 32-bit integer math only (no bigint, no
// floats in the state), so Node and every browser draw the same sequence.
// Generator: xoshiro128** seeded through splitmix32.

/** FNV-1a, 32 bit, over the UTF-16 code units of `text`, continuing from `hash`. */
export function fnv1a(text: string, hash = 0x811c9dc5): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** A generator for the stream `name` of `seed`: streams of one seed are independent. */
  constructor(seed: number, name: string) {
    const state = { s: fnv1a(name, seed >>> 0 ^ 0x811c9dc5) };
    this.a = splitmix32(state);
    this.b = splitmix32(state);
    this.c = splitmix32(state);
    this.d = splitmix32(state) | 1;
  }

  /** Next unsigned 32-bit value. */
  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9);
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result >>> 0;
  }

  /** Uniform integer in [min, max] (inclusive); ranges up to 2^32 values. */
  intBetween(min: number, max: number): number {
    if (max <= min) {
      return min;
    }
    const span = max - min + 1;
    // Rejection sampling keeps the draw unbiased.
    const limit = Math.floor(0x100000000 / span) * span;
    let x = this.nextU32();
    while (x >= limit) {
      x = this.nextU32();
    }
    return min + (x % span);
  }

  /** True with probability numerator/denominator. */
  chance(ratio: readonly [number, number]): boolean {
    const [numerator, denominator] = ratio;
    if (numerator <= 0 || denominator <= 0) {
      return false;
    }
    if (numerator >= denominator) {
      return true;
    }
    return this.intBetween(0, denominator - 1) < numerator;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
