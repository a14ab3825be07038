/**
 * Generator-owned files are recorded in `.yo-rc.json` (`files`: path → hash of what we wrote), so a
 * later run can tell a file still as we wrote it (updated silently) from one the user edited
 * (never overwritten silently). Both entry points record them with these two functions.
 */
import { createHash } from 'node:crypto';

/** Short content hash recorded for each generator-owned file. */
export const contentHash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** The `files` record as stored: sorted by path, so `.yo-rc.json` diffs stay small. */
export const sortedRecord = (recorded: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(Object.entries(recorded).sort(([a], [b]) => a.localeCompare(b)));
