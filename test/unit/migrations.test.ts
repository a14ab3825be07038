/**
 * A fresh project's migrations read as if written by hand for its answers (issue 20, item 8):
 * numbered in order (`0001_…`, `0002_…`, no letters), accounts before the items they own, and
 * `items.owner_id` NOT NULL where accounts came with the project. The names are recorded in
 * `.yo-rc.json`, so what a later sub-command adds takes the next number and sorts after every
 * migration a database already applied; a hostile record is refused before anything is written.
 * (Projects made before the record keep their old names: migrations-legacy.test.ts.)
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import helpers from 'yeoman-test';
import { describe, expect, it } from 'vitest';
import type ResourceGenerator from '../../generators/resource/generator.ts';
import { parseProjectConfig } from '../../generators/shared/config.ts';
import { migrationPlan } from '../../generators/shared/migrations.ts';
import { newProject, plan } from '../../generators/shared/plan.ts';
import { loadPreset } from '../../generators/shared/policy.ts';
import { label, matrix } from '../matrix.ts';
import { listFiles, repoRoot, runAccounts, runApp, runFiles, runResource, subBase } from '../support/run.ts';
import { yoRc } from '../support/stored.ts';
import { tempDir } from '../support/temp.ts';

const base = { yes: true, skipInstall: true, skipGit: true, deterministic: true, force: false };
const generator = (name: string) => join(repoRoot, 'dist', 'generators', name, 'index.js');

async function project(options: Record<string, unknown> = {}): Promise<string> {
  const own = tempDir('migrations');
  await runApp().withArguments(['svc']).withOptions({ ...base, ...options }).inDir(own);
  return join(own, 'svc');
}

/** The migration files of a project, without `.ts`, in name order (the order Kysely applies them). */
const migrationFiles = (root: string): string[] =>
  readdirSync(join(root, 'src/db/migrations')).filter((file) => file !== 'index.ts').map((file) => file.slice(0, -'.ts'.length)).sort();

const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');

/** Every file of a project (except .env, whose secret is random), path → content. */
const snapshot = (root: string) => Object.fromEntries(listFiles(root).filter((f) => f !== '.env').map((f) => [f, read(root, f)]));

/** The names are 0001, 0002, … in order, with no letter after the number. */
function expectSequential(names: readonly string[]): void {
  expect(names.map((name) => name.slice(0, 5))).toEqual(names.map((_name, index) => `${String(index + 1).padStart(4, '0')}_`));
  for (const name of names) expect(name).toMatch(/^\d{4}_[a-z]+(?:_[a-z]+)*$/u);
}

const featureVariants = [{}, { uploads: false }, { accounts: false }] as const;

