/**
 * A project that grows by sub-commands keeps every migration its database applied and applies
 * what each command adds after them: generated without accounts, with a resource, migrated, then
 * given accounts, uploads and another resource, and migrated again on the same database. The
 * items made before accounts stay there, owned by nobody; the project then passes its own
 * typecheck, lint and tests as a fresh one does.
 *
 * SQLite by default; SECURE_TS_UPGRADE_DB="sqlite,mysql,postgres" runs it on the servers too.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, npm, npmInstall, step, workDir, type StepResult } from '../support/project.ts';
import { reachable, redisService, services, servicesRequired, withProbeDatabase } from '../support/services.ts';

const databases = (process.env['SECURE_TS_UPGRADE_DB'] ?? 'sqlite').split(',').map((name) => name.trim()).filter(Boolean);

/** Runs one query on the project's database with the project's own driver and returns the rows. */
function query(root: string, database: string, target: string, sql: string): Record<string, unknown>[] {
  const scripts: Record<string, string> = {
    sqlite: `import { DatabaseSync } from 'node:sqlite'; const db = new DatabaseSync(process.env.TARGET); process.stdout.write(JSON.stringify(db.prepare(process.env.SQL).all())); db.close();`,
    postgres: `import pg from 'pg'; const c = new pg.Client(process.env.TARGET); await c.connect(); const r = await c.query(process.env.SQL); process.stdout.write(JSON.stringify(r.rows)); await c.end();`,
    mysql: `import mysql from 'mysql2/promise'; const c = await mysql.createConnection(process.env.TARGET); const [rows] = await c.query(process.env.SQL); process.stdout.write(JSON.stringify(rows)); await c.end();`,
  };
  const run = spawnSync(process.execPath, ['--no-warnings', '--input-type=module', '-e', scripts[database] ?? ''], { cwd: root, encoding: 'utf8', env: { ...process.env, TARGET: target, SQL: sql } });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Record<string, unknown>[];
}

describe.each(databases)('a %s project upgraded by sub-commands', (database) => {
  it('applies what accounts, uploads and a resource add after the migrations already applied, keeps the old items ownerless, and passes its own checks', async (ctx) => {
    const service = services[database];
    for (const needed of service ? [service, redisService] : [redisService]) {
      if (await reachable(needed)) continue;
      if (servicesRequired) throw new Error(`${needed.name} is not reachable`);
      ctx.skip(`${needed.name} is not reachable`);
    }
    const cwd = workDir('upgrade');
    const root = join(cwd, 'grown');
    const steps: StepResult[] = [];
    steps.push(generate(cwd, ['grown', '--yes', '--skip-git', '--skip-install', '--framework', 'express', '--database', database, '--no-accounts']));
    steps.push(generate(root, ['resource', 'book', '--yes', '--fields', 'title:string']));
    steps.push(npmInstall(root));

    const grow = async (target: string, settings: Record<string, string>) => {
      const migrate = () => steps.push(step(root, 'npm', ['run', 'migrate'], settings));
      const applied = () => query(root, database, target, 'select name from kysely_migration order by name').map((row) => row['name']);
      migrate();
      expect(applied()).toEqual(['0001_create_items', '0002_create_idempotency_keys', '0003_create_books']);
      query(root, database, target, "insert into items (id, name, description, created_at, updated_at) values ('00000000-0000-4000-8000-000000000001', 'before accounts', null, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')");

      steps.push(generate(root, ['accounts', '--yes']));
      steps.push(generate(root, ['files', '--yes']));
      steps.push(generate(root, ['resource', 'author', '--yes', '--fields', 'name:string']));
      steps.push(npmInstall(root));
      migrate();
      const recorded = JSON.parse(readFileSync(join(root, '.yo-rc.json'), 'utf8'))['generator-secure-ts'].migrations as string[];
      expect(recorded).toEqual([
        '0001_create_items', '0002_create_idempotency_keys', '0003_create_books', '0004_create_accounts', '0005_account_email', '0006_account_totp',
        '0007_account_sessions', '0008_add_items_owner', '0009_create_files', '0010_create_authors',
      ]);
      expect(applied()).toEqual(recorded);
      // The item made before accounts is still there and belongs to nobody.
      expect(query(root, database, target, 'select name, owner_id from items')).toEqual([{ name: 'before accounts', owner_id: null }]);
    };
    if (service) {
      await withProbeDatabase(root, database, service.env['TEST_DATABASE_URL'] ?? '', (url) => grow(url, { DATABASE_URL: url }));
    } else {
      const path = join(cwd, 'grown.sqlite');
      await grow(path, { DATABASE_PATH: path });
    }

    const env = { ...service?.env, ...redisService.env, SECURE_TS_REQUIRE_SERVICES: '1' };
    steps.push(npm(root, 'run', 'typecheck'));
    steps.push(npm(root, 'run', 'lint'));
    steps.push(step(root, 'npm', ['test'], env));
    console.log(`upgrade ${database}: ${steps.map((s) => `${s.step.split(' ').slice(0, 3).join(' ')} ${s.seconds.toFixed(1)}s`).join(' | ')}`);
  }, 900_000);
});

