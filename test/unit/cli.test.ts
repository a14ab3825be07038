import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ciProviders, databases, frameworks, hashings } from '../../generators/shared/choices.ts';
import { hostileValues } from '../support/hostile.ts';
import { cliEntry } from '../support/run.ts';

function cli(args: string[], cwd = mkdtempSync(join(tmpdir(), 'secure-ts-cli-'))) {
  const run = spawnSync(process.execPath, [cliEntry, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { ...run, cwd };
}

describe('the secure-ts CLI', () => {
  it('--help lists every option with its choices and default', () => {
    const { stdout, status } = cli(['--help']);
    expect(status).toBe(0);
    for (const flag of ['--framework', '--database', '--hashing', '--ci', '--description', '--yes', '--skip-install', '--skip-git', '--force', '--version']) {
      expect(stdout).toContain(flag);
    }
    expect(stdout).toContain(`(${frameworks.join(' | ')}; default express)`);
    expect(stdout).toContain(`(${databases.join(' | ')}; default sqlite)`);
    expect(stdout).toContain(`(${hashings.join(' | ')}; default argon2id)`);
    expect(stdout).toContain(`(${ciProviders.join(' | ')}; default github)`);
  });

  it('--version prints the package version', () => {
    const { stdout, status } = cli(['--version']);
    expect(status).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/u);
  });

  it.each([
    [['x', '--framework', 'koa', '--yes'], /--framework must be one of: express \(got "koa"\)/u],
    [['x', '--database', 'mongo', '--yes'], /--database must be one of: sqlite/u],
    [['x', '--frame', 'express'], /Unknown option '--frame'/u],
    [['x', 'y', '--yes'], /expected one project name, got 2/u],
    [['../evil', '--yes'], /project name/u],
    [['x'], /no terminal to ask questions on: pass --yes/u],
  ])('refuses %j with one clear line, exit code 2, nothing written', (args, message) => {
    const run = cli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(readdirSync(run.cwd)).toEqual([]);
  });

  it('refuses every hostile project name that is not a valid npm name, and writes only ./<name> for the valid ones', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'secure-ts-cli-'));
    for (const value of hostileValues.filter((v) => !v.includes('\u0000') && v.length < 5000)) {
      const asName = cli([value, '--yes', '--skip-install', '--skip-git'], cwd);
      // Either refused (exit 2) or a valid name that generates into ./<value> only.
      if (asName.status === 2) expect(asName.stderr, JSON.stringify(value)).toMatch(/project name|Unknown option|unexpected argument/u);
      else expect(asName.status, JSON.stringify(value) + asName.stderr).toBe(0);
    }
    for (const entry of readdirSync(cwd)) expect(hostileValues).toContain(entry);
  }, 120_000);

  it('generates the default project non-interactively with --yes', () => {
    const run = cli(['cli-made', '--yes', '--skip-install', '--skip-git']);
    expect(run.status, run.stderr).toBe(0);
    // Yeoman's adapter writes progress to stderr, like yo itself.
    expect(run.stdout + run.stderr).toContain('Next steps');
    expect(run.stderr).toMatch(/create cli-made\/package\.json/u);
    expect(readdirSync(join(run.cwd, 'cli-made'))).toContain('package.json');
  });
});
