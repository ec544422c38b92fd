// The fault injector: fires planned faults at their trigger and seeded
// faults at times drawn from the seed's `faults` stream, and records every
// fault that fired as a plan that replays the run without chaos. It only
// injects; the checkers (checkers.ts) judge the outcome.

import { drawInterval } from './chaos.ts';
import type { Simulation } from './engine.ts';
import { EGRESS, INGRESS, type Endpoint } from './model.ts';
import type { MessageFaultRule } from './network.ts';
import { Rng } from './rng.ts';
import type { ChaosProfile, Endpoint as PlanEndpoint, PlannedFault } from './trace.ts';
import { CHAOS_FAULTS_MAX } from './limits.ts';

type TimedKind = 'crash' | 'partition' | 'slow';

export class FaultInjector {
  private readonly byStep: PlannedFault[] = [];
  private readonly byCheckpoint = new Map<number, PlannedFault[]>();
  readonly fired: PlannedFault[] = [];
  private readonly rng: Rng;
  private chaosFaults = 0;

  constructor(private readonly sim: Simulation, plan: PlannedFault[], readonly profile: ChaosProfile | null) {
    this.rng = new Rng(sim.seed, 'faults');
    for (const fault of plan) {
      if ('event' in fault.at) {
        this.byStep.push(fault);
      } else if ('time' in fault.at) {
        sim.schedule(fault.at.time, { kind: 'fault', fault });
      } else {
        const list = this.byCheckpoint.get(fault.at.checkpoint) ?? [];
        list.push(fault);
        this.byCheckpoint.set(fault.at.checkpoint, list);
      }
    }
    // Stable sort keeps plan order among faults of the same step.
    this.byStep.sort((a, b) => stepOf(a) - stepOf(b));
    if (profile !== null) {
      for (const kind of ['crash', 'partition', 'slow'] as const) {
        this.scheduleChaos(kind);
      }
    }
  }

  /** Fire planned faults whose step has come; called before each event. */
  beforeEvent(stepIndex: number): void {
    while (this.byStep.length > 0 && stepOf(this.byStep[0]) <= stepIndex) {
      this.fire(this.byStep.shift()!);
    }
  }

  onCheckpointSnapshot(checkpoint: number): void {
    const faults = this.byCheckpoint.get(checkpoint);
    if (faults === undefined) {
      return;
    }
    this.byCheckpoint.delete(checkpoint);
    for (const fault of faults) {
      this.fire(fault);
    }
  }

  /** Apply one fault now. */
  fire(fault: PlannedFault, isChaos = false): void {
    const sim = this.sim;
    if (!sim.isFaultWindowOpen()) {
      return;
    }
    const recorded = { ...fault, at: { event: sim.stepIndex } } as PlannedFault;
    switch (fault.kind) {
      case 'crash': {
        const worker = sim.workers[fault.worker];
        if (!worker.isUp) {
          return;
        }
        this.fired.push(recorded);
        sim.beginStep('crash', fault.worker, null, { fault: { kind: 'crash', description: `${isChaos ? 'seeded' : 'planned'} crash of worker-${fault.worker}, restart after ${fault.restartAfterTicks} ticks` } })
          .text = `worker-${fault.worker} crashed`;
        sim.stats.crashes++;
        worker.crash();
        sim.recorder.touchAllEntities();
        sim.coordinator.onCrash(fault.worker);
        sim.schedule(sim.now + fault.restartAfterTicks, { kind: 'restart', worker: fault.worker });
        return;
      }
      case 'partition': {
        this.fired.push(recorded);
        const id = sim.network.addPartition(fault.groups[0], fault.groups[1], sim.now + fault.healAfterTicks);
        sim.beginStep('fault', -3, null, { fault: { kind: 'partition', description: `partition ${JSON.stringify(fault.groups)} for ${fault.healAfterTicks} ticks` } })
          .text = `network partition between workers ${fault.groups[0].join(',')} and ${fault.groups[1].join(',')}`;
        sim.schedule(sim.now + fault.healAfterTicks, { kind: 'heal', partition: id });
        return;
      }
      case 'slow': {
        this.fired.push(recorded);
        const worker = sim.workers[fault.worker];
        worker.slowFactor = fault.factor;
        sim.beginStep('fault', fault.worker, null, { fault: { kind: 'slow', description: `worker-${fault.worker} ${fault.factor}x slower for ${fault.durationTicks} ticks` } })
          .text = `worker-${fault.worker} slowed down ${fault.factor}x`;
        sim.schedule(sim.now + fault.durationTicks, { kind: 'slowEnd', worker: fault.worker, incarnation: worker.incarnation });
        return;
      }
      default: {
        // Message faults wait silently for their messages; the step that sends one shows the mark.
        this.fired.push(recorded);
        sim.network.addRule({
          kind: fault.kind,
          from: toEndpoint(fault.from),
          to: toEndpoint(fault.to),
          remaining: fault.count ?? 1,
          delayTicks: fault.kind === 'delay' ? fault.ticks : 0,
        });
      }
    }
  }

