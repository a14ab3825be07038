/**
 * The only proof that counts: generate each offered combination, install it, and run the
 * generated project's own typecheck, lint, attack tests and build against the real database
 * server; then start it and probe it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { e2eMatrix, label, viewsIn } from '../matrix.ts';
import { generate, npm, npmInstall, startAndProbe, step, workDir, type StepResult } from '../support/project.ts';
import { reachable, redisService, services, servicesRequired, withProbeDatabase } from '../support/services.ts';

// A hostile but legitimate description: it must round-trip and the project must still typecheck.
const description = 'Quotes " \' ` ${process.exit(1)} */ </script> $(id) \\u0000';

describe.each(e2eMatrix.map((c) => [label(c), c] as const))('generated project %s', (name, combination) => {
  it('generates, adds two resources, installs, typechecks, lints, passes its own attack tests, builds, starts and stops', async (ctx) => {
    const service = services[combination.database];
    for (const needed of service ? [service, redisService] : [redisService]) {
      if (await reachable(needed)) continue;
      const reason = `${needed.name} is not reachable on ${needed.host}:${needed.port} (start it: ${needed.start})`;
      if (servicesRequired) throw new Error(reason);
      ctx.skip(reason);
    }
    // Reachability was checked above, so the project's own service tests must run, not skip.
    const env: Record<string, string> = { ...service?.env, ...redisService.env, SECURE_TS_REQUIRE_SERVICES: '1' };
    const cwd = workDir('e2e');
    const project = `e2e-${name.replace('+', '-')}`;
    const root = join(cwd, project);
    const steps: StepResult[] = [];
    const views = viewsIn(combination);
    steps.push(generate(cwd, [project, '--yes', '--skip-git', '--skip-install', '--framework', combination.framework,
      '--database', combination.database, '--description', description, ...(views === 'flag' ? ['--views'] : [])]));
    // Server-rendered pages and their Chromium tests (test/views/), on one pair per framework.
    if (views === 'command') steps.push(generate(root, ['views', '--yes', '--skip-install']));
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).description).toBe(description);
    // Two generated resources (every field type between them, optional fields, a date), so the
    // project's own typecheck, lint, attack tests and build below cover the resource generator too.
    if (combination.database !== 'none') {
      steps.push(generate(root, ['resource', 'book', '--yes', '--fields', 'title:string:max=200,price:int:min=0,due:date?']));
      steps.push(generate(root, ['resource', 'order-lines', '--yes', '--fields', 'note:text:max=2000?,qty:number:min=0.5:max=1000,shipped:boolean,at:datetime,paid:boolean?']));
    }
    steps.push(npmInstall(root));
    // The generated CI installs with `npm ci --ignore-scripts`: prove the lockfile npm wrote allows it.
    steps.push(npm(root, 'ci', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'));
    steps.push(npm(root, 'run', 'typecheck'));
    steps.push(npm(root, 'run', 'lint'));
    // A fresh project must pass its own secret scan (secretlint's recommended rules, offline from
    // node_modules): no test fixture, doc or CI file may read as a committed credential.
    steps.push(npm(root, 'run', 'secretlint'));
    steps.push(step(root, 'npm', ['test'], env));
    steps.push(npm(root, 'run', 'build'));
    // The built app starts with its counters in Redis and closes that connection on SIGTERM.
    const redisUrl = { REDIS_URL: redisService.env['TEST_REDIS_URL']!, REDIS_KEY_PREFIX: `e2e-probe-${name.replace('+', '-')}:` };
    // On a database of its own: the shared one would carry other runs' migrations.
    const probe = service
      ? await withProbeDatabase(root, combination.database, env['TEST_DATABASE_URL']!, (url) => startAndProbe(root, { DATABASE_URL: url, ...redisUrl }))
      : await startAndProbe(root, redisUrl);
    expect(probe.status).toBe(200);
    expect(probe.body).not.toMatch(/\d+\.\d+\.\d+/u); // no versions on /health (ASVS V13.4)
    expect(probe.exitCode).toBe(0);
    console.log(`${name}: ${steps.map((s) => `${s.step.split(' ').slice(0, 3).join(' ')} ${s.seconds.toFixed(1)}s`).join(' | ')}`);
  }, 900_000);
});

