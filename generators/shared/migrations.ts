/**
 * The names of a project's database migrations. A database records each applied migration by its
 * name, so a name, once generated, never changes (nor the code behind it): Kysely's Migrator
 * runs every migration whose name it has not recorded, in name order.
 *
 * A project records the names it was given in `.yo-rc.json` (`migrations`, in the order
 * allocated). A new project allocates them in the order someone writing them by hand for its
 * answers would (`0001_create_accounts`, `0002_account_email`, …, `0005_create_items` with an owner
 * from the start); what a later sub-command adds (a feature, a resource) takes the next number, so
 * it sorts after everything already applied. A project generated before this list existed has
 * none, and keeps the names it was generated with (`0001_create_items`, `0001b_create_accounts`,
 * …, resources `0002_…` on), derived as they always were: see `legacyMigrations`.
 */
import { z } from 'zod';
import { UsageError } from './option-spec.ts';
import { hasStorage } from './storage.ts';
import type { Database } from './choices.ts';

/** Four digits, then the migration's key in snake_case: `0003_create_files`. */
export const migrationNamePattern = /^(\d{4})_([a-z][a-z0-9]*(?:_[a-z0-9]+)*)$/u;
const migrationNameMax = 80;
const migrationsMax = 500;
/** Four digits: past 9999 a name would sort before `1000_…` and run out of order. */
const numberMax = 9999;

const split = (name: string): { number: number; key: string } => {
  const match = migrationNamePattern.exec(name);
  return { number: Number(match?.[1]), key: match?.[2] ?? '' };
};

/**
 * `.yo-rc.json`'s `migrations`: each a migration name, numbers rising in the order allocated, each
 * key once. A hand edit cannot smuggle anything else into a path or into code: names reach both
 * only after this check, and code only through JSON.stringify or as an identifier made of the key.
 */
export const migrationsSchema = z
  .array(z.string({ error: 'migrations: each entry must be a migration name (a string)' }), { error: 'migrations: must be a list of migration names' })
  .max(migrationsMax, `migrations: at most ${String(migrationsMax)}`)
  .superRefine((names, ctx) => {
    let previous = 0;
    const keys = new Set<string>();
    for (const name of names) {
      if (name.length > migrationNameMax || !migrationNamePattern.test(name)) {
        ctx.addIssue({ code: 'custom', message: `migrations: ${JSON.stringify(name.slice(0, migrationNameMax))} is not a migration name (four digits, "_", lowercase words: 0003_create_files)` });
        return;
      }
      const { number, key } = split(name);
      if (number <= previous) ctx.addIssue({ code: 'custom', message: `migrations: ${name} is not numbered after the migration before it` });
      if (keys.has(key)) ctx.addIssue({ code: 'custom', message: `migrations: ${key} is recorded twice` });
      previous = number;
      keys.add(key);
    }
  });

/** What the allocation reads of the answers. */
export interface MigrationAnswers {
  readonly database: Database;
  readonly accounts?: boolean | undefined;
  readonly uploads?: boolean | undefined;
  readonly resources?: readonly { readonly name: string }[] | undefined;
  readonly migrations?: readonly string[] | undefined;
}

export interface Migration {
  /** The file name without `.ts`, and the name the database records. */
  readonly name: string;
  /** What it does, as its name says it (`create_items`); the path token of its template. */
  readonly key: string;
  /** Its module's name in src/db/migrations/index.ts (letters and digits only). */
  readonly importName: string;
}

export interface MigrationPlan {
  /** A project generated before the allocation: the names it always had, never recorded. */
  readonly legacy: boolean;
  /** Every migration, in name order (the order a fresh database applies them). */
  readonly list: readonly Migration[];
  /** The name of each migration, by key (`create_items` → `0005_create_items`). */
  readonly names: Readonly<Record<string, string>>;
  /** Accounts came before items: `items.owner_id` is NOT NULL with a foreign key from the start. */
  readonly itemsOwnedAtCreation: boolean;
  /** The migrations that create the owner-first list indexes of items and files (with accounts, files). */
  readonly ownerListIndexes: { readonly items?: string; readonly files?: string };
}

const camel = (snake: string): string => snake.replace(/_([a-z0-9])/gu, (_m, c: string) => c.toUpperCase());
const tableOf = (resource: { readonly name: string }): string => resource.name.replaceAll('-', '_');
export const resourceMigrationKey = (resource: { readonly name: string }): string => `create_${tableOf(resource)}`;

function planOf(names: readonly string[], legacy: boolean, keyOf: (name: string) => string, itemsOwnedAtCreation: boolean): MigrationPlan {
  const list = names.map((name) => ({ name, key: keyOf(name), importName: camel(keyOf(name)) }));
  const byKey: Record<string, string> = Object.fromEntries(list.map((m) => [m.key, m.name]));
  const first = (...keys: string[]) => keys.map((key) => byKey[key]).find((name) => name !== undefined);
  const items = byKey['create_accounts'] === undefined ? undefined : first('index_owner_lists', 'add_items_owner', 'create_items');
  const files = first('index_files_owner_list', 'create_files');
  return {
    legacy,
    list: [...list].sort((a, b) => (a.name < b.name ? -1 : 1)),
    names: byKey,
    itemsOwnedAtCreation,
    ownerListIndexes: { ...(items === undefined ? {} : { items }), ...(files === undefined ? {} : { files }) },
  };
}

