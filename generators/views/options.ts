/** `secure-ts views` has no options of its own: everything comes from `.yo-rc.json`. */
import { dryRunFlag, forceFlag, type FlagSpec } from '../shared/option-spec.ts';

export const summary = 'add server-rendered pages: auto-escaping templates, CSP nonces, CSRF-protected forms and browser tests';
export const viewsFlags = [
  forceFlag,
  dryRunFlag,
  { name: 'skipInstall', description: 'Do not run npm install' },
] as const satisfies readonly FlagSpec[];
