/**
 * `npm run bench overload`: how a generated service behaves beyond its capacity. For each
 * framework on SQLite, PostgreSQL and MySQL it generates the `--yes` project (accounts, files,
 * the example resource), builds it and starts it as `npm start` does (`node
 * --env-file-if-exists=.env dist/server.js`, NODE_ENV=production, logging at info to a file), with
 * the server pinned to one core and the load sender to another (taskset), so the server is the
 * bottleneck and the sender's own work does not take the server's CPU. Then, per project:
 *
 * 1. **Maximum rate** of a realistic route: GET /items?limit=20 for a signed-in account holding
 *    100 items (session check, an owner-scoped page query, serialisation): 2xx per second from 32
 *    closed-loop connections after a warm-up.
 * 2. **Overload**: 4× that rate offered open-loop (bench/open-loop.ts: requests issued on a fixed
 *    schedule whatever the server does, up to BENCH_CONNECTIONS connections, each request with a
 *    client timeout counted from its scheduled time) for BENCH_SECONDS. Useful throughput (2xx/s)
 *    against the maximum, p99 of the 2xx answers, refusals by status, the share of refusals that
 *    are 503 with Retry-After (a timeout or a reset is a refusal without one), the server's peak
 *    RSS, and its log lines at warn and error.
 * 3. **Uploads to a full account**: a fresh server with FILES_MAX_PER_ACCOUNT=1, one maximum-size
 *    (FILES_MAX_BYTES) upload to fill the account, then 300 concurrent maximum-size uploads to it:
 *    the server's RSS growth over its idle RSS (peak from VmHWM, reset first, and 50 ms samples).
 * 4. **SIGTERM under load**: a fresh server, 2× the maximum rate offered open-loop, SIGTERM half
 *    way (sent by the sender, so "before" and "after" are on one clock): resets of requests
 *    issued before the signal, and the process's exit code.
 *
 * Limits lifted so they are not what is measured: RATE_LIMIT_MAX at the policy ceiling
 * (1,000,000) with a 1 s window (the limiter still counts every request). Everything else is the
 * project's default, so the generated admission control, pool bounds and drain are what is measured.
 *
 * Environment: BENCH_FRAMEWORKS (comma list, default all), BENCH_DATABASES (sqlite, postgres,
 * mysql; default all), BENCH_SECONDS (overload duration, default 30; the maximum-rate and SIGTERM
 * phases take min(10, BENCH_SECONDS)), BENCH_TIMEOUT_MS (client timeout per request, default
 * 5000), BENCH_CONNECTIONS (sender's connection cap, default 3000), BENCH_UPLOADS (default 300),
 * BENCH_SERVER_CPU (default 1) and BENCH_SENDER_CPUS (default 0) for taskset, BENCH_PORT (default
 * 3721), BENCH_POSTGRES_URL and BENCH_MYSQL_URL (an administrator's URL: the bench creates and
 * drops a database of its own; defaults postgres://postgres@127.0.0.1:5432/postgres and
 * mysql://root@127.0.0.1:3306/), BENCH_CLI (another build's dist/bin/secure-ts.js).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, createReadStream, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { databases, frameworks } from '../generators/shared/choices.ts';
import type { Job, SenderResult, Tally } from './open-loop.ts';
import { listFrom, run, sessionHeaders, waitForHttp } from './project.ts';
import { resetPeakRss, rss, table } from './stats.ts';

const repoRoot = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
const cli = process.env['BENCH_CLI'] ?? join(repoRoot, 'dist', 'bin', 'secure-ts.js');
const senderScript = join(repoRoot, 'dist', 'bench', 'open-loop.js');

function positive(variable: string, fallback: number): number {
  const value = Number(process.env[variable] ?? fallback);
  if (!(Number.isInteger(value) && value > 0)) throw new Error(`${variable}: expected a whole number above 0`);
  return value;
}
const seconds = positive('BENCH_SECONDS', 30);
const shortSeconds = Math.min(10, seconds);
const timeoutMs = positive('BENCH_TIMEOUT_MS', 5000);
const connections = positive('BENCH_CONNECTIONS', 3000);
const uploadCount = positive('BENCH_UPLOADS', 300);
const port = positive('BENCH_PORT', 3721);
const serverCpu = process.env['BENCH_SERVER_CPU'] ?? '1';
const senderCpus = process.env['BENCH_SENDER_CPUS'] ?? '0';
const postgresAdmin = process.env['BENCH_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const mysqlAdmin = process.env['BENCH_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306/';

const benchDatabases = databases.filter((database) => database !== 'none');
type BenchDatabase = (typeof benchDatabases)[number];
const selectedFrameworks = listFrom('BENCH_FRAMEWORKS', frameworks);
const selectedDatabases = listFrom('BENCH_DATABASES', benchDatabases);

/** The route measured, its page size and how many items the account holds (a full page and a next one). */
const ROUTE = '/items?limit=20';
const SEEDED_ITEMS = 100;
const CLOSED_LOOP_CONNECTIONS = 32;
const WARMUP_MS = 3000;
/** FILES_MAX_BYTES set explicitly (the project's default), so the bench knows the maximum size. */
const UPLOAD_BYTES = 5 * 1024 * 1024;
const MB = 1024 * 1024;

