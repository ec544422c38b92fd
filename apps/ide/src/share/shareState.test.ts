import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import { compressToEncodedURIComponent } from 'lz-string';
import { decodeShareState, encodeShareState, readHashPayload, JSON_BYTES_MAX } from './encodeShareState.ts';
import type { ShareState, ShareStateV1 } from './shareState.ts';
import { EXAMPLES } from '../examples/gallery.ts';
import { checkFaultPlan } from '../sim/faultPlan.ts';

const STATE: ShareState = {
  v: 2,
  files: { entities: 'from stateflow import entity\n# ünïcode ✓ and + signs\n', client: 'print(1 + 2)\n' },
  settings: { mode: 'at-least-once', seed: 42, workers: 3, chaos: true },
  faults: { faults: [{ at: { event: 12 }, kind: 'crash', worker: 1, restartAfterTicks: 40 }] },
  step: 17,
  exampleId: '01-shop',
};

function lzPayload(value: unknown): string {
  return `l${compressToEncodedURIComponent(JSON.stringify(value))}`;
}

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

describe('share state encoding', () => {
  it('round trips the current version', () => {
    const decoded = decodeShareState(encodeShareState(STATE));
    expect(decoded).toEqual({ ok: true, state: STATE });
  });

  it('keeps the shorter of both encodings', () => {
    const payload = encodeShareState(STATE);
    const lz = lzPayload(STATE);
    const deflated = `d${base64Url(deflateSync(strToU8(JSON.stringify(STATE)), { level: 9 }))}`;
    expect(payload.length).toBe(Math.min(lz.length, deflated.length));
  });

  it('decodes both markers', () => {
    const deflated = `d${base64Url(deflateSync(strToU8(JSON.stringify(STATE))))}`;
    expect(decodeShareState(deflated)).toEqual({ ok: true, state: STATE });
    expect(decodeShareState(lzPayload(STATE))).toEqual({ ok: true, state: STATE });
  });

  it('reads lz-string plus signs from a hash', () => {
    expect(readHashPayload('#s=lA+b$c')).toBe('lA+b$c');
    expect(readHashPayload('#other=1')).toBeNull();
    expect(readHashPayload('')).toBeNull();
  });
});

describe('share state versions', () => {
  it('migrates a version 1 link', () => {
    const old: ShareStateV1 = {
      v: 1,
      e: 'class A: pass\n',
      c: 'print(2)\n',
      mode: 'at-most-once',
      seed: 7,
      workers: 2,
      faults: [{ at: { time: 100 }, kind: 'drop', from: 0, to: 1 }],
      step: 5,
    };
    const decoded = decodeShareState(lzPayload(old));
    expect(decoded).toEqual({
      ok: true,
      state: {
        v: 2,
        files: { entities: 'class A: pass\n', client: 'print(2)\n' },
        settings: { mode: 'at-most-once', seed: 7, workers: 2, chaos: false },
        faults: { faults: [{ at: { time: 100 }, kind: 'drop', from: 0, to: 1 }] },
        step: 5,
        exampleId: null,
      },
    });
  });

  it('rejects a newer version with advice', () => {
    const decoded = decodeShareState(lzPayload({ ...STATE, v: 99 }));
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.error).toContain('newer than this IDE');
  });
});

describe('malformed share payloads', () => {
  const cases: [string, string, string][] = [
    ['empty', '', 'no data'],
    ['unknown marker', 'xabc', 'unknown encoding marker'],
    ['truncated lz', encodeShareState(STATE).startsWith('l') ? encodeShareState(STATE).slice(0, 20) : lzPayload(STATE).slice(0, 20), ''],
    ['truncated deflate', `d${base64Url(deflateSync(strToU8(JSON.stringify(STATE)))).slice(0, 30)}`, ''],
    ['bad base64', 'd!!!', 'base64url'],
    ['not json', `l${compressToEncodedURIComponent('{"v":2,')}`, 'not valid JSON'],
    ['bad mode', lzPayload({ ...STATE, settings: { ...STATE.settings, mode: 'twice' } }), 'settings.mode'],
    ['bad seed', lzPayload({ ...STATE, settings: { ...STATE.settings, seed: -3 } }), 'settings.seed'],
    ['bad fault', lzPayload({ ...STATE, faults: { faults: [{ at: { event: 1 }, kind: 'meteor' }] } }), 'faults'],
    ['bad step', lzPayload({ ...STATE, step: 'end' }), 'step'],
    ['missing files', lzPayload({ ...STATE, files: null }), 'files'],
  ];

  for (const [name, payload, fragment] of cases) {
    it(`rejects ${name}`, () => {
      const decoded = decodeShareState(payload);
      expect(decoded.ok).toBe(false);
      if (!decoded.ok) {
        expect(decoded.error.length).toBeGreaterThan(0);
        expect(decoded.error).toContain(fragment);
      }
    });
  }

  it('rejects a decompression bomb', () => {
    const huge = JSON.stringify({ ...STATE, files: { entities: ' '.repeat(JSON_BYTES_MAX * 2), client: '' } });
    const payload = `d${base64Url(deflateSync(strToU8(huge), { level: 9 }))}`;
    const decoded = decodeShareState(payload);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.error).toContain('expands to more than');
  });
});

describe('gallery permalinks', () => {
  it('stores an unchanged example by reference', () => {
    const example = EXAMPLES[0]!;
    const state: ShareState = { ...STATE, files: { ...example.files }, exampleId: example.id };
    const payload = encodeShareState(state);
    expect(payload.length).toBeLessThan(400);
    expect(decodeShareState(payload)).toEqual({ ok: true, state });
  });

  it('stores an edited example in full', () => {
    const example = EXAMPLES[0]!;
    const files = { entities: `${example.files.entities}\n# edited\n`, client: example.files.client };
    const decoded = decodeShareState(encodeShareState({ ...STATE, files, exampleId: example.id }));
    expect(decoded.ok).toBe(true);
    if (decoded.ok) expect(decoded.state.files).toEqual(files);
  });

  it('warns when the example changed since', () => {
    const example = EXAMPLES[0]!;
    const decoded = decodeShareState(lzPayload({ ...STATE, files: { fromExample: example.id, hash: '00000000' } }));
    expect(decoded.ok).toBe(true);
    if (decoded.ok) {
      expect(decoded.state.files).toEqual(example.files);
      expect(decoded.warning).toContain('has changed');
    }
  });

  it('rejects an unknown example', () => {
    const decoded = decodeShareState(lzPayload({ ...STATE, files: { fromExample: '99-missing', hash: '0' } }));
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.error).toContain('99-missing');
  });

  it('finds the corpus examples', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(6);
  });

  for (const example of EXAMPLES) {
    it(`fits ${example.id} in 2000 characters`, () => {
      const plan = example.faults ? checkFaultPlan(example.faults) : null;
      const state: ShareState = {
        v: 2,
        files: example.files,
        settings: { mode: 'exactly-once', seed: 1, workers: 2, chaos: false },
        faults: plan?.ok ? plan.plan : { faults: [] },
        step: 123,
        exampleId: example.id,
      };
      const link = `http://127.0.0.1:4173/#s=${encodeShareState(state)}`;
      expect(link.length).toBeLessThanOrEqual(2000);
    });
  }
});
