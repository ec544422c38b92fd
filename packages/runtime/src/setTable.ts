// CPython 3.11's set table (Objects/setobject.c), reproduced so that sets
// iterate in CPython's order: open addressing, up to 9 linear probes, then
// perturbed probing; resize at 3/5 full; deleted slots become dummies that
// a later insertion may reuse. Because hash(int) == int in CPython, sets of
// ints print in CPython's order. str hashes differ (CPython randomises them
// per process), so sets of str have a fixed order here but not in CPython.

import { eqIdentityFirst, pyHash } from './hashing.ts';
import type { Value } from './values.ts';

const LINEAR_PROBES = 9;
const MIN_SIZE = 8;
const DUMMY: unique symbol = Symbol('dummy');
type Slot = Value | undefined | typeof DUMMY;
type Hash = number | bigint;

/** Advance perturbed probing: returns the next start index and the shifted perturb. */
function nextProbe(i: number, perturb: Hash, mask: number): [number, Hash] {
  let p: Hash;
  let low: number;
  if (typeof perturb === 'number') {
    p = Math.floor(perturb / 32);
    low = p % 4294967296;
  } else {
    p = perturb >> 5n;
    low = Number(p & 0xffffffffn);
  }
  return [(i * 5 + 1 + low) & mask, p];
}

function initialPerturb(hash: Hash): Hash {
  if (typeof hash === 'number' && hash >= 0) return hash;
  const b = typeof hash === 'bigint' ? hash : BigInt(hash);
  return b < 0n ? b + (1n << 64n) : b;
}

function lowBits(hash: Hash, mask: number): number {
  return typeof hash === 'number' ? hash & mask : Number(hash & BigInt(mask));
}

export class PySetTable {
  slots: Slot[] = new Array(MIN_SIZE);
  hashes: Hash[] = new Array(MIN_SIZE);
  mask = MIN_SIZE - 1;
  fill = 0;
  used = 0;
  finger = 0;

  /** Keys in table order (CPython's iteration order). */
  keys(): Value[] {
    const out: Value[] = [];
    const slots = this.slots;
    for (let i = 0; i <= this.mask; i++) {
      const k = slots[i];
      if (k !== undefined && k !== DUMMY) out.push(k);
    }
    return out;
  }

  /** [key, hash] pairs in table order. */
  entries(): [Value, Hash][] {
    const out: [Value, Hash][] = [];
    for (let i = 0; i <= this.mask; i++) {
      const k = this.slots[i];
      if (k !== undefined && k !== DUMMY) out.push([k, this.hashes[i]]);
    }
    return out;
  }

  private findIndex(key: Value, hash: Hash): number {
    const mask = this.mask;
    let i = lowBits(hash, mask);
    let perturb = initialPerturb(hash);
    for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let j = i;
      do {
        const k = this.slots[j];
        if (k === undefined) return -1;
        if (k !== DUMMY && this.hashes[j] === hash && eqIdentityFirst(k, key)) return j;
        j++;
      } while (probes-- > 0);
      [i, perturb] = nextProbe(i, perturb, mask);
    }
  }

  has(key: Value): boolean {
    return this.findIndex(key, pyHash(key)) >= 0;
  }

  add(key: Value): void {
    this.addWithHash(key, pyHash(key));
  }

  addWithHash(key: Value, hash: Hash): void {
    const mask = this.mask;
    let i = lowBits(hash, mask);
    let perturb = initialPerturb(hash);
    let freeslot = -1;
    for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let j = i;
      do {
        const k = this.slots[j];
        if (k === undefined) {
          if (freeslot >= 0) {
            this.used++;
            this.slots[freeslot] = key;
            this.hashes[freeslot] = hash;
            return;
          }
          this.fill++;
          this.used++;
          this.slots[j] = key;
          this.hashes[j] = hash;
          if (this.fill * 5 >= mask * 3) this.resize(this.used > 50000 ? this.used * 2 : this.used * 4);
          return;
        }
        if (k === DUMMY) {
          if (freeslot < 0) freeslot = j;
        } else if (this.hashes[j] === hash && eqIdentityFirst(k, key)) {
          return;
        }
        j++;
      } while (probes-- > 0);
      [i, perturb] = nextProbe(i, perturb, mask);
    }
  }

  private insertClean(key: Value, hash: Hash): void {
    const mask = this.mask;
    let i = lowBits(hash, mask);
    let perturb = initialPerturb(hash);
    for (;;) {
      if (this.slots[i] === undefined) break;
      let found = -1;
      if (i + LINEAR_PROBES <= mask) {
        for (let j = 1; j <= LINEAR_PROBES; j++) {
          if (this.slots[i + j] === undefined) { found = i + j; break; }
        }
      }
      if (found >= 0) { i = found; break; }
      [i, perturb] = nextProbe(i, perturb, mask);
    }
    this.slots[i] = key;
    this.hashes[i] = hash;
  }

  resize(minUsed: number): void {
    let size = MIN_SIZE;
    while (size <= minUsed) size *= 2;
    const oldSlots = this.slots;
    const oldHashes = this.hashes;
    const oldMask = this.mask;
    this.slots = new Array(size);
    this.hashes = new Array(size);
    this.mask = size - 1;
    this.fill = this.used;
    for (let i = 0; i <= oldMask; i++) {
      const k = oldSlots[i];
      if (k !== undefined && k !== DUMMY) this.insertClean(k, oldHashes[i]);
    }
  }

  discard(key: Value): boolean {
    const j = this.findIndex(key, pyHash(key));
    if (j < 0) return false;
    this.slots[j] = DUMMY;
    this.hashes[j] = -1;
    this.used--;
    return true;
  }

  /** set.pop(): the first live slot from the finger on. The caller checks emptiness. */
  pop(): Value {
    let i = this.finger & this.mask;
    while (this.slots[i] === undefined || this.slots[i] === DUMMY) {
      i++;
      if (i > this.mask) i = 0;
    }
    const key = this.slots[i] as Value;
    this.slots[i] = DUMMY;
    this.hashes[i] = -1;
    this.used--;
    this.finger = i + 1;
    return key;
  }

  clear(): void {
    this.slots = new Array(MIN_SIZE);
    this.hashes = new Array(MIN_SIZE);
    this.mask = MIN_SIZE - 1;
    this.fill = 0;
    this.used = 0;
    this.finger = 0;
  }

  /** set_merge: add every key of `other`, copying its layout when this table is empty and the same size. */
  merge(other: PySetTable): void {
    if (other.used === 0) return;
    if ((this.fill + other.used) * 5 >= this.mask * 3) this.resize((this.used + other.used) * 2);
    if (this.fill === 0 && this.mask === other.mask && other.fill === other.used) {
      this.slots = other.slots.slice();
      this.hashes = other.hashes.slice();
      this.fill = other.fill;
      this.used = other.used;
      return;
    }
    if (this.fill === 0) {
      this.fill = other.used;
      this.used = other.used;
      for (const [k, h] of other.entries()) this.insertClean(k, h);
      return;
    }
    for (const [k, h] of other.entries()) this.addWithHash(k, h);
  }

  /** After many discards (set_difference_update): rebuild when more than a quarter of the table is dummies. */
  compactAfterDiscards(): void {
    if (this.fill - this.used <= Math.floor(this.mask / 4)) return;
    this.resize(this.used > 50000 ? this.used * 2 : this.used * 4);
  }

  copy(): PySetTable {
    const t = new PySetTable();
    t.merge(this);
    return t;
  }
}
