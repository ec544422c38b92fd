import { describe, expect, it } from 'vitest';
import { compile } from '@entflow/compiler';
import { simulate } from '@entflow/simulator';
import type { SimulationRun } from '@entflow/simulator';
import { buildTraceIndex, orderLanes } from './buildTraceIndex.ts';
import { diffStates } from './diffStates.ts';
import { findLinkMessage, toEndpoint } from './findLinkMessage.ts';
import { overlayOf } from './overlay.ts';
import { STEP_FLAGS } from '../workers/simulatorProtocol.ts';
import { findExample } from '../examples/gallery.ts';
import { lowerBound } from './drawSpaceTime.ts';

function runShop(): SimulationRun {
  const example = findExample('01-shop')!;
  const ir = compile(example.files.entities).ir!;
  return simulate({ program: ir, client: example.files.client, mode: 'exactly-once', seed: 1, workers: 2 });
}

const run = runShop();

describe('trace index', () => {
  it('orders lanes by component kind', () => {
    expect(orderLanes(['worker-10', 'egress', 'client-0', 'worker-2', 'coordinator', 'ingress'])).toEqual([
      'client-0', 'ingress', 'worker-2', 'worker-10', 'egress', 'coordinator',
    ]);
  });

  it('has one entry per step', () => {
    const index = buildTraceIndex(run.trace, 2);
    expect(index.time.length).toBe(run.trace.length);
    for (let step = 0; step < run.trace.length; step++) {
      const event = run.trace[step]!;
      expect(index.time[step]).toBe(event.time);
      expect(index.lanes[index.lane[step]!]).toBe(event.component);
      if (event.consumed) expect(index.sentAt[step]).toBe(event.consumed.sentAt);
    }
  });

  it('marks checkpoints', () => {
    const index = buildTraceIndex(run.trace, 2);
    const marked = run.trace.filter((_, step) => (index.flags[step]! & STEP_FLAGS.checkpoint) !== 0);
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.every((event) => /checkpoint|barrier|snapshot/.test(event.kind))).toBe(true);
  });

  it('keeps times sorted for binary search', () => {
    const index = buildTraceIndex(run.trace, 2);
    for (let step = 1; step < index.time.length; step++) expect(index.time[step]!).toBeGreaterThanOrEqual(index.time[step - 1]!);
    const middle = index.time[Math.floor(index.time.length / 2)]!;
    const first = lowerBound(index.time, middle);
    expect(index.time[first]).toBe(middle);
    expect(first === 0 || index.time[first - 1]! < middle).toBe(true);
  });
});

describe('state diffs', () => {
  it('reports changed attributes and new entities', () => {
    let sawChange = false;
    for (let step = 0; step < run.trace.length; step++) {
      const changed = diffStates(run.stateAt(step - 1), run.stateAt(step));
      const event = run.trace[step]!;
      for (const key of changed) {
        sawChange = true;
        expect(key.startsWith(event.entity ?? '\u0000') || event.kind === 'install' || event.kind === 'recovery').toBe(true);
      }
    }
    expect(sawChange).toBe(true);
  });

  it('finds nothing between equal states', () => {
    const state = run.stateAt(40);
    expect(diffStates(state, state)).toEqual([]);
  });
});

describe('link messages', () => {
  it('maps components to fault endpoints', () => {
    expect(toEndpoint('worker-3')).toBe(3);
    expect(toEndpoint('ingress')).toBe('ingress');
    expect(toEndpoint('coordinator')).toBeNull();
  });

  it('finds the next call on an edge', () => {
    const link = findLinkMessage(run.trace, -1, 'op:User', 'op:Item', 'call');
    expect(link).not.toBeNull();
    const event = run.trace[link!.step]!;
    expect(event.entity?.startsWith('User/')).toBe(true);
    expect(event.sent.some((message) => message.kind === 'invoke' && message.entity?.startsWith('Item/'))).toBe(true);
  });

  it('finds nothing after the last step', () => {
    expect(findLinkMessage(run.trace, run.trace.length, 'op:User', 'op:Item', 'call')).toBeNull();
  });
});

describe('graph overlay', () => {
  it('points at the operator of an invocation', () => {
    const step = run.trace.findIndex((event) => event.kind === 'invoke' && event.entity?.startsWith('Item/'));
    const event = run.trace[step]!;
    const overlay = overlayOf({ step, event, state: run.stateAt(step), changed: [], consumedFrom: 'ingress' });
    expect(overlay.activeNodeId).toBe('op:Item');
    expect(overlay.activeEdgeId).toBe('ingress->op:Item:request');
  });

  it('is empty before the first step', () => {
    expect(overlayOf(null)).toEqual({ activeEdgeId: null, activeEdgeLabel: null, activeNodeId: null });
  });
});
