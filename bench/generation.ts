/**
 * Generation speed: `npx generator-secure-ts my-api --yes --skip-install --skip-git` against
 * `fastify generate app --lang=ts` (fastify-cli, pinned, installed into a temporary folder and
 * never a dependency of ours), run alternately in fresh empty folders, medians of the pairs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, table } from './stats.ts';

const fastifyCliVersion = '8.0.2';
const pairs = Number(process.env['BENCH_PAIRS'] ?? 7);
const repoRoot = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
const cli = join(repoRoot, 'dist', 'bin', 'secure-ts.js');

function timed(cwd: string, command: string, args: string[]): number {
  const started = process.hrtime.bigint();
  const r = spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${r.stderr}`);
  return seconds;
}

const countFiles = (dir: string): number =>
  readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !e.parentPath.includes('.git')).length;

export async function benchGeneration(): Promise<void> {
  const tools = mkdtempSync(join(tmpdir(), 'secure-ts-bench-tools-'));
  const install = spawnSync('npm', ['install', '--prefix', tools, '--no-audit', '--no-fund', '--prefer-offline', `fastify-cli@${fastifyCliVersion}`], { stdio: 'ignore' });
  if (install.status !== 0) throw new Error(`could not install fastify-cli@${fastifyCliVersion}`);
  const fastify = join(tools, 'node_modules', 'fastify-cli', 'cli.js');
  const ours: number[] = [];
  const theirs: number[] = [];
  let ourFiles = 0;
  let theirFiles = 0;
  for (let i = 0; i < pairs; i += 1) {
    const a = mkdtempSync(join(tmpdir(), 'secure-ts-gen-'));
    ours.push(timed(a, process.execPath, [cli, 'my-api', '--yes', '--skip-install', '--skip-git']));
    ourFiles = countFiles(join(a, 'my-api'));
    const b = mkdtempSync(join(tmpdir(), 'fastify-gen-'));
    theirs.push(timed(b, process.execPath, [fastify, 'generate', 'app', '--lang=ts']));
    theirFiles = countFiles(join(b, 'app'));
  }
  const range = (v: number[]) => `${Math.min(...v).toFixed(3)}–${Math.max(...v).toFixed(3)}`;
  console.log(`\nGeneration wall time, ${pairs} alternating pairs (seconds)\n`);
  console.log(
    table([
      ['generator', 'files', 'median', 'min–max'],
      ['generator-secure-ts (default, --skip-install --skip-git)', String(ourFiles), median(ours).toFixed(3), range(ours)],
      [`fastify-cli ${fastifyCliVersion} generate app --lang=ts`, String(theirFiles), median(theirs).toFixed(3), range(theirs)],
    ]),
  );
  console.log(`\nratio ours / fastify-cli: ${(median(ours) / median(theirs)).toFixed(2)}`);
}
