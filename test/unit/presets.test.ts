/**
 * Team presets: answers, locks and policy. A locked option cannot be changed by a flag (either
 * entry point), a prompt or a later sub-generator; an invalid preset is refused with one line
 * naming the key, exit code 2, nothing written; the preset's name and sha256 are recorded.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import helpers from 'yeoman-test';
import { describe, expect, it } from 'vitest';
import type CiGenerator from '../../generators/ci/generator.ts';
import { databases } from '../../generators/shared/choices.ts';
import { cliEntry, listFiles, repoRoot, runApp } from '../support/run.ts';
import { stored } from '../support/stored.ts';
import { tempDir } from '../support/temp.ts';

const base = { yes: true, skipInstall: true, skipGit: true, deterministic: true, force: false };
/** Sub-generators take no --skip-git (the CLI refuses it for them too). */
const subBase = { yes: true, skipInstall: true, deterministic: true, force: false };
const cliBase = ['--yes', '--skip-install', '--skip-git', '--deterministic'];
const examplePreset = join(repoRoot, 'presets', 'example-team.json');


function cli(args: string[], cwd: string) {
  return spawnSync(process.execPath, [cliEntry, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A preset file in a fresh folder; returns [folder, path]. */
function presetFile(content: unknown): [string, string] {
  const dir = tempDir('preset');
  const path = join(dir, 'team.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return [dir, path];
}


const strict = {
  name: 'acme',
  answers: { framework: 'express', ci: 'github', docker: false },
  locked: ['framework', 'ci', 'docker'],
  policy: { databases: ['sqlite', 'postgres'], rateLimitMax: 2000 },
};

describe('--preset', () => {
  it('answers the options it sets, records its name and sha256, and the resolved policy', () => {
    const cwd = tempDir('preset');
    const run = cli(['team-api', ...cliBase, '--preset', examplePreset], cwd);
    expect(run.status, run.stderr).toBe(0);
    const root = join(cwd, 'team-api');
    const config = stored(root);
    expect(config).toMatchObject({ framework: 'fastify', database: 'postgres', ci: 'github', docker: true });
    expect(config.preset).toEqual({
      name: 'example-team',
      sha256: createHash('sha256').update(readFileSync(examplePreset)).digest('hex'),
      locked: { ci: 'github' },
    });
    expect(config.policy).toMatchObject({ databases: ['postgres', 'sqlite'], argon2MemoryKiB: 47104, passwordMinLength: 15, rateLimitMax: 1000 });
    // The rate-limit ceiling reaches the generated code: the app refuses a looser RATE_LIMIT_MAX.
    expect(readFileSync(join(root, 'src/config/env.ts'), 'utf8')).toContain('RATE_LIMIT_MAX: integer(1, 1_000, 300),');
    expect(readFileSync(join(root, 'src/config/env.ts'), 'utf8')).toContain('RATE_LIMIT_WINDOW_MS: integer(60_000, 86_400_000, 60_000),');
  });

  it('requireVerifiedEmail reaches the generated code as a value its env validation obeys, and the audit holds it there', () => {
    const [dir, path] = presetFile({ name: 'verified', policy: { requireVerifiedEmail: true } });
    const run = cli(['strict-accounts', ...cliBase, '--preset', path, '--database', 'sqlite'], dir);
    expect(run.status, run.stderr).toBe(0);
    const root = join(dir, 'strict-accounts');
    const config = stored(root);
    expect(config.policy.requireVerifiedEmail).toBe(true);
    const mailEnv = readFileSync(join(root, 'src/accounts/mail-env.ts'), 'utf8');
    // The same code as every project; only the policy value differs.
    expect(mailEnv).toContain('export const ACCOUNTS_POLICY: AccountsPolicy = {\n  requireVerifiedEmail: true,\n};');
    expect(mailEnv).toContain(".default(ACCOUNTS_POLICY.requireVerifiedEmail ? 'true' : 'false')");
    expect(mailEnv).toContain('if (policy.requireVerifiedEmail && !env.ACCOUNTS_REQUIRE_VERIFIED_EMAIL && env.NODE_ENV !== \'test\') {');
    expect(readFileSync(join(root, '.env.example'), 'utf8')).toContain('\nACCOUNTS_REQUIRE_VERIFIED_EMAIL=true\n');
    expect(config.controls.requiredLines['src/accounts/mail-env.ts']).toEqual(['requireVerifiedEmail: true,']);

    const plain = tempDir('preset');
    expect(cli(['lenient', ...cliBase, '--database', 'sqlite'], plain).status).toBe(0);
    const lenient = join(plain, 'lenient');
    expect(readFileSync(join(lenient, 'src/accounts/mail-env.ts'), 'utf8')).toContain('export const ACCOUNTS_POLICY: AccountsPolicy = {\n  requireVerifiedEmail: false,\n};');
    expect(readFileSync(join(lenient, '.env.example'), 'utf8')).toContain('\nACCOUNTS_REQUIRE_VERIFIED_EMAIL=false\n');
    expect(stored(lenient).controls.requiredLines['src/accounts/mail-env.ts']).toBeUndefined();
  });

  it('a project recorded before requireVerifiedEmail existed reads as not requiring it', async () => {
    const { resolvedPolicySchema, defaultPolicy } = await import('../../generators/shared/policy.ts');
    const older = Object.fromEntries(Object.entries(defaultPolicy).filter(([key]) => key !== 'requireVerifiedEmail'));
    expect(resolvedPolicySchema.parse(older).requireVerifiedEmail).toBe(false);
    expect(() => resolvedPolicySchema.parse({ ...older, requireVerifiedEmail: 'yes' })).toThrow();
  });

  it('lets a flag set an option the preset answers but does not lock', () => {
    const cwd = tempDir('preset');
    const run = cli(['team-api', ...cliBase, '--preset', examplePreset, '--database', 'sqlite', '--framework', 'express'], cwd);
    expect(run.status, run.stderr).toBe(0);
    expect(stored(join(cwd, 'team-api'))).toMatchObject({ framework: 'express', database: 'sqlite' });
  });

  it('without a preset, the default project renders the same limits as before (ceiling 1_000_000)', () => {
    const cwd = tempDir('preset');
    expect(cli(['plain', ...cliBase], cwd).status).toBe(0);
    const env = readFileSync(join(cwd, 'plain', 'src/config/env.ts'), 'utf8');
    expect(env).toContain('RATE_LIMIT_MAX: integer(1, 1_000_000, 300),');
    expect(env).toContain('RATE_LIMIT_WINDOW_MS: integer(1_000, 86_400_000, 60_000),');
    expect(stored(join(cwd, 'plain')).preset).toBeUndefined();
  });

  it.each([
    [['--framework', 'hono'], 'rule locked.framework (locked to "express")', '--framework "hono" breaks preset "acme"'],
    [['--ci', 'gitlab'], 'rule locked.ci (locked to "github")', '--ci "gitlab" breaks preset "acme"'],
    [['--docker'], 'rule locked.docker (locked to false)', '--docker breaks preset "acme"'],
    [['--database', 'mysql'], 'rule policy.databases (allowed: sqlite, postgres)', '--database "mysql" breaks preset "acme"'],
  ])('refuses %j against the preset naming %s, on the direct path, exit code 2, nothing written', (flags, rule, start) => {
    const [dir, path] = presetFile(strict);
    const run = cli(['x', ...cliBase, '--preset', path, ...flags], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`generator-secure-ts: ${start} ${rule}\n`);
    expect(readdirSync(dir)).toEqual(['team.json']);
  });

  it('refuses a flag that breaks a locked option on the Yeoman path too, writing nothing', async () => {
    const [, path] = presetFile(strict);
    const context = runApp().withArguments(['x']).withOptions({ ...base, preset: path, ci: 'none' });
    await expect(context).rejects.toThrow('--ci "none" breaks preset "acme" rule locked.ci (locked to "github")');
    expect(readdirSync(context.targetDirectory!)).toEqual([]);
  });

  it('never asks a locked option, and offers only the allowed choices', async () => {
    const [, path] = presetFile({ ...strict, policy: { databases: ['postgres', 'sqlite'] } });
    const result = await runApp()
      .withOptions({ skipInstall: true, skipGit: true, deterministic: true, force: false, preset: path })
      .withAnswers({ name: 'asked', database: 'postgres', framework: 'hono', ci: 'gitlab', docker: true });
    const asked = result.askedQuestions.map((q) => q.name);
    expect(asked).toContain('database');
    expect(asked).not.toContain('framework');
    expect(asked).not.toContain('ci');
    expect(asked).not.toContain('docker');
    // The locked values hold although the (unasked) answers said otherwise.
    expect(stored(join(result.cwd, 'asked'))).toMatchObject({ framework: 'express', ci: 'github', docker: false, database: 'postgres' });
  });

  it('refuses an answer outside the allow-list (answers pass the policy like flags)', async () => {
    const [, path] = presetFile({ name: 'acme', policy: { databases: ['postgres'] } });
    const context = runApp()
      .withOptions({ skipInstall: true, skipGit: true, force: false, preset: path })
      .withAnswers({ name: 'asked', database: 'mysql' });
    await expect(context).rejects.toThrow('the answer to --database "mysql" breaks preset "acme" rule policy.databases (allowed: postgres)');
  });

  it('writes the same bytes on both paths with a preset', async () => {
    const cwd = tempDir('preset');
    expect(cli(['same', ...cliBase, '--preset', examplePreset], cwd).status).toBe(0);
    const result = await runApp().withArguments(['same']).withOptions({ ...base, preset: examplePreset });
    const direct = listFiles(join(cwd, 'same'));
    expect(direct).toEqual(listFiles(join(result.cwd, 'same')));
    for (const file of direct) {
      expect(readFileSync(join(cwd, 'same', file), 'utf8'), file).toBe(readFileSync(join(result.cwd, 'same', file), 'utf8'));
    }
  });

  it("reads a team's shared config package: its package.json `secureTs` key", () => {
    const cwd = tempDir('preset');
    const pkg = join(cwd, 'node_modules', '@acme', 'secure-ts-config');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: '@acme/secure-ts-config', version: '1.0.0', secureTs: { ...strict, name: 'acme-shared' } }));
    const run = cli(['shared', ...cliBase, '--preset', '@acme/secure-ts-config'], cwd);
    expect(run.status, run.stderr).toBe(0);
    expect(stored(join(cwd, 'shared')).preset).toMatchObject({ name: 'acme-shared', locked: { framework: 'express', ci: 'github', docker: false } });
  });
});

describe('an invalid preset is refused with one line naming the rule, exit code 2, nothing written', () => {
  it.each([
    ['an unknown top-level key', { name: 'a', answer: {} }, 'preset team.json: unknown key "answer" (did you mean "answers"?)'],
    ['a misspelt policy key', { name: 'a', policy: { passwordMinLenght: 12 } }, 'preset team.json: policy: unknown key "passwordMinLenght" (did you mean "passwordMinLength"?)'],
    ['a misspelt answer', { name: 'a', answers: { framwork: 'hono' } }, 'preset team.json: answers: unknown key "framwork" (did you mean "framework"?)'],
    ['an unknown policy key', { name: 'a', policy: { bcryptCost: 12 } }, 'preset team.json: policy: unknown key "bcryptCost"'],
    ['an unknown answer', { name: 'a', answers: { orm: 'prisma' } }, 'preset team.json: answers: unknown key "orm"'],
    ['a wrong type', { name: 'a', policy: { rateLimitMax: '100' } }, 'preset team.json: policy.rateLimitMax: must be a whole number (requests per window), got "100"'],
    ['a rate-limit ceiling below the floor', { name: 'a', policy: { rateLimitMax: 100 } }, 'preset team.json: policy.rateLimitMax: must be at least 1000 (requests per window)'],
    ['an argon2 memory below the floor', { name: 'a', policy: { argon2MemoryKiB: 1024 } }, 'preset team.json: policy.argon2MemoryKiB: must be at least 19456 (OWASP floor: 19456 KiB)'],
    ['a password minimum below 8', { name: 'a', policy: { passwordMinLength: 6 } }, 'preset team.json: policy.passwordMinLength: must be at least 8 (ASVS 5.0 V6.2.1 floor: 8)'],
    ['a requireVerifiedEmail that is not a boolean', { name: 'a', policy: { requireVerifiedEmail: 'yes' } }, 'preset team.json: policy.requireVerifiedEmail: must be true or false, got "yes"'],
    ['an unknown framework in an allow-list', { name: 'a', policy: { frameworks: ['koa'] } }, 'preset team.json: policy.frameworks.0: must list only frameworks from: express, fastify, hono (got "koa")'],
    ['an invalid answer', { name: 'a', answers: { database: 'oracle' } }, `preset team.json: answers.database: --database must be one of: ${databases.join(', ')} (got "oracle")`],
    ['a lock without an answer', { name: 'a', locked: ['database'] }, 'preset team.json: locked.0: locks "database" but answers.database gives it no value'],
    ['a lock on an unknown option', { name: 'a', locked: ['orm'] }, 'preset team.json: locked.0: must list only options from: framework, database, description, hashing, ci, packageManager, accounts, uploads, docker, views (got "orm")'],
    ['an answer its own policy forbids', { name: 'a', answers: { database: 'mysql' }, policy: { databases: ['postgres'] } }, 'preset team.json: answers.database: "mysql" is not in policy.databases (postgres)'],
    ['a missing name', { answers: {} }, 'preset team.json: name: must be a string'],
    ['text that is not JSON', '{ "name": ', /^generator-secure-ts: preset team\.json: not valid JSON \(/u],
  ])('%s', (_what, content, message) => {
    const [dir] = presetFile(content);
    const run = cli(['x', ...cliBase, '--preset', 'team.json'], dir);
    expect(run.status).toBe(2);
    if (typeof message === 'string') expect(run.stderr).toBe(`generator-secure-ts: ${message}\n`);
    else expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(readdirSync(dir)).toEqual(['team.json']);
  });

  it('a preset that is not a file', () => {
    const dir = tempDir('preset');
    const run = cli(['x', ...cliBase, '--preset', 'missing.json'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('generator-secure-ts: --preset: missing.json is not a file\n');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('sub-generators obey the policy recorded in .yo-rc.json', () => {
  function generated(preset: unknown): string {
    const [dir, path] = presetFile(preset);
    const run = cli(['svc', ...cliBase, '--preset', path], dir);
    expect(run.status, run.stderr).toBe(0);
    return join(dir, 'svc');
  }
  const snapshot = (root: string) => Object.fromEntries(listFiles(root).map((f) => [f, `${statSync(join(root, f)).size}:${readFileSync(join(root, f), 'utf8')}`]));

  it('`ci --provider gitlab` is refused when the preset locked ci, changing nothing', () => {
    const root = generated(strict);
    const before = snapshot(root);
    const run = cli(['ci', '--provider', 'gitlab', '--yes'], root);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('generator-secure-ts: --provider "gitlab" breaks preset "acme" rule locked.ci (locked to "github")\n');
    expect(snapshot(root)).toEqual(before);
  });

  it('`docker` is refused when the preset locked docker off, changing nothing', () => {
    const root = generated(strict);
    const before = snapshot(root);
    const run = cli(['docker', '--yes'], root);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('generator-secure-ts: secure-ts docker breaks preset "acme" rule locked.docker (locked to false)\n');
    expect(snapshot(root)).toEqual(before);
  });

  it('a sub-generator on the Yeoman path obeys it too', async () => {
    const root = generated(strict);
    const ciGenerator = join(repoRoot, 'dist', 'generators', 'ci', 'index.js');
    const context = helpers.run<CiGenerator>(ciGenerator).withOptions({ ...subBase, provider: 'gitlab' }).cd(root);
    await expect(context).rejects.toThrow('--provider "gitlab" breaks preset "acme" rule locked.ci');
  });

  it('an allowed sub-generator run keeps the preset and policy recorded', () => {
    const root = generated({ name: 'acme', policy: { rateLimitMax: 2000 } });
    expect(cli(['docker', '--yes'], root).status).toBe(0);
    const config = stored(root);
    expect(config.preset.name).toBe('acme');
    expect(config.policy.rateLimitMax).toBe(2000);
    expect(config.controls.pinned).toContain('Dockerfile');
  });
});