/** Targets of the issue, checked per case in the summary. */
const TARGETS = { usefulShare: 0.8, p99Ms: 500, uploadGrowthMb: 64 } as const;

// --- the database of one case: created by the bench, dropped after it -------------------------

interface SqlConnection {
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
}

/** Runs one administrator statement with the generated project's own driver (pg or mysql2). */
async function adminStatement(root: string, database: BenchDatabase, sql: string): Promise<void> {
  const require = createRequire(join(root, 'package.json'));
  let connection: SqlConnection;
  if (database === 'postgres') {
    const pg = require('pg') as { Client: new (config: { connectionString: string }) => SqlConnection & { connect(): Promise<void> } };
    const client = new pg.Client({ connectionString: postgresAdmin });
    await client.connect();
    connection = client;
  } else {
    const mysql = require('mysql2/promise') as { createConnection(url: string): Promise<SqlConnection> };
    connection = await mysql.createConnection(mysqlAdmin);
  }
  try {
    await connection.query(sql);
  } finally {
    await connection.end();
  }
}

/** The case's database settings, and how to remove what the bench created. */
async function prepareDatabase(root: string, database: BenchDatabase, name: string): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (database === 'sqlite') return { env: { DATABASE_PATH: join(root, 'data', 'bench.sqlite') }, drop: async () => undefined };
  const admin = new URL(database === 'postgres' ? postgresAdmin : mysqlAdmin);
  const drop = `DROP DATABASE IF EXISTS ${name}${database === 'postgres' ? ' WITH (FORCE)' : ''}`;
  await adminStatement(root, database, drop);
  await adminStatement(root, database, `CREATE DATABASE ${name}`);
  admin.pathname = `/${name}`;
  return { env: { DATABASE_URL: admin.href }, drop: () => adminStatement(root, database, drop) };
}

// --- the server under test --------------------------------------------------------------------

interface Server {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly logPath: string;
  /** Exit code (or the signal's name) once the process has ended. */
  readonly exited: Promise<{ code: number | null; signal: string | null; at: number }>;
  readonly stderrTail: () => string;
}

async function startServer(root: string, env: NodeJS.ProcessEnv, logPath: string): Promise<Server> {
  const log = openSync(logPath, 'a');
  // taskset execs node in place: the child's pid is the server's, for /proc and for signals.
  const child = spawn('taskset', ['-c', serverCpu, process.execPath, '--env-file-if-exists=.env', 'dist/server.js'], { cwd: root, env, stdio: ['ignore', log, 'pipe'] });
  closeSync(log);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<{ code: number | null; signal: string | null; at: number }>((settle) => child.on('exit', (code, signal) => settle({ code, signal, at: Date.now() })));
  const started = await Promise.race([
    waitForHttp(`http://127.0.0.1:${String(port)}/health`).then(
      () => true,
      () => false,
    ),
    exited.then(() => false),
  ]);
  if (!started || child.pid === undefined) throw new Error(`the server did not start:\n${stderr}`);
  return { child, pid: child.pid, logPath, exited, stderrTail: () => stderr };
}

/** SIGTERM, then SIGKILL if it has not ended within its drain budget and a margin. */
async function stopServer(server: Server): Promise<void> {
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 20_000);
  await server.exited;
  clearTimeout(timer);
}

/** Log lines of a run: all, at warn, at error or above (pino levels 40, 50, 60); read as a stream, a run can log hundreds of MB. */
async function logLines(path: string): Promise<{ total: number; warn: number; error: number }> {
  const counts = { total: 0, warn: 0, error: 0 };
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY })) {
    counts.total += 1;
    if (line.includes('"level":40')) counts.warn += 1;
    else if (line.includes('"level":50') || line.includes('"level":60')) counts.error += 1;
  }
  return counts;
}

