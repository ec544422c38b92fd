import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'corpus',
    include: ['reference/**/*.test.ts'],
    testTimeout: 120_000,
  },
});
