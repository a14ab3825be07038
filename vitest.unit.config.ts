import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * `npm test`: the unit tests and the quick end-to-end sample. Their files are independent (own
 * temp folders, no server), so they run two at a time on the 2 cores; one worker alone leaves the
 * second core idle while a file waits on a child process. Their temp directory is in memory where
 * the machine allows (test/support/temp-root-memory.ts says why).
 */
export default defineConfig({
  test: {
    ...base.test,
    include: ['test/unit/**/*.test.ts', 'test/quick/**/*.test.ts'],
    fileParallelism: true,
    maxWorkers: 2,
    globalSetup: ['test/support/temp-root-memory.ts'],
  },
});
