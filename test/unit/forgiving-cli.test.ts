/**
 * The first minutes with the CLI: a slip is refused with the nearest real word, nothing written;
 * `yo secure-ts` refuses what the CLI refuses with the same message and exit code; a folder that is
 * taken is refused at the name prompt; an old Node, a failed install and Ctrl-C each end in one
 * readable line.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeTooOld } from '../../bin/node-version.ts';
import { appOptions } from '../../generators/app/options.ts';
import { newProject } from '../../generators/shared/plan.ts';
import { nameQuestion } from '../../generators/shared/project.ts';
import { renderText } from '../../generators/shared/render.ts';
import { closest, editDistance } from '../../generators/shared/suggest.ts';
import { cliEntry, repoRoot, runApp } from '../support/run.ts';
import { tempDir } from '../support/temp.ts';

function cli(args: string[], { cwd = tempDir('cli'), env = {} }: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const run = spawnSync(process.execPath, [cliEntry, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  return { ...run, cwd };
}

describe('a mistyped sub-command', () => {
  it.each([
    [['doker', '--yes'], 'docker'],
    [['ressource', 'book'], 'resource'],
    [['acounts'], 'accounts'],
    [['audti'], 'audit'],
    [['--skip-git', 'fils', '--yes'], 'files'],
  ])('%j is refused with "did you mean %s?", exit code 2, nothing written', (args, command) => {
    const run = cli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`did you mean ${command}?`);
    expect(run.stderr).toMatch(/put the name after --/u);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(readdirSync(run.cwd)).toEqual([]);
  });

  it('a project really named like a command is made when the name comes after --', () => {
    const run = cli(['--yes', '--skip-install', '--skip-git', '--', 'doker']);
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(join(run.cwd, 'doker', 'package.json'))).toBe(true);
  });

  it('a name that is not close to a command is a project name, as before', () => {
    expect(closest('my-api', ['docker', 'resource', 'accounts', 'audit', 'files', 'views', 'ci'])).toBeUndefined();
    expect(closest('co', ['ci'])).toBeUndefined();
    expect(closest('dockers', ['docker'])).toBe('docker');
    expect(editDistance('audti', 'audit')).toBe(1); // a swap is one slip, not two
  });
});

describe('unknown flags and values get the nearest valid one', () => {
  it.each([
    [['x', '--framwork', 'express', '--yes'], 'unknown option --framwork: did you mean --framework? (see --help)'],
    [['x', '--no-dokcer', '--yes'], 'unknown option --no-dokcer: did you mean --no-docker? (see --help)'],
    [['x', '--framework', 'expres', '--yes'], '--framework must be one of: express, fastify, hono (got "expres"; did you mean express?)'],
    [['x', '--database', 'postgress', '--yes'], '(got "postgress"; did you mean postgres?)'],
    [['ci', '--provder', 'gitlab'], 'unknown option --provder: did you mean --provider? (see --help)'],
  ])('%j → %s, exit code 2, nothing written', (args, message) => {
    const run = cli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(readdirSync(run.cwd)).toEqual([]);
  });
});

describe('the generator refuses exactly what the CLI refuses (yo secure-ts)', () => {
  it.each([
    [{ framwork: 'express' }, ['--framwork', 'express']],
    [{ 'no-dokcer': true }, ['--no-dokcer']],
    [{ framework: 'expres' }, ['--framework', 'expres']],
  ])('options %j: the same message as the CLI, and code 2 (what yo exits with)', async (options, args) => {
    const fromCli = cli(['x', ...args, '--yes']);
    const message = fromCli.stderr.trim().replace(/^generator-secure-ts: /u, '');
    const cwd = tempDir('yo');
    const error = await runApp().withArguments(['x']).withOptions({ yes: true, skipInstall: true, skipGit: true, ...options }).inDir(cwd).then(
      () => undefined,
      (e: unknown) => e as Error & { code?: unknown },
    );
    expect(error?.message).toBe(message);
    expect(error?.code).toBe(2);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('the name prompt', () => {
  it('refuses a folder that exists and is not empty as the name is typed, and accepts an empty or new one', () => {
    const cwd = tempDir('prompt');
    mkdirSync(join(cwd, 'taken'));
    writeFileSync(join(cwd, 'taken', 'notes.txt'), 'mine\n');
    mkdirSync(join(cwd, 'empty'));
    const validate = nameQuestion(cwd, false)['validate'] as (value: unknown) => true | string;
    expect(validate('taken')).toMatch(/taken is not empty: choose another name/u);
    expect(validate('empty')).toBe(true);
    expect(validate('new-one')).toBe(true);
    expect(validate('Bad Name')).toMatch(/npm package-name rules/u);
    expect((nameQuestion(cwd, true)['validate'] as (value: unknown) => true | string)('taken')).toBe(true);
  });
});

describe('an old Node', () => {
  it('is refused with the version needed, for the range package.json declares', () => {
    expect(nodeTooOld('20.20.2', '>=24.11')).toMatch(/^Node\.js 24\.11\.0 or newer is needed \(this is 20\.20\.2\); nothing was written/u);
    expect(nodeTooOld('24.10.0', '>=24.11')).toMatch(/24\.11\.0 or newer/u);
    expect(nodeTooOld('24.11.0', '>=24.11')).toBeUndefined();
    expect(nodeTooOld('25.0.0', '>=24.11')).toBeUndefined();
  });

  // The machine's own Node (Debian's, 20 here) runs the real entry point: refused before anything loads.
  const old = ['/usr/bin/node', '/usr/local/bin/node'].find((path) => {
    if (!existsSync(path)) return false;
    const version = spawnSync(path, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim();
    return nodeTooOld(version, '>=24.11') !== undefined;
  });
  it(`an older node binary (${old ?? 'none on this machine'}) running the CLI writes nothing and exits 2`, () => {
    if (old === undefined) return;
    const cwd = tempDir('old-node');
    const run = spawnSync(old, [cliEntry, 'x', '--yes'], { cwd, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Node\.js 24\.11\.0 or newer is needed/u);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('an install failure', () => {
  it('shows its real cause', () => {
    const bin = tempDir('fake-npm');
    writeFileSync(join(bin, 'npm'), '#!/bin/sh\necho "npm error code E418 teapot" >&2\nexit 7\n');
    chmodSync(join(bin, 'npm'), 0o755);
    const run = cli(['broken', '--yes', '--skip-git'], { env: { PATH: `${bin}:${process.env['PATH'] ?? ''}` } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('npm error code E418 teapot');
    expect(run.stderr).toMatch(/npm install failed in .*broken \(Command failed with exit code 7: npm install/u);
  });
});

describe('Ctrl-C at a prompt', () => {
  it('prints "cancelled, nothing written" and exits 130', async () => {
    const cwd = tempDir('ctrl-c');
    // A real terminal (util-linux `script`), as a person has: the CLI asks only on a TTY.
    const child = spawn('script', ['--quiet', '--return', '--command', `${process.execPath} ${cliEntry}`, '/dev/null'], {
      cwd, env: { ...process.env, TERM: 'dumb' }, stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    const asked = new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Project name')) resolve();
      });
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await asked;
    child.stdin.write('\u0003');
    expect(await exited).toBe(130);
    expect(output).toContain('cancelled, nothing written');
    expect(output).not.toMatch(/unexpected failure|ExitPromptError| {4}at /u);
    expect(readdirSync(cwd)).toEqual([]);
  }, 60_000);
});

it('the repository ships the generator with a license, its repository, and builds on pack rather than on every install', async () => {
  const { readFileSync } = await import('node:fs');
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    engines: unknown; scripts: Record<string, string>; repository: { url: string };
  };
  expect(pkg.engines).toEqual({ node: '>=24.11' });
  expect(pkg.scripts['prepack']).toBe('npm run build');
  expect(pkg.scripts['prepare']).toBeUndefined();
  expect(pkg.repository.url).toMatch(/^git\+https:\/\//u);
  expect(readFileSync(join(repoRoot, 'LICENSE'), 'utf8')).toMatch(/^MIT License/u);
});

describe('quiet output for files that did not change', () => {
  it('a fresh project through Yeoman says create .yo-rc.json, not force', () => {
    const cwd = tempDir('fresh');
    mkdirSync(join(cwd, 'fresh'));
    writeFileSync(join(cwd, 'fresh', 'keep.txt'), 'mine\n'); // --force into a non-empty folder goes through Yeoman
    const run = cli(['fresh', '--yes', '--skip-install', '--skip-git', '--force'], { cwd });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/create fresh\/\.yo-rc\.json/u);
    expect(run.stderr).not.toMatch(/force fresh\/\.yo-rc\.json/u);
  });

  it('a no-op re-run prints a count instead of one identical line per file, and skips an install that changes nothing', () => {
    const made = cli(['again', '--yes', '--skip-install', '--skip-git']);
    expect(made.status, made.stderr).toBe(0);
    const root = join(made.cwd, 'again');
    mkdirSync(join(root, 'node_modules'));
    // An npm that fails: the re-run must not call it.
    const bin = tempDir('no-npm');
    writeFileSync(join(bin, 'npm'), '#!/bin/sh\necho "npm was called" >&2\nexit 1\n');
    chmodSync(join(bin, 'npm'), 0o755);
    const run = cli(['--yes', '--skip-git'], { cwd: root, env: { PATH: `${bin}:${process.env['PATH'] ?? ''}` } });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/identical/u);
    expect(run.stderr).toMatch(/\d{2,} files unchanged/u);
    expect(run.stderr).toContain('Dependencies unchanged: npm install skipped.');
    expect(run.stderr).not.toContain('npm was called');
  });
});

describe('accurate text', () => {
  const readme = (database: string) => renderText('base/README.md.ejs', 'README.md', newProject({ database }, true).ctx).contents;

  it('the generated README adds a resource with `resource` and checks it with `audit`, not by copying items/', () => {
    const withDb = readme('sqlite');
    expect(withDb).toContain('npx generator-secure-ts resource book --fields');
    expect(withDb).toContain('npx generator-secure-ts audit');
    expect(withDb).not.toContain('src/openapi/document.ts');
    // Without a database `resource` refuses, so the README says so rather than advertising it.
    expect(readme('none')).toMatch(/`npx generator-secure-ts resource` needs a database/u);
  });

  it('the framework hints name only what the project uses as a whole (Express uses helpers of express-rate-limit, not its middleware)', () => {
    const framework = appOptions.find((spec) => spec.name === 'framework');
    expect(framework?.kind === 'choice' ? framework.hints?.express : undefined).not.toMatch(/express-rate-limit/u);
  });
});
