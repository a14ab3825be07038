/**
 * CPU time per request of the example resource's GET /items/:id on each framework's generated
 * project (every control on, logging at info to /dev/null), against a bare app of the same
 * framework serving the same JSON, measured side by side in one run on loopback.
 */
import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { frameworks } from '../generators/shared/choices.ts';
import { cpuSeconds, median, table } from './stats.ts';

const repoRoot = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
const cli = join(repoRoot, 'dist', 'bin', 'secure-ts.js');
const seconds = Number(process.env['BENCH_SECONDS'] ?? 5);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3);

function run(cwd: string, command: string, args: string[]): void {
  const r = spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}`);
}

async function waitForHttp(url: string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${url} did not answer`);
}

/** CPU seconds per 1000 requests of the server process while autocannon loads one URL. */
async function measure(server: ChildProcess, url: string): Promise<{ cpuPerKiloReq: number; rps: number; non2xx: number }> {
  await autocannon({ url, connections: 10, duration: 1 }); // warm-up: JIT, caches
  const before = cpuSeconds(server.pid!);
  const result = await autocannon({ url, connections: 10, duration: seconds });
  const cpu = cpuSeconds(server.pid!) - before;
  const requests = result.requests.total;
  return { cpuPerKiloReq: (cpu / requests) * 1000, rps: result.requests.average, non2xx: result.non2xx };
}

export async function benchFrameworks(): Promise<void> {
  const rows: string[][] = [['framework', 'secured ms CPU/1k req', 'bare ms CPU/1k req', 'ratio', 'secured req/s', 'bare req/s']];
  for (const framework of frameworks) {
    const dir = mkdtempSync(join(tmpdir(), `secure-ts-bench-${framework}-`));
    run(dir, process.execPath, [cli, 'bench-api', '--yes', '--skip-git', '--framework', framework]);
    const root = join(dir, 'bench-api');
    run(root, 'npm', ['run', 'build']);
    const env = { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '3711', LOG_LEVEL: 'info', RATE_LIMIT_MAX: '1000000', DATABASE_PATH: join(root, 'data', 'bench.sqlite') };
    const secured = spawn(process.execPath, ['--env-file=.env', 'dist/server.js'], { cwd: root, env, stdio: 'ignore' });
    await waitForHttp('http://127.0.0.1:3711/health');
    const created = await fetch('http://127.0.0.1:3711/items', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Benchmark item', description: 'Served by GET /items/:id' }),
    });
    if (created.status !== 201) throw new Error(`${framework}: seeding an item answered ${created.status}: ${await created.text()}`);
    const item = (await created.json()) as { id: string };
    const path = `/items/${item.id}`;
    const body = await (await fetch(`http://127.0.0.1:3711${path}`)).text();
    copyFileSync(join(repoRoot, 'bench', 'bare', `${framework}.mjs`), join(root, 'bare.mjs'));
    const bare = fork(join(root, 'bare.mjs'), [], { cwd: root, env: { ...process.env, PORT: '3712', BENCH_BODY: body }, stdio: 'ignore' });
    await waitForHttp(`http://127.0.0.1:3712${path}`);
    const securedRuns: number[] = [];
    const bareRuns: number[] = [];
    let securedRps = 0;
    let bareRps = 0;
    // Alternate the two, so drift on the machine affects both alike.
    for (let i = 0; i < rounds; i += 1) {
      const s = await measure(secured, `http://127.0.0.1:3711${path}`);
      const b = await measure(bare, `http://127.0.0.1:3712${path}`);
      if (s.non2xx > 0 || b.non2xx > 0) throw new Error(`${framework}: non-2xx answers during the bench (secured ${s.non2xx}, bare ${b.non2xx})`);
      securedRuns.push(s.cpuPerKiloReq);
      bareRuns.push(b.cpuPerKiloReq);
      securedRps = s.rps;
      bareRps = b.rps;
    }
    secured.kill('SIGTERM');
    bare.kill('SIGTERM');
    const s = median(securedRuns);
    const b = median(bareRuns);
    rows.push([framework, (s * 1000).toFixed(1), (b * 1000).toFixed(1), `${(s / b).toFixed(2)}x`, securedRps.toFixed(0), bareRps.toFixed(0)]);
  }
  console.log(`\nCPU per request, GET /items/:id (${rounds} alternating rounds of ${seconds} s, 10 connections, medians)\n`);
  console.log(table(rows));
}
