/** `secure-ts accounts` has no options of its own: framework, database and hashing come from `.yo-rc.json`. */
import type { FlagSpec } from '../shared/option-spec.ts';

export const summary = 'add accounts: register, login, logout, server-side sessions (argon2id/scrypt)';
export const accountsFlags = [
  { name: 'force', description: 'Overwrite generator-owned files even where you edited them' },
] as const satisfies readonly FlagSpec[];
