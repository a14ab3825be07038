/**
 * Temporary folders for tests, removed when the test file ends (test/support/temp-cleanup.ts,
 * a vitest setup file): a run leaves nothing in the temp directory. Generated projects with their
 * node_modules are ~5 MB to ~300 MB each; before this, 531 runs' worth (2.3 GB) piled up.
 * SECURE_TS_KEEP_TEMP=1 keeps them, to look at a failed end-to-end project.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const created: string[] = [];

/** A new folder `<tmp>/secure-ts-<prefix>-` plus six random characters (mkdtemp), removed after this test file. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `secure-ts-${prefix}-`));
  created.push(dir);
  return dir;
}

/** Remove every folder tempDir made in this file (the setup file calls it after all tests). */
export function removeTempDirs(): void {
  if (process.env['SECURE_TS_KEEP_TEMP'] === '1') {
    if (created.length > 0) console.log(`SECURE_TS_KEEP_TEMP=1: kept ${created.join(', ')}`);
    return;
  }
  // maxRetries: a generated project's server or npm may still be closing a file on a busy machine.
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
}
