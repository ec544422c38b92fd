// FIFO channels with latency between every pair of components, and the
// message faults. In exactly-once mode the transport masks loss,
// duplication and reordering (sequence numbers, retransmission after
// `retransmitTicks`, receiver-side dedup), so those faults only cost time
// there; in the weak modes they reach the application.

import { copyMessage } from './copying.ts';
import type { Simulation } from './engine.ts';
import { componentId, isDataMessage, type Endpoint, type Message, type Payload } from './model.ts';
import { fnv1a } from './rng.ts';
import type { FaultKind, Ratio } from './trace.ts';

type MessageFaultKind = 'drop' | 'duplicate' | 'delay' | 'reorder';

/** A planned message fault waiting for matching messages. */
export interface MessageFaultRule {
  kind: MessageFaultKind;
  from: Endpoint | null;
  to: Endpoint | null;
  remaining: number;
  /** Matching messages still to let through before the fault applies. */
  skip: number;
  delayTicks: number;
}

interface Channel {
  lastDeliverAt: number;
  sentCount: number;
  /** Data messages sent: a planned rule's `after` counts only those, because control messages are never faulted. */
  dataCount: number;
  /** `sim.eventsProcessed` of the event that last sent data on this channel, and `dataCount` before it. */
  eventMark: number;
  eventBase: number;
}

interface Partition {
  id: number;
  groupA: Set<number>;
  groupB: Set<number>;
  healAt: number;
}

/** Per-message chaos rates, already resolved from the profile. */
export interface MessageChaos {
  drop: Ratio;
  duplicate: Ratio;
  delay: Ratio;
  reorder: Ratio;
  delayTicks: [number, number];
}

export class Network {
  private readonly channels = new Map<string, Channel>();
  private rules: MessageFaultRule[] = [];
  private partitions: Partition[] = [];
  private nextPartitionId = 1;
  /** Messages sent and not yet consumed, by id (includes those waiting in worker inboxes). */
  readonly inFlight = new Map<number, Message>();
  private nextMessageId = 1;
  chaos: MessageChaos | null = null;

  constructor(private readonly sim: Simulation) {}

  addRule(rule: MessageFaultRule): void {
    this.rules.push(rule);
  }

  addPartition(groupA: number[], groupB: number[], healAt: number): number {
    const id = this.nextPartitionId++;
    this.partitions.push({ id, groupA: new Set(groupA), groupB: new Set(groupB), healAt });
    return id;
  }

  healPartition(id: number): void {
    this.partitions = this.partitions.filter((p) => p.id !== id);
  }

  /** Forget every message in flight: a global rollback discards the network's contents. */
  clearInFlight(): void {
    for (const message of this.inFlight.values()) {
      this.sim.recorder.noteMessageGone(message.id);
    }
    this.inFlight.clear();
  }

  consumed(message: Message): void {
    if (this.inFlight.delete(message.id)) {
      this.sim.recorder.noteMessageGone(message.id);
    }
  }

  send(from: Endpoint, to: Endpoint, payload: Payload): void {
    const sim = this.sim;
    const channel = this.channelOf(from, to);
    const isData = isDataMessage(payload);
    if (isData && channel.eventMark !== sim.eventsProcessed) {
      channel.eventMark = sim.eventsProcessed;
      channel.eventBase = channel.dataCount;
    }
    const index = channel.sentCount++;
    const indexInEvent = isData ? channel.dataCount++ - channel.eventBase : 0;
    const message: Message = {
      id: this.nextMessageId++,
      from,
      to,
      generation: sim.generation,
      sentAt: sim.now,
      deliverAt: sim.now + this.latency(from, to),
      payload,
    };
    sim.stats.messagesSent++;

    if (isData && this.applyPartition(message)) {
      return;
    }
    const kinds = isData ? this.faultsFor(from, to, index, indexInEvent) : [];
    if (kinds.includes('drop') && this.applyDrop(message)) {
      return;
    }
    if (kinds.includes('delay')) {
      this.markDelay(message, this.pendingDelayTicks);
    }

    const isReordered = kinds.includes('reorder') && sim.mode !== 'exactly-once';
    if (kinds.includes('reorder')) {
      this.markReorder(message, isReordered);
    }
    if (!isReordered) {
      message.deliverAt = Math.max(message.deliverAt, channel.lastDeliverAt);
      channel.lastDeliverAt = message.deliverAt;
    }
    this.schedule(message);

    if (kinds.includes('duplicate')) {
      this.sendDuplicate(message);
    }
  }

  private pendingDelayTicks = 0;

  private channelOf(from: Endpoint, to: Endpoint): Channel {
    const key = `${from}>${to}`;
    let channel = this.channels.get(key);
    if (channel === undefined) {
      channel = { lastDeliverAt: 0, sentCount: 0, dataCount: 0, eventMark: -1, eventBase: 0 };
      this.channels.set(key, channel);
    }
    return channel;
  }

  private latency(from: Endpoint, to: Endpoint): number {
    // A worker's messages to itself stay in the process.
    if (from === to) {
      return 0;
    }
    const timing = this.sim.timing;
    return this.sim.rngNetwork.intBetween(timing.latencyTicksMin, timing.latencyTicksMax);
  }

  private schedule(message: Message): void {
    this.inFlight.set(message.id, message);
    this.sim.noteSent(message);
    this.sim.schedule(message.deliverAt, { kind: 'deliver', message });
  }

