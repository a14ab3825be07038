/** `secure-ts docker` has no options of its own: everything comes from `.yo-rc.json`. */
import type { FlagSpec } from '../shared/option-spec.ts';

export const summary = 'add a hardened Dockerfile, .dockerignore and compose.yaml';
export const dockerFlags = [
  { name: 'force', description: 'Overwrite generator-owned files even where you edited them' },
] as const satisfies readonly FlagSpec[];
