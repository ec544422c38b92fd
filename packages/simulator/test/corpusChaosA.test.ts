import { describe } from 'vitest';
import { defineCorpusChaosTests } from './corpusChaos.ts';

describe('corpus exactly-once chaos, even programs', () => {
  defineCorpusChaosTests(0);
});
