/**
 * Vitest global setup: the whole run gets its own temp directory (TMPDIR, which os.tmpdir() and
 * every child process read), removed at the end. Folders made through tempDir() go after each
 * file already; this also catches what nothing tracks: yeoman-test's folders, npm's and the
 * generated projects' own temporary files. What was left there is listed before removal, so a leak
 * shows (SECURE_TS_KEEP_TEMP=1 keeps it all).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Make the run's temp directory below `base` and point TMPDIR at it; returns the teardown. */
export function useTempRoot(base: string): () => void {
  const previous = process.env['TMPDIR'];
  // Short: Chromium's profile sockets live below it, and a unix socket path is at most 107 bytes.
  const root = mkdtempSync(join(base, 'st-'));
  process.env['TMPDIR'] = root;
  return () => {
    if (previous === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previous;
    if (process.env['SECURE_TS_KEEP_TEMP'] === '1') {
      console.log(`SECURE_TS_KEEP_TEMP=1: kept ${root}`);
      return;
    }
    // Node's compile cache is expected there (the CLI and the generated projects' tests enable it).
    const left = readdirSync(root).filter((entry) => entry !== 'node-compile-cache');
    if (left.length > 0) console.log(`temp directory: removing ${left.length} untracked entr${left.length === 1 ? 'y' : 'ies'} (${left.slice(0, 5).join(', ')}${left.length > 5 ? ', …' : ''})`);
    rmSync(root, { recursive: true, force: true, maxRetries: 5 });
  };
}

export default function setup(): () => void {
  return useTempRoot(tmpdir());
}
