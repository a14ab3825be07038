/**
 * The inner loop: how long a developer waits for `npm test`. Generates the default project
 * (`secure-ts my-api --yes --skip-git`, which installs its dependencies), runs its `npm test`
 * BENCH_RUNS times (default 3) and prints the median beside the generator's own unit tests
 * (`npm run test:unit`, same count), with the load average before and after: the machine is
 * often shared, and a figure without its load means little.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, table } from './stats.ts';

const runs = Number(process.env['BENCH_RUNS'] ?? 3);
const repoRoot = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
const cli = join(repoRoot, 'dist', 'bin', 'secure-ts.js');

function timed(cwd: string, command: string, args: string[]): number {
  const started = process.hrtime.bigint();
  const r = spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env: { ...process.env, CI: '1' } });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.error !== undefined) throw r.error;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${r.stderr.slice(-4000)}`);
  return seconds;
}

const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');

export async function benchTests(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-tests-'));
  try {
    const before = load();
    timed(dir, process.execPath, [cli, 'my-api', '--yes', '--skip-git']);
    const project = join(dir, 'my-api');
    const generated: number[] = [];
    const unit: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      generated.push(timed(project, 'npm', ['test']));
      unit.push(timed(repoRoot, 'npx', ['vitest', 'run', '--config', 'vitest.unit.config.ts', 'test/unit']));
    }
    const range = (v: number[]) => `${Math.min(...v).toFixed(1)}–${Math.max(...v).toFixed(1)}`;
    console.log(`\nTest suite wall time, ${String(runs)} runs each, alternating (seconds)\n`);
    console.log(
      table([
        ['suite', 'median', 'min–max'],
        ['generated default project (express + sqlite): npm test', median(generated).toFixed(1), range(generated)],
        ['generator-secure-ts: vitest run test/unit (npm run test:unit)', median(unit).toFixed(1), range(unit)],
      ]),
    );
    console.log(`\nload average (1, 5, 15 min) before: ${before}, after: ${load()}; cores: ${String(availableParallelism())}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
