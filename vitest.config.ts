import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests install real projects: give them room, and run files one at a time on 2 cores.
    // `npm test` (unit + quick sample) runs with vitest.unit.config.ts, which builds on this one.
    testTimeout: 60_000,
    hookTimeout: 600_000,
    fileParallelism: false,
    // Nothing is left in the temp directory: each file removes its folders, the run its TMPDIR.
    globalSetup: ['test/support/temp-root.ts'],
    setupFiles: ['test/support/temp-cleanup.ts'],
  },
});
