// Seeded fault profiles. `chaos: true` draws the profile itself from the
// seed (which fault kinds are on, and how often), in the style of swarm
// testing: different seeds stress different mixes of faults.

import { Rng } from './rng.ts';
import type { ChaosProfile, Ratio } from './trace.ts';

const OFF: Ratio = [0, 1];

/** Profile with every fault off and the default ranges. */
export function quietProfile(): ChaosProfile {
  return {
    crash: OFF,
    partition: OFF,
    slow: OFF,
    drop: OFF,
    duplicate: OFF,
    delay: OFF,
    reorder: OFF,
    restartTicks: [20, 200],
    delayTicks: [5, 80],
    healTicks: [50, 400],
    slowFactor: [2, 8],
    slowTicks: [100, 1000],
  };
}

/** Draw a profile from the seed's `chaosProfile` stream. */
export function drawProfile(seed: number): ChaosProfile {
  const rng = new Rng(seed, 'chaosProfile');
  const profile = quietProfile();
  if (rng.chance([3, 4])) {
    profile.crash = [1, rng.intBetween(300, 3000)];
  }
  if (rng.chance([1, 3])) {
    profile.partition = [1, rng.intBetween(500, 5000)];
  }
  if (rng.chance([1, 3])) {
    profile.slow = [1, rng.intBetween(500, 5000)];
  }
  for (const kind of ['drop', 'duplicate', 'delay', 'reorder'] as const) {
    if (rng.chance([1, 2])) {
      profile[kind] = [1, rng.intBetween(20, 400)];
    }
  }
  return profile;
}

/** The profile a config asks for: drawn from the seed, or the given rates over a quiet profile. */
export function resolveProfile(seed: number, chaos: boolean | Partial<ChaosProfile> | undefined): ChaosProfile | null {
  if (chaos === undefined || chaos === false) {
    return null;
  }
  if (chaos === true) {
    return drawProfile(seed);
  }
  return { ...quietProfile(), ...chaos };
}

/** Multi-line description for the start of a run. */
export function describeProfile(profile: ChaosProfile): string {
  const rate = (r: Ratio) => (r[0] <= 0 ? 'off' : `${r[0]}/${r[1]}`);
  return [
    `crash ${rate(profile.crash)} per tick (restart after ${profile.restartTicks[0]}..${profile.restartTicks[1]} ticks)`,
    `partition ${rate(profile.partition)} per tick (heal after ${profile.healTicks[0]}..${profile.healTicks[1]} ticks)`,
    `slow ${rate(profile.slow)} per tick (x${profile.slowFactor[0]}..x${profile.slowFactor[1]} for ${profile.slowTicks[0]}..${profile.slowTicks[1]} ticks)`,
    `drop ${rate(profile.drop)}, duplicate ${rate(profile.duplicate)}, delay ${rate(profile.delay)} (${profile.delayTicks[0]}..${profile.delayTicks[1]} ticks), reorder ${rate(profile.reorder)} per message`,
  ].join('\n');
}

/** Ticks until the next fault of a per-tick rate, drawn so its mean is denominator/numerator. */
export function drawInterval(rng: Rng, ratio: Ratio): number | null {
  const [numerator, denominator] = ratio;
  if (numerator <= 0 || denominator <= 0) {
    return null;
  }
  const mean = Math.max(1, Math.floor(denominator / numerator));
  return rng.intBetween(1, 2 * mean - 1);
}
