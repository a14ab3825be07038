/** The app generator's runtime flags; the stored options are the core's (../shared/project-options.ts). */
import type { FlagSpec } from '../shared/option-spec.ts';

export { appOptions, nameSpec } from '../shared/project-options.ts';

/** Runtime flags: they change how this run behaves, never what is stored. */
export const appFlags = [
  { name: 'yes', short: 'y', description: 'Accept the defaults for everything not given as a flag; no prompts' },
  { name: 'skipInstall', description: 'Do not run npm install' },
  { name: 'skipGit', description: 'Do not create a git repository' },
  { name: 'force', description: 'Allow generating into a folder that is not empty (changed files still go through the conflict prompt)' },
  { name: 'preset', takesValue: true, description: "A team preset: a .json file, or an installed package's \"secureTs\" key (answers, locks, policy)" },
  { name: 'dryRun', description: 'Print the files that would be written and the dependencies that would be installed; write nothing' },
  { name: 'json', description: 'Print a machine-readable summary (files, dependencies, config) on stdout' },
] as const satisfies readonly FlagSpec[];

/** Hidden runtime flags, for tests: accepted by both entry points, never listed by `--help`. */
export const appTestFlags = [
  { name: 'deterministic', description: 'Fixed secrets and year, so output can be compared byte for byte (tests only)' },
] as const satisfies readonly FlagSpec[];