describe('a fresh project', () => {
  it.each(matrix.filter((c) => c.database !== 'none').flatMap((c) => featureVariants.map((v) => [`${label(c)} ${JSON.stringify(v)}`, { framework: c.framework, database: c.database, ...v }] as const)))(
    'numbers its migrations 0001, 0002, … for its answers and records them: %s',
    (_label, given) => {
      const planned = plan(newProject(given, true));
      const names = planned.files.map((file) => file.path).filter((path) => path.startsWith('src/db/migrations/') && path !== 'src/db/migrations/index.ts').map((path) => path.slice('src/db/migrations/'.length, -'.ts'.length));
      expectSequential(names);
      expect(planned.config.migrations).toEqual(names);
      const accounts = planned.config.accounts;
      const expected = [
        ...(accounts ? ['create_accounts', 'account_email', 'account_totp', 'account_sessions'] : []),
        'create_items',
        ...(planned.config.uploads ? ['create_files'] : []),
        'create_idempotency_keys',
      ];
      expect(names.map((name) => name.slice(5))).toEqual(expected);
      // The index lists each once, in the same order.
      const index = planned.files.find((file) => file.path === 'src/db/migrations/index.ts')?.contents ?? '';
      expect([...index.matchAll(/^ {2}"(\d{4}_[a-z_]+)": /gmu)].map((match) => match[1])).toEqual(names);
      expect(index).not.toMatch(/0001[a-z]_/u);
    },
  );

  it('with --database none has no migrations and records none', () => {
    const planned = plan(newProject({ database: 'none' }, true));
    expect(planned.files.some((file) => file.path.startsWith('src/db/'))).toBe(false);
    expect(planned.config.migrations).toEqual([]);
  });

  it('creates items owned from the start when accounts came with it: owner_id NOT NULL, a foreign key, the list indexes', () => {
    const files = new Map(plan(newProject({}, true)).files.map((file) => [file.path, file.contents]));
    const items = files.get('src/db/migrations/0005_create_items.ts') ?? '';
    expect(items).toContain(".addColumn('owner_id', 'varchar(36)', (column) => column.notNull())");
    expect(items).toContain(".addForeignKeyConstraint('items_owner_id_fk', ['owner_id'], 'accounts', ['id'], (constraint) => constraint.onDelete('cascade'))");
    expect(items).toContain(".columns(['owner_id', column, 'id'])");
    expect(files.get('src/db/schema.ts')).toMatch(/^ {2}owner_id: string;$/mu);
    // No migration adds an owner afterwards, and none of the old lettered ones is there.
    expect([...files.keys()].filter((path) => /add_items_owner|index_owner_lists|0001[a-z]_/u.test(path))).toEqual([]);
    // The generated test proves the database refuses an item without an owner.
    expect(files.get('test/db/crud-repository.test.ts')).toContain('refuses an item without an owner, or with an owner that is no account, at the database');
    // The document and the README point at the real files.
    expect(files.get('docs/security-controls.md')).toContain('src/db/migrations/0003_account_totp.ts');
    expect(files.get('docs/security-controls.md')).toContain('src/db/migrations/0005_create_items.ts');
    expect(files.get('README.md')).toContain('`src/db/migrations/0005_create_items.ts`, `src/db/migrations/0006_create_files.ts`,');
  });

  it('creates items unowned without accounts', () => {
    const files = new Map(plan(newProject({ accounts: false }, true)).files.map((file) => [file.path, file.contents]));
    expect(files.get('src/db/migrations/0001_create_items.ts')).not.toContain('owner_id');
    expect(files.get('src/db/schema.ts')).not.toContain('owner_id');
    expect(files.get('test/db/crud-repository.test.ts')).not.toContain('refuses an item without an owner');
  });

  it('on the direct path and through Yeoman records the same names', async () => {
    const root = await project();
    expect(yoRc(root).migrations).toEqual(plan(newProject({ name: 'svc' }, true)).config.migrations);
    expect(migrationFiles(root)).toEqual(yoRc(root).migrations);
  });
});

describe('a sub-command in a fresh project', () => {
  it('adds accounts after items as the next numbers, with a nullable owner for the items made before', async () => {
    const root = await project({ accounts: false });
    await runResource(root, 'book', 'title:string');
    expect(migrationFiles(root)).toEqual(['0001_create_items', '0002_create_idempotency_keys', '0003_create_books']);
    await runAccounts(root);
    const after = ['0001_create_items', '0002_create_idempotency_keys', '0003_create_books', '0004_create_accounts', '0005_account_email', '0006_account_totp', '0007_account_sessions', '0008_add_items_owner'];
    expect(migrationFiles(root)).toEqual(after);
    expect(yoRc(root).migrations).toEqual(after);
    // Applied items keep their migration; the owner comes in a migration of its own, nullable:
    // items made before accounts belong to nobody.
    expect(read(root, 'src/db/migrations/0001_create_items.ts')).not.toContain('owner_id');
    const owner = read(root, 'src/db/migrations/0008_add_items_owner.ts');
    expect(owner).toContain("alterTable('items').addColumn('owner_id', 'varchar(36)').execute()");
    expect(owner).not.toContain('notNull');
    expect(read(root, 'src/db/schema.ts')).toContain('owner_id: ColumnType<string | null, string | null | undefined, string | null>;');
    // Uploads and a resource added later follow.
    await runFiles(root);
    await runResource(root, 'author', 'name:string');
    expect(migrationFiles(root).slice(-2)).toEqual(['0009_create_files', '0010_create_authors']);
    expect(yoRc(root).migrations).toEqual(migrationFiles(root));
    expect(read(root, 'src/db/migrations/0010_create_authors.ts')).toContain('(0004_create_accounts runs\n// first');
    const index = read(root, 'src/db/migrations/index.ts');
    expect([...index.matchAll(/^ {2}"(\d{4}_[a-z_]+)": /gmu)].map((match) => match[1])).toEqual(migrationFiles(root));
  });

  it('writes what the app generator writes for the same answers, and a second run changes nothing', async () => {
    const root = await project({ accounts: false });
    await runAccounts(root);
    await runFiles(root);
    const after = snapshot(root);
    await runAccounts(root);
    await runFiles(root);
    expect(snapshot(root)).toEqual(after);
    await runApp().withOptions(base).cd(root);
    expect(snapshot(root)).toEqual(after);
  });

  it('gives a resource the number after every migration recorded', async () => {
    const root = await project();
    await runResource(root, 'book', 'title:string');
    await runResource(root, 'order-lines', 'qty:int');
    expect(migrationFiles(root).slice(-3)).toEqual(['0007_create_idempotency_keys', '0008_create_books', '0009_create_order_lines']);
    // --force on an existing resource keeps its number.
    await helpers.run<ResourceGenerator>(generator('resource')).withArguments(['book']).withOptions({ ...subBase, fields: 'title:text', force: true }).cd(root);
    expect(yoRc(root).migrations).toEqual(migrationFiles(root));
    expect(read(root, 'src/db/migrations/0008_create_books.ts')).toContain('.addColumn("title", "text", (column) => column.notNull())');
  });
});

