/** `secure-ts ci` options, each declared once. */
import { dryRunFlag, forceFlag, type FlagSpec, type OptionSpec } from '../shared/option-spec.ts';

export const summary = 'add or switch the CI pipeline (typecheck, lint, tests, blocking audit, SBOM)';

export const ciOptions = [
  {
    kind: 'choice',
    name: 'provider',
    description: 'CI provider',
    prompt: 'Which CI provider?',
    choices: ['github', 'gitlab'],
    default: 'github',
  },
] as const satisfies readonly OptionSpec[];

export const ciFlags = [
  forceFlag,
  dryRunFlag,
] as const satisfies readonly FlagSpec[];
