import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'build/**'],
    reporters: ['default', './scripts/vitest-summary.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});