/** RSS of a server that may have exited meanwhile (a crash under load is a result, not a bench failure). */
function rssOf(pid: number): { now: number; peak: number } {
  try {
    return rss(pid);
  } catch {
    return { now: Number.NaN, peak: Number.NaN };
  }
}

/** The open-file limit this Node process runs with (Node raises the soft limit to the hard one; so do its children). */
function openFileLimit(): number {
  const line = /^Max open files\s+(\S+)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
  return line?.[1] === 'unlimited' ? Number.POSITIVE_INFINITY : Number(line?.[1] ?? Number.NaN);
}

/** Says so when the server ended during a phase: what followed was measured against nothing. */
function checkAlive(server: Server, phase: string): void {
  const { exitCode, signalCode } = server.child;
  if (exitCode !== null || signalCode !== null) console.log(`WARNING: the server exited during ${phase} (${exitCode === null ? String(signalCode) : `exit ${String(exitCode)}`}): ${server.stderrTail().slice(-500)}`);
}

// --- the sender -------------------------------------------------------------------------------

/** Runs one sender job on the sender's core, sampling the server's RSS every 50 ms meanwhile. */
async function send(job: Job, serverPid: number): Promise<{ result: SenderResult; rssMax: number }> {
  const child = spawn('taskset', ['-c', senderCpus, process.execPath, '--max-old-space-size=4096', senderScript], {
    env: { ...process.env, BENCH_SENDER: JSON.stringify(job) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  let rssMax = 0;
  const sampler = setInterval(() => {
    try {
      rssMax = Math.max(rssMax, rss(serverPid).now);
    } catch {
      // The server has exited (the SIGTERM phase): nothing left to sample.
    }
  }, 50);
  // 'close', not 'exit': the result line must have been read off the pipe.
  const code = await new Promise<number | null>((settle) => child.on('close', settle));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`the load sender failed (exit ${String(code)})`);
  return { result: JSON.parse(out.trim().split('\n').pop() ?? 'null') as SenderResult, rssMax };
}

// --- one case ---------------------------------------------------------------------------------

interface CaseResult {
  readonly framework: string;
  readonly database: string;
  readonly maxRate: number;
  readonly maxP99: number;
  readonly offered: number;
  readonly overload: SenderResult;
  readonly rssPeakMb: number;
  readonly logs: { total: number; warn: number; error: number };
  readonly uploads: { result: SenderResult; idleMb: number; peakMb: number; afterMb: number };
  readonly sigterm: { result: SenderResult; rate: number; exit: string; exitMs: number };
}

const ok2xx = (tally: Tally) => Object.entries(tally.statuses).reduce((sum, [status, n]) => (Number(status) >= 200 && Number(status) < 300 ? sum + n : sum), 0);
const non2xx = (tally: Tally) => Object.entries(tally.statuses).filter(([status]) => Number(status) < 200 || Number(status) >= 300);
const byStatus = (tally: Tally) => non2xx(tally).map(([status, n]) => `${status}:${String(n)}${(tally.withRetryAfter[status] ?? 0) > 0 ? ` (${String(tally.withRetryAfter[status])} RA)` : ''}`).join(' ') || 'none';
const otherErrors = (tally: Tally) => Object.entries(tally.otherErrors).map(([code, n]) => `${code}:${String(n)}`).join(' ');
/** Refusals: every non-2xx answer, timeout and reset. The share of them that is 503 with Retry-After (undefined: no refusal). */
function refusals(tally: Tally): { total: number; share: number | undefined } {
  const total = non2xx(tally).reduce((sum, [, n]) => sum + n, 0) + tally.timeouts + tally.resets + tally.refused;
  return { total, share: total === 0 ? undefined : (tally.withRetryAfter['503'] ?? 0) / total };
}
const mb = (bytes: number) => bytes / MB;
const describeLog = (logs: { total: number; warn: number; error: number }) => `${String(logs.total)} lines, ${String(logs.warn)} at warn, ${String(logs.error)} at error or above`;

async function benchCase(framework: string, database: BenchDatabase): Promise<CaseResult> {
  const dir = mkdtempSync(join(tmpdir(), `secure-ts-overload-${framework}-${database}-`));
  const root = join(dir, 'bench-api');
  const tag = `${framework}+${database}`;
  console.log(`\n## ${tag}: generating and building in ${dir}`);
  run(dir, process.execPath, [cli, 'bench-api', '--yes', '--skip-git', '--framework', framework, '--database', database]);
  run(root, 'npm', ['run', 'build']);
  const db = await prepareDatabase(root, database, `bench_overload_${framework}_${String(process.pid)}`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'info',
    RATE_LIMIT_MAX: '1000000',
    RATE_LIMIT_WINDOW_MS: '1000',
    FILES_MAX_BYTES: String(UPLOAD_BYTES),
    // One file fills an account: the upload phase needs a full one (the quota is what refuses).
    FILES_MAX_PER_ACCOUNT: '1',
    ...db.env,
  };
  const origin = `http://127.0.0.1:${String(port)}`;
  try {
    // 1-2. Maximum rate, then 4× it open-loop.
    let server = await startServer(root, env, join(dir, 'overload.log'));
    let headers: Record<string, string>;
    try {
      headers = await sessionHeaders(origin);
      for (let i = 0; i < SEEDED_ITEMS; i += 1) {
        const created = await fetch(`${origin}/items`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ name: `Item ${String(i)}`, description: 'Seeded by npm run bench overload' }) });
        if (created.status !== 201) throw new Error(`${tag}: seeding an item answered ${created.status}: ${await created.text()}`);
      }
      const page = await fetch(`${origin}${ROUTE}`, { headers });
      const body = await page.text();
      if (page.status !== 200) throw new Error(`${tag}: GET ${ROUTE} answered ${page.status}: ${body.slice(0, 300)}`);
      console.log(`GET ${ROUTE}: 200, ${String(Buffer.byteLength(body))} bytes per page`);

      const common = { origin, path: ROUTE, headers, timeoutMs };
      const max = await send({ ...common, kind: 'closed', connections: CLOSED_LOOP_CONNECTIONS, warmupMs: WARMUP_MS, durationMs: shortSeconds * 1000 }, server.pid);
      const maxRate = max.result.tally.windowed2xx / max.result.seconds;
      if (maxRate === 0) throw new Error(`${tag}: no 2xx answer while measuring the maximum rate: ${byStatus(max.result.tally)}`);
      console.log(`max rate: ${maxRate.toFixed(0)} 2xx/s (${String(CLOSED_LOOP_CONNECTIONS)} closed-loop connections, ${String(shortSeconds)} s after ${String(WARMUP_MS / 1000)} s warm-up; p99 ${max.result.tally.latencies2xx.p99.toFixed(0)} ms; non-2xx ${byStatus(max.result.tally)})`);

      const offered = Math.round(4 * maxRate);
      const peakReset = resetPeakRss(server.pid);
      const overload = await send({ ...common, kind: 'open', connections, rate: offered, durationMs: seconds * 1000 }, server.pid);
      checkAlive(server, 'the overload');
      const rssPeak = Math.max(overload.rssMax, peakReset ? rssOf(server.pid).peak || 0 : 0);
      const t = overload.result.tally;
      const useful = t.windowed2xx / overload.result.seconds;
      console.log(
        `overload: offered ${String(offered)}/s open-loop for ${String(seconds)} s (sender issued ${overload.result.issuedRate!.toFixed(0)}/s, issue lag p99 ${overload.result.issueLagP99Ms!.toFixed(1)} ms, at most ${String(overload.result.clientQueuedMax)} waiting for one of its connections); ` +
          `2xx ${useful.toFixed(0)}/s = ${((100 * useful) / maxRate).toFixed(0)}% of max; p99 2xx ${t.latencies2xx.p99.toFixed(0)} ms (p50 ${t.latencies2xx.p50.toFixed(0)}); ` +
          `refusals ${byStatus(t)}; timeouts ${String(t.timeouts)}; resets ${String(t.resets)}; refused connections ${String(t.refused)}${otherErrors(t) === '' ? '' : `; client errors ${otherErrors(t)}`}; server RSS peak ${mb(rssPeak).toFixed(0)} MB`,
      );
      if (overload.result.issuedRate! < 0.95 * offered) console.log(`WARNING: the sender issued ${overload.result.issuedRate!.toFixed(0)}/s of ${String(offered)}/s offered: it, not the server, limited the load`);
      await stopServer(server);
      const logs = await logLines(server.logPath);
      console.log(`server log during max rate + overload: ${describeLog(logs)}`);

      // 3. Uploads to a full account, on a fresh server (its idle RSS is the baseline).
      server = await startServer(root, env, join(dir, 'uploads.log'));
      const uploadHeaders = { ...headers, 'content-type': 'text/plain', 'x-file-name': 'bench.txt' };
      const fill = await fetch(`${origin}/files`, { method: 'POST', headers: uploadHeaders, body: Buffer.alloc(UPLOAD_BYTES, 'a') });
      if (fill.status !== 201) throw new Error(`${tag}: filling the account with one ${String(UPLOAD_BYTES)}-byte upload answered ${fill.status}: ${(await fill.text()).slice(0, 300)}`);
      const refused = await fetch(`${origin}/files`, { method: 'POST', headers: uploadHeaders, body: 'one more' });
      if (refused.ok) throw new Error(`${tag}: the account is not full: one more upload answered ${refused.status}`);
      await refused.body?.cancel();
      await new Promise((r) => setTimeout(r, 1000));
      const idle = rss(server.pid).now;
      const uploadPeakReset = resetPeakRss(server.pid);
      const up = await send({ ...common, path: '/files', headers: uploadHeaders, kind: 'uploads', count: uploadCount, bytes: UPLOAD_BYTES, timeoutMs: 60_000 }, server.pid);
      checkAlive(server, 'the uploads');
      const uploadPeak = Math.max(up.rssMax, uploadPeakReset ? rssOf(server.pid).peak || 0 : 0);
      await new Promise((r) => setTimeout(r, 2000));
      const after = rssOf(server.pid).now;
      const u = up.result.tally;
      console.log(
        `uploads: ${String(uploadCount)} concurrent ${String(UPLOAD_BYTES)}-byte uploads to a full account in ${up.result.seconds.toFixed(1)} s: ${byStatus(u)}, 2xx ${String(ok2xx(u))}, timeouts ${String(u.timeouts)}, resets ${String(u.resets)}${otherErrors(u) === '' ? '' : `, client errors ${otherErrors(u)}`}; ` +
          `server RSS idle ${mb(idle).toFixed(0)} MB, peak ${mb(uploadPeak).toFixed(0)} MB (growth ${mb(uploadPeak - idle).toFixed(0)} MB), 2 s later ${mb(after).toFixed(0)} MB`,
      );
      await stopServer(server);
      console.log(`server log during the uploads: ${describeLog(await logLines(server.logPath))}`);

      // 4. SIGTERM at 2× the maximum, on a fresh server.
      server = await startServer(root, env, join(dir, 'sigterm.log'));
      const sigtermRate = Math.round(2 * maxRate);
      const sig = await send({ ...common, kind: 'open', connections, rate: sigtermRate, durationMs: shortSeconds * 1000, signal: { pid: server.pid, atMs: (shortSeconds * 1000) / 2 } }, server.pid);
      const timer = setTimeout(() => server.child.kill('SIGKILL'), 30_000);
      const exit = await server.exited;
      clearTimeout(timer);
      const b = sig.result.tally;
      const exitText = exit.code === null ? `killed by ${String(exit.signal)}` : String(exit.code);
      const exitMs = exit.at - (sig.result.signalledAt ?? exit.at);
      console.log(
        `SIGTERM at ${String(sigtermRate)}/s after ${String(shortSeconds / 2)} s: of ${String(b.issued)} requests issued before it, 2xx ${String(ok2xx(b))}, ${byStatus(b)}, resets ${String(b.resets)}, timeouts ${String(b.timeouts)}, refused connections ${String(b.refused)}${otherErrors(b) === '' ? '' : `, client errors ${otherErrors(b)}`}; ` +
          `after it: ${String(sig.result.afterSignal!.issued)} issued, ${byStatus(sig.result.afterSignal!)}, refused connections ${String(sig.result.afterSignal!.refused)}, resets ${String(sig.result.afterSignal!.resets)}; exit ${exitText} ${String(exitMs)} ms after the signal`,
      );
      console.log(`server log during the SIGTERM run: ${describeLog(await logLines(server.logPath))}`);
      return {
        framework,
        database,
        maxRate,
        maxP99: max.result.tally.latencies2xx.p99,
        offered,
        overload: overload.result,
        rssPeakMb: mb(rssPeak),
        logs,
        uploads: { result: up.result, idleMb: mb(idle), peakMb: mb(uploadPeak), afterMb: mb(after) },
        sigterm: { result: sig.result, rate: sigtermRate, exit: exitText, exitMs },
      };
    } finally {
      if (server.child.exitCode === null && server.child.signalCode === null) await stopServer(server);
    }
  } finally {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

// --- the run ----------------------------------------------------------------------------------

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
const mark = (met: boolean) => (met ? 'met' : 'MISSED');

export async function benchOverload(): Promise<void> {
  if (availableParallelism() < 2) throw new Error('bench overload needs 2 cores: one for the server, one for the load sender');
  // The sender holds BENCH_CONNECTIONS sockets and the server as many: EMFILE would be the client's failure, not the server's.
  const files = openFileLimit();
  if (files < connections + 1000) throw new Error(`open-file limit ${String(files)} is below BENCH_CONNECTIONS + 1000: raise it (ulimit -n 65536) or lower BENCH_CONNECTIONS`);
  const started = new Date().toISOString();
  console.log(
    `\nOverload bench, ${started}, load average ${load()}, ${String(availableParallelism())} cores, open-file limit ${String(files)}.\n` +
      `Server pinned to CPU ${serverCpu} (taskset), load sender to CPU ${senderCpus}; the database server is not pinned.\n` +
      `Route: GET ${ROUTE}, signed in, account holding ${String(SEEDED_ITEMS)} items. Overload ${String(seconds)} s open-loop at 4x the maximum, ` +
      `up to ${String(connections)} connections, client timeout ${String(timeoutMs)} ms from each request's scheduled time.`,
  );
  const results: CaseResult[] = [];
  for (const framework of selectedFrameworks) for (const database of selectedDatabases) results.push(await benchCase(framework, database));

  const rows: string[][] = [
    ['case', 'max/s', 'offered/s', '2xx/s', '% of max (>=80%)', 'p99 2xx ms (<=500)', 'refusals by status', '503+RA share (all)', 'timeouts/resets', 'RSS peak MB', 'log warn/error', 'upload RSS growth MB (<=64)', 'SIGTERM resets (0)', 'exit (0)'],
  ];
  for (const r of results) {
    const t = r.overload.tally;
    const useful = t.windowed2xx / r.overload.seconds;
    const share = refusals(t).share;
    const growth = r.uploads.peakMb - r.uploads.idleMb;
    const resets = r.sigterm.result.tally.resets;
    rows.push([
      `${r.framework}+${r.database}`,
      r.maxRate.toFixed(0),
      r.offered.toFixed(0),
      useful.toFixed(0),
      `${((100 * useful) / r.maxRate).toFixed(0)}% ${mark(useful >= TARGETS.usefulShare * r.maxRate)}`,
      `${t.latencies2xx.p99.toFixed(0)} ${mark(t.latencies2xx.p99 <= TARGETS.p99Ms)}`,
      byStatus(t),
      share === undefined ? 'no refusal met' : `${(100 * share).toFixed(0)}% ${mark(share === 1)}`,
      `${String(t.timeouts)}/${String(t.resets)}`,
      r.rssPeakMb.toFixed(0),
      `${String(r.logs.warn)}/${String(r.logs.error)}`,
      `${growth.toFixed(0)} ${mark(growth <= TARGETS.uploadGrowthMb)}`,
      `${String(resets)} ${mark(resets === 0)}`,
      `${r.sigterm.exit} ${mark(r.sigterm.exit === '0')}`,
    ]);
  }
  console.log(`\nSummary (started ${started}; load average at the end ${load()})\n`);
  console.log(table(rows));
  console.log(
    '\nmax/s: 2xx per second from 32 closed-loop connections. offered/s: 4x that, open-loop. % of max: useful throughput (2xx answers\n' +
      'that arrived within the offered window, per second) over the maximum.\n' +
      'p99 2xx: of the admitted (2xx) requests, from each request\'s scheduled send time. Refusals: non-2xx answers by status (RA: with\n' +
      'Retry-After); a timeout, a reset or a refused connection is a refusal without a 503, so it lowers the 503+RA share. RSS peak: the\n' +
      'server\'s during the overload. Log warn/error: lines at those levels while measuring the maximum and the overload. Upload RSS growth:\n' +
      `peak over idle RSS during ${String(uploadCount)} concurrent ${String(UPLOAD_BYTES / MB)} MiB uploads to a full account. SIGTERM resets: of requests issued before the\n` +
      'signal, at 2x the maximum rate; exit: the process\'s exit code after the drain.',
  );
}
