/**
 * Generator-owned files are recorded in `.yo-rc.json` (`files`: path → hash of what we wrote), so a
 * later run can tell a file still as we wrote it (updated silently) from one the user edited
 * (never overwritten silently). Both entry points record them with these two functions.
 */
/** The hash the audit compares, the generator's and the generated project's own (scripts/audit/check.ts) alike. */
export { contentHash } from '../audit/check.ts';

/** The `files` record as stored: sorted by path, so `.yo-rc.json` diffs stay small. */
export const sortedRecord = (recorded: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(Object.entries(recorded).sort(([a], [b]) => a.localeCompare(b)));