  noteMessageRuleFired(_rule: MessageFaultRule, _from: Endpoint, _to: Endpoint): void {
    // Planned rules are recorded when installed.
  }

  noteChaosMessageFault(kind: 'drop' | 'duplicate' | 'delay' | 'reorder', from: Endpoint, to: Endpoint, delayTicks: number): void {
    const at = { event: this.sim.stepIndex };
    const fault: PlannedFault = kind === 'delay'
      ? { at, kind, from: toPlanEndpoint(from), to: toPlanEndpoint(to), ticks: delayTicks }
      : { at, kind, from: toPlanEndpoint(from), to: toPlanEndpoint(to) };
    this.fired.push(fault);
  }

  // ------------------------------------------------------------ chaos

  private scheduleChaos(kind: TimedKind): void {
    const profile = this.profile!;
    const interval = drawInterval(this.rng, profile[kind]);
    if (interval !== null) {
      this.sim.schedule(this.sim.now + interval, { kind: 'chaos', fault: kind });
    }
  }

  onChaos(kind: TimedKind): void {
    const sim = this.sim;
    if (!sim.isChaosActive() || this.chaosFaults >= CHAOS_FAULTS_MAX) {
      return;
    }
    const profile = this.profile!;
    const rng = this.rng;
    const at = { event: sim.stepIndex };
    let fault: PlannedFault | null = null;
    if (kind === 'crash') {
      const worker = rng.intBetween(0, sim.workerCount - 1);
      fault = { at, kind, worker, restartAfterTicks: rng.intBetween(...profile.restartTicks) };
    } else if (kind === 'partition' && sim.workerCount > 1) {
      const groupA: number[] = [];
      const groupB: number[] = [];
      const pivot = rng.intBetween(0, sim.workerCount - 1);
      for (let w = 0; w < sim.workerCount; w++) {
        (w === pivot || rng.chance([1, 3]) ? groupA : groupB).push(w);
      }
      if (groupB.length > 0) {
        fault = { at, kind, groups: [groupA, groupB], healAfterTicks: rng.intBetween(...profile.healTicks) };
      }
    } else if (kind === 'slow') {
      fault = {
        at, kind, worker: rng.intBetween(0, sim.workerCount - 1),
        factor: rng.intBetween(...profile.slowFactor), durationTicks: rng.intBetween(...profile.slowTicks),
      };
    }
    if (fault !== null) {
      this.chaosFaults++;
      this.fire(fault, true);
    }
    this.scheduleChaos(kind);
  }
}

function stepOf(fault: PlannedFault): number {
  return 'event' in fault.at ? fault.at.event : 0;
}

function toEndpoint(endpoint: PlanEndpoint | undefined): Endpoint | null {
  if (endpoint === undefined) {
    return null;
  }
  if (endpoint === 'ingress') {
    return INGRESS;
  }
  return endpoint === 'egress' ? EGRESS : endpoint;
}

function toPlanEndpoint(endpoint: Endpoint): PlanEndpoint {
  if (endpoint === INGRESS) {
    return 'ingress';
  }
  return endpoint === EGRESS ? 'egress' : endpoint;
}
