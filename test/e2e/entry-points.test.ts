/**
 * The two ways people start: `npx generator-secure-ts my-api` (our root-safe CLI, from the packed
 * tarball as npm would install it) and `yo secure-ts my-api` run by an unprivileged user (yo refuses
 * root). Both must produce a project whose own tests pass.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, readdirSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/run.ts';
import { npmInstall, step, workDir } from '../support/project.ts';
import { reachable, redisService, servicesRequired } from '../support/services.ts';

const yoVersion = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies['yo']!;
const user = 'secure-ts-e2e';
let tarball = '';
let sandbox = '';

beforeAll(() => {
  sandbox = workDir('entry');
  chmodSync(sandbox, 0o755);
  // The run's own temp directory (test/support/temp-root.ts) is 0700: the unprivileged yo user
  // must be able to pass through it to the sandbox.
  chmodSync(dirname(sandbox), 0o711);
  step(repoRoot, 'npm', ['pack', '--pack-destination', sandbox, '--silent']);
  tarball = join(sandbox, readdirSync(sandbox).find((f) => f.endsWith('.tgz'))!);
}, 300_000);

/**
 * The generated project's Redis tests run against this machine's Redis when it has one (and must,
 * when services are required, as in CI); without it they skip with the reason.
 */
async function redisEnv(): Promise<Readonly<Record<string, string>>> {
  if (await reachable(redisService)) return redisService.env;
  if (servicesRequired) throw new Error(`${redisService.name} is not reachable on ${redisService.host}:${String(redisService.port)} (start it: ${redisService.start})`);
  return {};
}

/**
 * A step that resolves the packed generator's dependencies from the registry (a tarball has no
 * lockfile). Once, at 10:04 on 2026-12-03, npm answered ETARGET (no matching version) for
 * `@inquirer/core@^12.1.1`, and the same command passed eight minutes later: a registry failure
 * is retried once, fetching fresh metadata; any other failure is the test's.
 */
function registryStep(cwd: string, command: string, args: string[]): void {
  try {
    step(cwd, command, args);
  } catch (error) {
    if (!/npm error code (?:ETARGET|ECONNRESET|ETIMEDOUT|EAI_AGAIN|E5\d\d)\b/u.test(String(error))) throw error;
    console.log(`registry failure, retrying once with fresh metadata: ${String(error).split('\n')[0] ?? ''}`);
    step(cwd, command, args.map((arg) => (arg === '--prefer-offline' ? '--prefer-online' : arg)), { npm_config_prefer_online: 'true' });
  }
}

describe('entry points', () => {
  it('npx generator-secure-ts <name> generates a project whose own tests pass', async () => {
    const cwd = join(sandbox, 'npx');
    mkdirSync(cwd);
    registryStep(cwd, 'npx', ['--yes', `--package=${tarball}`, '--', 'generator-secure-ts', 'npx-made', '--yes', '--skip-git']);
    step(join(cwd, 'npx-made'), 'npm', ['test'], await redisEnv());
  }, 900_000);

  it('yo secure-ts <name> works for an unprivileged user and the project passes its tests', async () => {
    const isRoot = process.getuid?.() === 0;
    // yo lives where the unprivileged user can read it: a prefix inside the sandbox, with a copy of
    // this node binary (root's home, where Node 24 is installed, is not readable by others).
    const prefix = join(sandbox, 'prefix');
    const bin = join(sandbox, 'bin');
    mkdirSync(bin);
    copyFileSync(realpathSync(process.execPath), join(bin, 'node'));
    chmodSync(join(bin, 'node'), 0o755);
    registryStep(sandbox, 'npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--prefer-offline', `yo@${yoVersion}`, tarball]);
    const cwd = join(sandbox, 'yo');
    mkdirSync(cwd);
    const env = {
      HOME: join(sandbox, 'home'),
      PATH: `${bin}:${join(prefix, 'node_modules', '.bin')}:/usr/bin:/bin`,
      NODE_PATH: join(prefix, 'node_modules'),
    };
    mkdirSync(env.HOME);
    const yo = ['yo', 'secure-ts', 'yo-made', '--yes', '--skip-install', '--skip-git', '--no-insight'];
    // The user's environment is set inside runuser, so runuser itself is found on root's PATH.
    const asUser = (args: string[]): [string, string[], NodeJS.ProcessEnv] => isRoot
      ? ['runuser', ['-u', user, '--', 'env', '-i', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), ...args], {}]
      : [args[0]!, args.slice(1), env];
    if (isRoot) {
      if (spawnSync('id', ['-u', user]).status !== 0) step(sandbox, 'useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', user]);
      step(sandbox, 'chown', ['-R', `${user}:`, sandbox]);
    }
    // yo refuses an unknown flag and a bad value exactly as the CLI does: same message, exit code 2, nothing written.
    for (const [bad, message] of [
      [['--framwork', 'express'], 'unknown option --framwork: did you mean --framework? (see --help)'],
      [['--framework', 'koa'], '--framework must be one of: express, fastify, hono (got "koa")'],
    ] as const) {
      const [command, args, extra] = asUser(['yo', 'secure-ts', 'yo-bad', ...bad, '--yes', '--skip-install', '--skip-git', '--no-insight']);
      const refused = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...extra } });
      expect(refused.status, `${refused.stdout}\n${refused.stderr}`).toBe(2);
      expect(refused.stderr).toContain(message);
      expect(readdirSync(cwd)).toEqual([]);
    }
    const [command, args, extra] = asUser(yo);
    step(cwd, command, args, extra);
    const root = join(cwd, 'yo-made');
    const stored = JSON.parse(readFileSync(join(root, '.yo-rc.json'), 'utf8'))['generator-secure-ts'];
    expect(stored).toMatchObject({ name: 'yo-made', framework: 'express', database: 'sqlite' });
    // Installing and testing need npm, which lives with root's Node: run those as the invoking user.
    npmInstall(root);
    step(root, 'npm', ['test'], await redisEnv());
  }, 900_000);
});
