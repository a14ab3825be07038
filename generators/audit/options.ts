/** `secure-ts audit` options: none stored; `--json` for CI. */
import type { FlagSpec, OptionSpec } from '../shared/option-spec.ts';

export const summary = 'check the project against the security controls recorded at generation (exit 1 on findings)';
export const auditOptions = [] as const satisfies readonly OptionSpec[];
export const auditFlags = [
  { name: 'json', description: 'Print the findings as JSON on stdout' },
] as const satisfies readonly FlagSpec[];