describe('a resource named like a table of the project', () => {
  it('is refused with the reason before anything is recorded, where its table (and migration) would be a feature\'s', async () => {
    const root = await project();
    const before = snapshot(root);
    // The name check (resource-spec.ts) stops it first; the migration-name check behind it is the second gate.
    await expect(runResource(root, 'files', 'title:string')).rejects.toThrow(/"files" would use the table files, which the project or a feature it can add uses/u);
    expect(snapshot(root)).toEqual(before);
  });

  it('is refused by the allocation too, should a name ever get past the name check (the second gate on its own)', () => {
    const answers = { database: 'sqlite', accounts: true, uploads: true, migrations: [] } as const;
    expect(() => migrationPlan({ ...answers, resources: [{ name: 'files' }] })).toThrow(/the resource "files" would name its migration create_files, which the project already has/u);
    expect(() => migrationPlan({ ...answers, resources: [{ name: 'books' }] })).not.toThrow();
  });
});

describe('a recorded `migrations` list', () => {
  const hostile: [string, unknown, RegExp][] = [
    ['a path', ['../../../etc/passwd'], /is not a migration name/u],
    ['code', ["0001_create_items'); process.exit(1); //"], /is not a migration name/u],
    ['a template token', ['0001___proto__'], /is not a migration name/u],
    ['a letter suffix', ['0001b_create_accounts'], /is not a migration name/u],
    ['five digits', ['10000_create_items'], /is not a migration name/u],
    ['upper case', ['0001_Create_Items'], /is not a migration name/u],
    ['a long name', [`0001_${'a'.repeat(100)}`], /is not a migration name/u],
    ['numbers going back', ['0002_create_items', '0001_create_idempotency_keys'], /0001_create_idempotency_keys is not numbered after the migration before it/u],
    ['a key twice', ['0001_create_items', '0002_create_items'], /create_items is recorded twice/u],
    ['not a list', '0001_create_items', /migrations/u],
    ['not strings', [1], /migrations/u],
  ];

  it.each(hostile)('is refused when it holds %s', (_what, migrations, message) => {
    expect(() => parseProjectConfig({ ...plan(newProject({ name: 'svc' }, true)).config, migrations }, '.yo-rc.json')).toThrow(message);
  });

  it('is refused when it names a migration the project does not have', () => {
    const config = plan(newProject({ name: 'svc', accounts: false }, true)).config;
    expect(() => migrationPlan({ ...config, migrations: ['0001_create_items', '0002_drop_everything'] })).toThrow(/\.yo-rc\.json: migrations: 0002_drop_everything is not a migration this project has/u);
  });

  it('stops every sub-command and the re-run with the reason, writing nothing', async () => {
    const root = await project({ uploads: false });
    const rcPath = join(root, '.yo-rc.json');
    const rc = JSON.parse(read(root, '.yo-rc.json')) as Record<string, Record<string, unknown>>;
    (rc['generator-secure-ts'] as Record<string, unknown>)['migrations'] = ['0001_x"); process.exit(1); //'];
    writeFileSync(rcPath, JSON.stringify(rc));
    const before = snapshot(root);
    await expect(runResource(root, 'book', 'title:string')).rejects.toThrow(/migrations: .* is not a migration name/u);
    await expect(runFiles(root)).rejects.toThrow(/migrations: .* is not a migration name/u);
    await expect(runApp().withOptions(base).cd(root)).rejects.toThrow(/migrations: .* is not a migration name/u);
    expect(snapshot(root)).toEqual(before);
  });

  it('cannot be given by a preset: its answers are the app options only', () => {
    const dir = tempDir('preset');
    writeFileSync(join(dir, 'team.json'), JSON.stringify({ name: 'team', answers: { migrations: ['0001_create_items'] } }));
    expect(() => loadPreset('team.json', dir)).toThrow(/migrations/u);
  });
});
