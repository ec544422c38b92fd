// Every bound the simulator enforces. Crossing one ends the run with
// endReason `limit` and a message naming the limit, never a hang.

export interface SimulationLimits {
  /** Steps (processed events) per run. */
  stepsMax: number;
  /** Pending events in the simulator's queue at once. */
  queueEventsMax: number;
  /** Messages waiting in one worker's input queue. */
  workerQueueMax: number;
  /** Steps that one request's chain may take (invocations, resumes, reads, constructions). */
  stepsPerRequestMax: number;
  /** Suspended frames on one request's chain (call depth across entities). */
  chainDepthMax: number;
  /** Trace events kept when the trace is recorded; later steps are hashed but not stored. */
  traceEventsMax: number;
  /** Requests one client may send. */
  requestsPerClientMax: number;
  /** Simulated time of a run, in ticks. */
  ticksMax: number;
  /** Concurrent clients. */
  clientsMax: number;
  /** Workers. */
  workersMax: number;
  /** Faults in one plan. */
  faultsMax: number;
  /** Recoveries per run, so a fault plan cannot keep the cluster recovering forever. */
  recoveriesMax: number;
  /** At-least-once: times one request is sent (first attempt and retries). */
  attemptsPerRequestMax: number;
  /**
   * Simulated time a run may go on while clients wait and no reply reaches
   * them: a run that only retries, recovers or checkpoints ends here
   * instead of running on until `ticksMax`.
   */
  stallTicksMax: number;
}

export const DEFAULT_LIMITS: SimulationLimits = {
  stepsMax: 2_000_000,
  queueEventsMax: 200_000,
  workerQueueMax: 50_000,
  stepsPerRequestMax: 100_000,
  chainDepthMax: 1_000,
  traceEventsMax: 200_000,
  requestsPerClientMax: 100_000,
  ticksMax: 1_000_000_000,
  clientsMax: 64,
  workersMax: 64,
  faultsMax: 10_000,
  recoveriesMax: 1_000,
  attemptsPerRequestMax: 1_000,
  stallTicksMax: 5_000_000,
};

/** Seeds in one sweep: each keeps an outcome with its fired faults in memory. */
export const SWEEP_SEEDS_MAX = 100_000;

/** Characters of a repr kept in trace summaries. */
export const SUMMARY_REPR_CHARS_MAX = 80;

/** Steps between full state snapshots kept for `stateAt`. */
export const STATE_SNAPSHOT_INTERVAL_STEPS = 64;

/** Seeded crashes, partitions and slow-downs drawn per kind and run, so seeded faults stay finite. */
export const CHAOS_FAULTS_MAX = 200;

/** Seeded timed faults are drawn up to this simulated time. */
export const CHAOS_HORIZON_TICKS = 1_000_000;
