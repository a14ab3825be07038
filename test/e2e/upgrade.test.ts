/**
 * A project that grows by sub-commands keeps every migration its database applied and applies
 * what each command adds after them: generated without accounts, with a resource, migrated, then
 * given accounts, uploads and another resource, and migrated again on the same database. The
 * items made before accounts stay there, owned by nobody; the project then passes its own
 * typecheck, lint and tests as a fresh one does.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, npm, npmInstall, step, workDir, type StepResult } from '../support/project.ts';
import { reachable, redisService, servicesRequired } from '../support/services.ts';

/** Runs SQL on the SQLite file with Node's own driver and returns the rows as JSON. */
function sqlite(path: string, sql: string): unknown[] {
  const script = `const { DatabaseSync } = require('node:sqlite'); const db = new DatabaseSync(process.argv[1]); process.stdout.write(JSON.stringify(db.prepare(process.argv[2]).all())); db.close();`;
  const run = spawnSync(process.execPath, ['--no-warnings', '-e', script, path, sql], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as unknown[];
}

describe('a project upgraded by sub-commands', () => {
  it('applies what accounts, uploads and a resource add after the migrations already applied, keeps the old items ownerless, and passes its own checks', async (ctx) => {
    if (!(await reachable(redisService))) {
      if (servicesRequired) throw new Error(`${redisService.name} is not reachable`);
      ctx.skip(`${redisService.name} is not reachable`);
    }
    const cwd = workDir('upgrade');
    const root = join(cwd, 'grown');
    const database = { DATABASE_PATH: join(cwd, 'grown.sqlite') };
    const steps: StepResult[] = [];
    steps.push(generate(cwd, ['grown', '--yes', '--skip-git', '--skip-install', '--framework', 'express', '--database', 'sqlite', '--no-accounts']));
    steps.push(generate(root, ['resource', 'book', '--yes', '--fields', 'title:string']));
    steps.push(npmInstall(root));
    steps.push(step(root, 'npm', ['run', 'migrate'], database));
    const applied = () => (sqlite(database.DATABASE_PATH, 'select name from kysely_migration order by name') as { name: string }[]).map((row) => row.name);
    expect(applied()).toEqual(['0001_create_items', '0002_create_idempotency_keys', '0003_create_books']);
    sqlite(database.DATABASE_PATH, "insert into items (id, name, description, created_at, updated_at) values ('00000000-0000-4000-8000-000000000001', 'before accounts', null, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z') returning id");

    steps.push(generate(root, ['accounts', '--yes']));
    steps.push(generate(root, ['files', '--yes']));
    steps.push(generate(root, ['resource', 'author', '--yes', '--fields', 'name:string']));
    steps.push(npmInstall(root));
    steps.push(step(root, 'npm', ['run', 'migrate'], database));
    const recorded = JSON.parse(readFileSync(join(root, '.yo-rc.json'), 'utf8'))['generator-secure-ts'].migrations as string[];
    expect(recorded).toEqual([
      '0001_create_items', '0002_create_idempotency_keys', '0003_create_books', '0004_create_accounts', '0005_account_email', '0006_account_totp',
      '0007_account_sessions', '0008_add_items_owner', '0009_create_files', '0010_create_authors',
    ]);
    expect(applied()).toEqual(recorded);
    // The item made before accounts is still there and belongs to nobody.
    expect(sqlite(database.DATABASE_PATH, 'select name, owner_id from items')).toEqual([{ name: 'before accounts', owner_id: null }]);

    const env = { ...redisService.env, SECURE_TS_REQUIRE_SERVICES: '1' };
    steps.push(npm(root, 'run', 'typecheck'));
    steps.push(npm(root, 'run', 'lint'));
    steps.push(step(root, 'npm', ['test'], env));
    console.log(`upgrade: ${steps.map((s) => `${s.step.split(' ').slice(0, 3).join(' ')} ${s.seconds.toFixed(1)}s`).join(' | ')}`);
  }, 900_000);
});