describe('a project generated before the migration record, re-rendered by this version', () => {
  it('keeps its old migration names, applies what accounts and a resource add on its SQLite database, and passes its own checks', async (ctx) => {
    if (!(await reachable(redisService))) {
      if (servicesRequired) throw new Error(`${redisService.name} is not reachable`);
      ctx.skip(`${redisService.name} is not reachable`);
    }
    const cwd = workDir('legacy');
    const steps: StepResult[] = [];
    steps.push(generate(cwd, ['fresh', '--yes', '--skip-git', '--skip-install', '--framework', 'fastify', '--database', 'sqlite', '--no-accounts']));
    // Its answers as an earlier version recorded them: no `migrations`; the re-run renders the rest.
    const rc = JSON.parse(readFileSync(join(cwd, 'fresh', '.yo-rc.json'), 'utf8')) as Record<string, Record<string, unknown>>;
    delete rc['generator-secure-ts']?.['migrations'];
    const root = join(cwd, 'old');
    mkdirSync(root);
    writeFileSync(join(root, '.yo-rc.json'), `${JSON.stringify(rc, undefined, 2)}\n`);
    steps.push(generate(root, ['--yes', '--skip-git', '--skip-install']));
    steps.push(generate(root, ['resource', 'book', '--yes', '--fields', 'title:string']));
    steps.push(npmInstall(root));
    const path = join(cwd, 'old.sqlite');
    const applied = () => query(root, 'sqlite', path, 'select name from kysely_migration order by name').map((row) => row['name']);
    steps.push(step(root, 'npm', ['run', 'migrate'], { DATABASE_PATH: path }));
    expect(applied()).toEqual(['0001_create_items', '0001f_create_idempotency_keys', '0002_create_books']);
    steps.push(generate(root, ['accounts', '--yes']));
    steps.push(generate(root, ['resource', 'author', '--yes', '--fields', 'name:string']));
    steps.push(npmInstall(root));
    // The accounts migrations sort before 0002_create_books, which ran already: the migrator runs them late.
    steps.push(step(root, 'npm', ['run', 'migrate'], { DATABASE_PATH: path }));
    expect(applied()).toEqual([
      '0001_create_items', '0001b_create_accounts', '0001d_index_owner_lists', '0001f_create_idempotency_keys', '0001g_account_email', '0001h_account_totp',
      '0001i_account_sessions', '0002_create_books', '0003_create_authors',
    ]);
    expect(Object.keys(JSON.parse(readFileSync(join(root, '.yo-rc.json'), 'utf8'))['generator-secure-ts'])).not.toContain('migrations');
    steps.push(npm(root, 'run', 'typecheck'));
    steps.push(npm(root, 'run', 'lint'));
    steps.push(step(root, 'npm', ['test'], { ...redisService.env, SECURE_TS_REQUIRE_SERVICES: '1' }));
    console.log(`legacy: ${steps.map((s) => `${s.step.split(' ').slice(0, 3).join(' ')} ${s.seconds.toFixed(1)}s`).join(' | ')}`);
  }, 900_000);
});
