import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databases, frameworks } from '../../generators/shared/choices.ts';
import { label, matrix } from '../matrix.ts';
import { listFiles, runApp } from '../support/run.ts';
import { tempDir } from '../support/temp.ts';

// yeoman-test passes force: true by default; our --force has a meaning of its own, so tests say false.
const base = { yes: true, skipInstall: true, skipGit: true, deterministic: true, force: false };

describe('app generator', () => {
  it('asks for name, framework and database and writes the project into ./<name>', async () => {
    const result = await runApp().withAnswers({ name: 'answered-api', framework: 'express', database: 'sqlite' }).withOptions({ skipInstall: true, skipGit: true });
    const root = join(result.cwd, 'answered-api');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.name).toBe('answered-api');
    expect(pkg.private).toBe(true);
    const stored = JSON.parse(readFileSync(join(root, '.yo-rc.json'), 'utf8'))['generator-secure-ts'];
    expect(stored).toMatchObject({ name: 'answered-api', framework: 'express', database: 'sqlite', hashing: 'argon2id' });
  });

  it('pins every dependency of the generated project to an exact version', async () => {
    const result = await runApp().withArguments(['pinned']).withOptions(base);
    const pkg = JSON.parse(readFileSync(join(result.cwd, 'pinned', 'package.json'), 'utf8'));
    const all = { ...pkg.dependencies, ...pkg.devDependencies } as Record<string, string>;
    expect(Object.keys(all).length).toBeGreaterThan(5);
    for (const [name, version] of Object.entries(all)) expect(version, name).toMatch(/^\d+\.\d+\.\d+$/u);
  });

  it('keeps secrets out of .yo-rc.json and .env.example, and gitignores .env', async () => {
    const result = await runApp().withArguments(['secrets']).withOptions({ ...base, deterministic: false });
    const root = join(result.cwd, 'secrets');
    const env = readFileSync(join(root, '.env'), 'utf8');
    const secret = /^APP_SECRET=(.+)$/mu.exec(env)?.[1];
    expect(secret?.length).toBeGreaterThanOrEqual(43);
    expect(readFileSync(join(root, '.yo-rc.json'), 'utf8')).not.toContain(secret);
    expect(readFileSync(join(root, '.env.example'), 'utf8')).not.toContain(secret);
    expect(readFileSync(join(root, '.gitignore'), 'utf8')).toMatch(/^\.env$/mu);
  });

  it('writes .env owner-only (0600), and makes it so again on a re-run', async () => {
    // A folder of our own: yeoman-test removes its temporary folders between runs.
    const own = mkdtempSync(join(tmpdir(), 'secure-ts-env-mode-'));
    await runApp().withArguments(['private']).withOptions({ ...base, deterministic: false }).inDir(own);
    const root = join(own, 'private');
    const env = join(root, '.env');
    expect(statSync(env).mode & 0o777).toBe(0o600);
    const secret = readFileSync(env, 'utf8');
    chmodSync(env, 0o644); // as an older generator left it
    await runApp().withOptions({ skipInstall: true, skipGit: true }).cd(root);
    expect(statSync(env).mode & 0o777).toBe(0o600);
    expect(readFileSync(env, 'utf8')).toBe(secret); // never re-rendered: the secret stays
    rmSync(own, { recursive: true, force: true });
  });

  it('writes a fresh random secret for every project', async () => {
    // Read each before the next run: yeoman-test removes the previous run's temporary folder.
    const a = await runApp().withArguments(['one']).withOptions({ ...base, deterministic: false });
    const first = readFileSync(join(a.cwd, 'one', '.env'), 'utf8');
    const b = await runApp().withArguments(['one']).withOptions({ ...base, deterministic: false });
    expect(readFileSync(join(b.cwd, 'one', '.env'), 'utf8')).not.toBe(first);
  });

  it.each([
    [{ framework: 'koa' }, new RegExp(`--framework must be one of: ${frameworks.join(', ')} \\(got "koa"\\)`, 'u')],
    [{ database: 'oracle' }, new RegExp(`--database must be one of: ${databases.join(', ')} \\(got "oracle"\\)`, 'u')],
    [{ hashing: 'md5' }, /--hashing must be one of: argon2id, scrypt \(got/u],
    [{ ci: 'jenkins' }, /--ci must be one of: github, gitlab, none/u],
  ])('refuses %o with a message naming the option and its choices, writing nothing', async (flags, message) => {
    const context = runApp().withArguments(['refused']).withOptions({ ...base, ...flags });
    await expect(context).rejects.toThrow(message);
    expect(readdirSync(context.targetDirectory!)).toEqual([]);
  });

  it('refuses a target folder that is not empty, and keeps its files', async () => {
    const context = runApp()
      .withArguments(['taken'])
      .withOptions(base)
      .inTmpDir((dir) => {
        mkdirSync(join(dir, 'taken'));
        writeFileSync(join(dir, 'taken', 'notes.txt'), 'mine');
      });
    await expect(context).rejects.toThrow(/taken is not empty: choose another name, empty it, or pass --force/u);
    expect(readdirSync(join(context.targetDirectory!, 'taken'))).toEqual(['notes.txt']);
  });

  it('generates into a non-empty folder only with --force, keeping unrelated files', async () => {
    const result = await runApp()
      .withArguments(['forced'])
      .withOptions({ ...base, force: true })
      .inTmpDir((dir) => {
        mkdirSync(join(dir, 'forced'));
        writeFileSync(join(dir, 'forced', 'notes.txt'), 'mine');
      });
    expect(readFileSync(join(result.cwd, 'forced', 'notes.txt'), 'utf8')).toBe('mine');
    expect(existsSync(join(result.cwd, 'forced', 'package.json'))).toBe(true);
  });

  it('refuses a hand-edited .yo-rc.json with an invalid value, naming it', async () => {
    const context = runApp()
      .withOptions(base)
      .inTmpDir((dir) => {
        writeFileSync(join(dir, '.yo-rc.json'), JSON.stringify({ 'generator-secure-ts': { name: 'edited', framework: 'rails', database: 'sqlite', hashing: 'argon2id', ci: 'github', description: 'x', generatorVersion: '0.1.0' } }));
      });
    await expect(context).rejects.toThrow(`.yo-rc.json: --framework must be one of: ${frameworks.join(', ')} (got "rails")`);
  });

  it('refuses a misspelt key in a hand-edited .yo-rc.json, naming the key it meant', async () => {
    const context = runApp()
      .withOptions(base)
      .inTmpDir((dir) => {
        writeFileSync(join(dir, '.yo-rc.json'), JSON.stringify({ 'generator-secure-ts': { name: 'edited', framwork: 'hono', database: 'sqlite', hashing: 'argon2id', ci: 'github', description: 'x', generatorVersion: '0.1.0' } }));
      });
    await expect(context).rejects.toThrow('.yo-rc.json: unknown key "framwork" (did you mean "framework"?)');
  });

  it('re-running inside a generated project changes nothing and asks nothing', async () => {
    // A folder of our own: yeoman-test removes its temporary folders between runs.
    const own = tempDir('rerun');
    await runApp().withArguments(['again']).withOptions(base).inDir(own);
    const root = join(own, 'again');
    const before = Object.fromEntries(listFiles(root).map((f) => [f, readFileSync(join(root, f), 'utf8')]));
    const second = await runApp().withOptions({ skipInstall: true, skipGit: true, deterministic: true }).cd(root);
    expect(second.cwd).toBe(root);
    const after = Object.fromEntries(listFiles(root).map((f) => [f, readFileSync(join(root, f), 'utf8')]));
    expect(after).toEqual(before);
  });

  it.each(frameworks)('with --database none on %s emits no database code, dependency, variable or script', async (framework) => {
    const result = await runApp().withArguments(['nodb']).withOptions({ ...base, framework, database: 'none', docker: true });
    const root = join(result.cwd, 'nodb');
    const files = listFiles(root);
    // test/helpers/tcp-proxy.ts stays: the Redis outage tests use it, and Redis is for every project.
    expect(files.filter((f) => /^(src|test)\/db\/|migrat|no-unsafe-sql|helpers\/database/u.test(f))).toEqual([]);
    // The example resource stays, in memory, so the attack suite still has something to attack.
    expect(files).toEqual(expect.arrayContaining(['src/resources/items/repository.ts', 'test/security/sql-injection.test.ts', 'test/resources/memory-store.test.ts']));
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const deps = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
    for (const driver of ['kysely', 'pg', '@types/pg', 'mysql2']) expect(deps).not.toContain(driver);
    // Counters shared across instances are independent of the database: Redis is offered here too.
    expect(deps).toContain('ioredis');
    expect(files).toEqual(expect.arrayContaining(['src/security/counter-store.ts', 'test/redis/shared-rate-limit.test.ts', 'test/redis/outage.test.ts', 'test/helpers/tcp-proxy.ts']));
    expect(pkg.scripts).not.toHaveProperty('migrate');
    const read = (f: string) => readFileSync(join(root, f), 'utf8');
    for (const f of ['.env.example', '.env', 'README.md', '.github/workflows/ci.yml', 'compose.yaml', 'Dockerfile', 'src/config/env.ts']) {
      expect(read(f), f).not.toMatch(/DATABASE_(URL|PATH)/u);
    }
    for (const f of ['src/server.ts', 'src/context.ts', 'src/errors/problem.ts', 'test/helpers/app.ts']) {
      expect(read(f), f).not.toMatch(/database|\bdb\b|kysely/iu);
    }
    expect(read('src/resources/items/repository.ts')).not.toMatch(/kysely|sql/iu);
    expect(read('README.md')).toMatch(/not persistent/u);
  });

  it.each(matrix.map((c) => [label(c), c] as const))('emits the expected files for %s', async (_label, combination) => {
    const result = await runApp().withArguments(['files']).withOptions({ ...base, ...combination });
    expect(listFiles(join(result.cwd, 'files'))).toMatchSnapshot();
  });
});
