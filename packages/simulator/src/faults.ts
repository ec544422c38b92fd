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
import { CHAOS_FAULTS_MAX, CHAOS_HORIZON_TICKS } from './limits.ts';

type TimedKind = 'crash' | 'partition' | 'slow';

export class FaultInjector {
  private readonly byStep: PlannedFault[] = [];
  private readonly byCheckpoint = new Map<number, PlannedFault[]>();
  readonly fired: PlannedFault[] = [];
  private readonly rng: Rng;

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
      // Drawn up front from the seed alone, so the workload cannot move them, and
      // scheduled like planned time faults, so the fired plan replays them exactly.
      for (const fault of this.drawChaosFaults(profile)) {
        sim.schedule(fault.time, { kind: 'fault', fault: fault.fault, isChaos: true });
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
    if (!sim.isFaultWindowOpen() || (isChaos && !sim.isChaosActive())) {
      return;
    }
    const recorded = fault;
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
          skip: fault.after ?? 0,
          delayTicks: fault.kind === 'delay' ? fault.ticks : 0,
        });
      }
    }
  }

  noteMessageRuleFired(_rule: MessageFaultRule, _from: Endpoint, _to: Endpoint): void {
    // Planned rules are recorded when installed.
  }

  /** Record a seeded message fault as a rule installed before the sending event, skipping the messages sent before it in that event. */
  noteChaosMessageFault(kind: 'drop' | 'duplicate' | 'delay' | 'reorder', from: Endpoint, to: Endpoint, delayTicks: number, indexInEvent: number): void {
    const at = { event: this.sim.eventFirstStep };
    const channel = { from: toPlanEndpoint(from), to: toPlanEndpoint(to), ...(indexInEvent > 0 ? { after: indexInEvent } : {}) };
    const fault: PlannedFault = kind === 'delay' ? { at, kind, ...channel, ticks: delayTicks } : { at, kind, ...channel };
    this.fired.push(fault);
  }

  // ------------------------------------------------------------ chaos

  /** Timed seeded faults of a run, in time order: crashes, partitions and slow workers. */
  private drawChaosFaults(profile: ChaosProfile): { time: number; fault: PlannedFault }[] {
    const sim = this.sim;
    const rng = this.rng;
    const horizon = Math.min(sim.limits.ticksMax, CHAOS_HORIZON_TICKS);
    const faults: { time: number; fault: PlannedFault }[] = [];
    for (const kind of ['crash', 'partition', 'slow'] as const) {
      let time = 0;
      for (let n = 0; n < CHAOS_FAULTS_MAX; n++) {
        const interval = drawInterval(rng, profile[kind]);
        if (interval === null) {
          break;
        }
        time += interval;
        if (time > horizon) {
          break;
        }
        const fault = this.drawChaosFault(kind, time, profile);
        if (fault !== null) {
          faults.push({ time, fault });
        }
      }
    }
    // Stable sort: equal times keep the order in which they were drawn.
    return faults.sort((a, b) => a.time - b.time);
  }

  private drawChaosFault(kind: TimedKind, time: number, profile: ChaosProfile): PlannedFault | null {
    const sim = this.sim;
    const rng = this.rng;
    const at = { time };
    if (kind === 'crash') {
      return { at, kind, worker: rng.intBetween(0, sim.workerCount - 1), restartAfterTicks: rng.intBetween(...profile.restartTicks) };
    }
    if (kind === 'slow') {
      return {
        at, kind, worker: rng.intBetween(0, sim.workerCount - 1),
        factor: rng.intBetween(...profile.slowFactor), durationTicks: rng.intBetween(...profile.slowTicks),
      };
    }
    const groupA: number[] = [];
    const groupB: number[] = [];
    const pivot = rng.intBetween(0, sim.workerCount - 1);
    for (let w = 0; w < sim.workerCount; w++) {
      (w === pivot || rng.chance([1, 3]) ? groupA : groupB).push(w);
    }
    const healAfterTicks = rng.intBetween(...profile.healTicks);
    return groupB.length === 0 ? null : { at, kind, groups: [groupA, groupB], healAfterTicks };
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
