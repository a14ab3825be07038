/** `secure-ts docker` has no options of its own: everything comes from `.yo-rc.json`. */
import { dryRunFlag, forceFlag, type FlagSpec } from '../shared/option-spec.ts';

export const summary = 'add a hardened Dockerfile, .dockerignore and compose.yaml';
export const dockerFlags = [
  forceFlag,
  dryRunFlag,
] as const satisfies readonly FlagSpec[];