  /** Returns true when the message is lost. */
  private applyPartition(message: Message): boolean {
    const partition = this.partitions.find((p) =>
      (p.groupA.has(message.from) && p.groupB.has(message.to)) ||
      (p.groupB.has(message.from) && p.groupA.has(message.to)));
    if (partition === undefined) {
      return false;
    }
    if (this.sim.mode !== 'exactly-once') {
      this.noteLost(message, 'partition', `lost in a network partition (${componentId(message.from)} -> ${componentId(message.to)})`);
      return true;
    }
    // Retransmission gets through once the partition heals.
    message.deliverAt = Math.max(message.deliverAt, partition.healAt + this.sim.timing.retransmitTicks);
    this.mark(message, 'partition', `held by a network partition until tick ${partition.healAt}, then retransmitted`);
    return false;
  }

  private applyDrop(message: Message): boolean {
    if (this.sim.mode !== 'exactly-once') {
      this.noteLost(message, 'drop', `message ${message.id} lost`);
      return true;
    }
    message.deliverAt += this.sim.timing.retransmitTicks;
    this.sim.stats.messagesRetransmitted++;
    this.mark(message, 'retransmit', `message ${message.id} lost and retransmitted after ${this.sim.timing.retransmitTicks} ticks`);
    return false;
  }

  private markDelay(message: Message, ticks: number): void {
    message.deliverAt += ticks;
    this.mark(message, 'delay', `message ${message.id} delayed by ${ticks} ticks`);
  }

  private markReorder(message: Message, isReordered: boolean): void {
    if (isReordered) {
      // Not bound by the channel's FIFO order: the next message may overtake it.
      message.deliverAt += this.sim.timing.latencyTicksMax + 1;
      this.mark(message, 'reorder', `message ${message.id} held back so a later message may overtake it`);
      return;
    }
    message.deliverAt += 1;
    this.mark(message, 'reorder', `message ${message.id} reordered; the receiver restored the order by sequence number`);
  }

  private sendDuplicate(original: Message): void {
    const sim = this.sim;
    const copy = copyMessage(sim.executor, original, new Map());
    copy.id = this.nextMessageId++;
    copy.isDuplicate = true;
    copy.deliverAt = original.deliverAt + sim.rngNetwork.intBetween(0, sim.timing.latencyTicksMax);
    sim.stats.messagesDuplicated++;
    this.mark(original, 'duplicate', `message ${original.id} duplicated as ${copy.id}`);
    this.schedule(copy);
  }

  private noteLost(message: Message, kind: 'drop' | 'partition', description: string): void {
    this.sim.stats.messagesDropped++;
    this.sim.markStepFault(kind, description);
  }

  private mark(message: Message, kind: NonNullable<Message['marks']>[number]['kind'], description: string): void {
    (message.marks ??= []).push({ kind, description });
    this.sim.markStepFault(kind, description);
  }

  /** Message faults that hit the `index`-th message of channel from->to: planned rules, then chaos. */
  private faultsFor(from: Endpoint, to: Endpoint, index: number, indexInEvent: number): MessageFaultKind[] {
    const kinds: MessageFaultKind[] = [];
    if (this.rules.length > 0) {
      for (const rule of this.rules) {
        if (rule.remaining <= 0 || kinds.includes(rule.kind)) {
          continue;
        }
        if ((rule.from === null || rule.from === from) && (rule.to === null || rule.to === to)) {
          if (rule.skip > 0) {
            rule.skip--;
            continue;
          }
          rule.remaining--;
          kinds.push(rule.kind);
          if (rule.kind === 'delay') {
            this.pendingDelayTicks = rule.delayTicks;
          }
          this.sim.faults.noteMessageRuleFired(rule, from, to);
        }
      }
      this.rules = this.rules.filter((rule) => rule.remaining > 0);
    }
    const chaos = this.chaos;
    if (chaos !== null && this.sim.isChaosActive()) {
      for (const kind of ['drop', 'duplicate', 'delay', 'reorder'] as const) {
        if (!kinds.includes(kind) && this.chaosHits(kind, chaos[kind], from, to, index)) {
          kinds.push(kind);
          if (kind === 'delay') {
            this.pendingDelayTicks = this.chaosDelayTicks(chaos, from, to, index);
          }
          this.sim.faults.noteChaosMessageFault(kind, from, to, this.pendingDelayTicks, indexInEvent);
        }
      }
    }
    return kinds;
  }

  /**
   * Counter-based draw: the decision for the n-th message of a channel
   * depends only on the seed, the channel and n, so traffic on other
   * channels does not move these faults.
   */
  private chaosHits(kind: FaultKind, ratio: Ratio, from: Endpoint, to: Endpoint, index: number): boolean {
    const [numerator, denominator] = ratio;
    if (numerator <= 0 || denominator <= 0) {
      return false;
    }
    const h = mix32(fnv1a(`${kind}:${from}>${to}:${index}`, this.sim.seed ^ 0x9e3779b9));
    return h % denominator < numerator;
  }

  private chaosDelayTicks(chaos: MessageChaos, from: Endpoint, to: Endpoint, index: number): number {
    const [min, max] = chaos.delayTicks;
    const h = mix32(fnv1a(`delayTicks:${from}>${to}:${index}`, this.sim.seed ^ 0x85ebca6b));
    return min + (h % (max - min + 1));
  }
}

/** Final avalanche of murmur3, so nearby inputs give unrelated outputs. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
