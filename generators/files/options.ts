/** `secure-ts files` has no options of its own: framework and database come from `.yo-rc.json`. */
import { dryRunFlag, forceFlag, type FlagSpec } from '../shared/option-spec.ts';

export const summary = 'add file uploads owned by accounts: safe paths, type checks, signed download links';
export const filesFlags = [
  forceFlag,
  dryRunFlag,
] as const satisfies readonly FlagSpec[];
