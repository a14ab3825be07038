/** `secure-ts accounts` has no options of its own: framework, database and hashing come from `.yo-rc.json`. */
import { dryRunFlag, forceFlag, type FlagSpec } from '../shared/option-spec.ts';

export const summary = 'add accounts: register, login, logout, server-side sessions (argon2id/scrypt)';
export const accountsFlags = [
  forceFlag,
  dryRunFlag,
] as const satisfies readonly FlagSpec[];