/** What `.yo-rc.json` records of a plan: every name in the order allocated; nothing for a legacy project. */
export const recordedMigrations = (plan: MigrationPlan): string[] | undefined => (plan.legacy ? undefined : plan.list.map((migration) => migration.name));

/**
 * The names a project generated before the allocation has: the example items `0001_…`, each
 * feature's migrations lettered after it (`0001b_…` to `0001i_…`, in the order they were written,
 * whichever features came first), each resource `0002_…` on in the order added.
 */
export function legacyMigrations(answers: MigrationAnswers): MigrationPlan {
  if (!hasStorage(answers)) return planOf([], true, () => '', false);
  const accounts = answers.accounts === true;
  const files = answers.uploads === true;
  const names = [
    '0001_create_items',
    accounts && '0001b_create_accounts',
    files && '0001c_create_files',
    accounts && '0001d_index_owner_lists',
    files && '0001e_index_files_owner_list',
    '0001f_create_idempotency_keys',
    accounts && '0001g_account_email',
    accounts && '0001h_account_totp',
    accounts && '0001i_account_sessions',
    ...(answers.resources ?? []).map((resource, index) => `${String(index + 2).padStart(4, '0')}_${resourceMigrationKey(resource)}`),
  ].filter((name): name is string => typeof name === 'string');
  return planOf(names, true, (name) => name.slice(name.indexOf('_') + 1), false);
}

/**
 * Every migration the answers call for, in the order a new project allocates them: accounts and
 * their tables first (items reference them), then items, files, idempotency keys, then each
 * resource in the order added. `add_items_owner` only where items were there before accounts.
 */
function wanted(answers: MigrationAnswers, itemsBeforeAccounts: () => boolean): string[] {
  if (!hasStorage(answers)) return [];
  const accounts = answers.accounts === true;
  const keys = [
    accounts && 'create_accounts',
    accounts && 'account_email',
    accounts && 'account_totp',
    accounts && 'account_sessions',
    'create_items',
    accounts && itemsBeforeAccounts() && 'add_items_owner',
    answers.uploads === true && 'create_files',
    'create_idempotency_keys',
  ].filter((key): key is string => typeof key === 'string');
  for (const resource of answers.resources ?? []) {
    const key = resourceMigrationKey(resource);
    if (keys.includes(key)) {
      throw new UsageError(`the resource ${JSON.stringify(resource.name)} would name its migration ${key}, which the project already has for its own table: give the resource another name`);
    }
    keys.push(key);
  }
  return keys;
}

/** Whether the items table was there before the accounts table (or accounts are not recorded yet: they come next). */
const itemsBeforeAccounts = (names: readonly string[]) => () => {
  const position = (key: string) => names.findIndex((name) => split(name).key === key);
  return position('create_items') !== -1 && (position('create_accounts') === -1 || position('create_items') < position('create_accounts'));
};

/**
 * The recorded names these answers call for, the others left out: the project as it would be
 * without a feature it has (a feature sub-command compares the files with and without it).
 */
export function recordedFor(answers: MigrationAnswers): string[] | undefined {
  if (answers.migrations === undefined) return undefined;
  const keys = wanted(answers, itemsBeforeAccounts(answers.migrations));
  return answers.migrations.filter((name) => keys.includes(split(name).key));
}

/**
 * The project's migrations: the recorded ones, then the next numbers for what the answers now call
 * for and the record lacks (a feature or resource added since). Without a record: the legacy names.
 * A recorded key the answers do not call for is refused (a hand edit), never rendered.
 */
export function migrationPlan(answers: MigrationAnswers): MigrationPlan {
  if (answers.migrations === undefined) return legacyMigrations(answers);
  const names = [...answers.migrations];
  const position = (key: string) => names.findIndex((name) => split(name).key === key);
  let next = Math.max(0, ...names.map((name) => split(name).number)) + 1;
  // Items recorded before accounts have rows with no owner.
  const keys = wanted(answers, itemsBeforeAccounts(answers.migrations));
  for (const key of keys) {
    if (position(key) !== -1) continue;
    if (next > numberMax) throw new UsageError(`migrations: no number left after ${String(numberMax)} for ${key}`);
    names.push(`${String(next).padStart(4, '0')}_${key}`);
    next += 1;
  }
  const unknown = names.find((name) => !keys.includes(split(name).key));
  if (unknown !== undefined) throw new UsageError(`.yo-rc.json: migrations: ${unknown} is not a migration this project has`);
  const itemsOwnedAtCreation = answers.accounts === true && position('create_accounts') < position('create_items');
  return planOf(names, false, (name) => split(name).key, itemsOwnedAtCreation);
}
