/** `secure-ts audit` options: none stored; `--json` for CI. */
import type { FlagSpec } from '../shared/option-spec.ts';

export const summary = 'check the project against the security controls recorded at generation (exit 1 on findings)';
export const auditFlags = [
  { name: 'json', description: 'Print the findings as JSON on stdout' },
  { name: 'accept', takesValue: true, description: 'Record the current content of a locked file as a reviewed change (needs --reason)' },
  { name: 'reason', takesValue: true, description: 'Why the accepted change is safe, in one line (kept in .secure-ts/record.json)' },
] as const satisfies readonly FlagSpec[];
