import { describe } from 'vitest';
import { defineCorpusChaosTests } from './corpusChaos.ts';

describe('corpus exactly-once chaos, odd programs', () => {
  defineCorpusChaosTests(1);
});
