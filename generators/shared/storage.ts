/**
 * Whether a project has somewhere to keep data. `--database none` projects have no database, only
 * the example items in a bounded in-memory store; a feature that keeps data of its own (user
 * accounts, sessions, a new resource) would lose it on every restart and could not be shared
 * across instances, so such a feature is refused there rather than offered half-working.
 * Every generator asks through these two functions, so the rule and its message live once.
 */
import { databases, type Database } from './choices.ts';
import { UsageError } from './option-spec.ts';

/** The databases that store data; everything but `none`. */
export const storageDatabases = databases.filter((database) => database !== 'none');

export const hasStorage = (config: { readonly database: Database }): boolean => config.database !== 'none';

/**
 * Stops a feature that needs storage in a project without a database, with one line that says
 * what to do instead. `feature` names it as the user typed it, e.g. `accounts` or `resource`.
 */
export function requireStorage(config: { readonly database: Database }, feature: string): void {
  if (hasStorage(config)) return;
  throw new UsageError(
    `${feature} needs a database, and this project was generated with --database none; ` +
      `generate it with --database ${storageDatabases.join('|')} to add ${feature}`,
  );
}
