import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'ide',
    include: ['src/**/*.test.ts'],
    passWithNoTests: true,
  },
});
