/**
 * `--package-manager pnpm`: the CLI installs with pnpm (its own refusal of install scripts:
 * pnpm-workspace.yaml allows no dependency's build), writes pnpm-lock.yaml, the lockfile-exact install the
 * generated CI and Dockerfile run passes, and the project's own checks and attack tests pass.
 * Needs pnpm on PATH (`npm install -g --prefix $HOME/.local/pnpm pnpm`; .ci/run does it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, step, workDir } from '../support/project.ts';
import { reachable, redisService, servicesRequired } from '../support/services.ts';

const hasPnpm = spawnSync('pnpm', ['--version'], { encoding: 'utf8' }).status === 0;

describe('a project installed with pnpm', () => {
  it('generates and installs with pnpm, passes the frozen-lockfile install CI runs, typechecks, lints and passes its own tests', async (ctx) => {
    if (!hasPnpm) {
      const reason = 'pnpm is not on PATH (npm install -g --prefix $HOME/.local/pnpm pnpm)';
      if (servicesRequired) throw new Error(reason);
      ctx.skip(reason);
    }
    const env: Record<string, string> = (await reachable(redisService)) ? { ...redisService.env, SECURE_TS_REQUIRE_SERVICES: '1' } : {};
    const cwd = workDir('pnpm');
    const root = join(cwd, 'pnpm-made');
    const made = generate(cwd, ['pnpm-made', '--yes', '--skip-git', '--framework', 'hono', '--database', 'sqlite', '--package-manager', 'pnpm']);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { packageManager?: string; pnpm?: unknown };
    // No packageManager field: pnpm would try to manage its own version and refuse the frozen install.
    expect(pkg.packageManager).toBeUndefined();
    // No `pnpm` field either: pnpm 11+ ignores it (with a warning); its settings live in pnpm-workspace.yaml.
    expect(pkg.pnpm).toBeUndefined();
    // pnpm ≥ 11 reads its build policy from pnpm-workspace.yaml: swagger-ui-dist's @scarf/scarf
    // postinstall is denied by name, so the install neither runs it nor stops on it.
    expect(readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')).toMatch(/^ {2}'@scarf\/scarf': false$/m);
    expect(existsSync(join(root, 'pnpm-lock.yaml'))).toBe(true);
    expect(existsSync(join(root, 'package-lock.json'))).toBe(false);
    expect(readFileSync(join(root, '.github', 'workflows', 'ci.yml'), 'utf8')).toContain('pnpm install --frozen-lockfile');
    const steps = [
      made,
      step(root, 'pnpm', ['install', '--frozen-lockfile']),
      step(root, 'pnpm', ['run', 'typecheck']),
      step(root, 'pnpm', ['run', 'lint']),
      step(root, 'pnpm', ['test'], env),
      step(root, 'pnpm', ['run', 'format']),
    ];
    console.log(`pnpm: ${steps.map((s) => `${s.step.split(' ').slice(0, 3).join(' ')} ${s.seconds.toFixed(1)}s`).join(' | ')}`);
  }, 900_000);
});
