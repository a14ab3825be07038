/**
 * CPU time per request of the example resource's GET /items/:id on each framework's generated
 * project (every control on, logging at info to /dev/null), against bare apps of the same
 * framework serving the same JSON bytes, measured side by side in one run on loopback: "bare"
 * answers a constant (the issue's baseline: no database work at all) and, for a project with a
 * database, "bare+db" reads the same item from the same SQLite file with one prepared statement,
 * so its ratio is the cost of the controls and the stack, not of having data
 * (bench/bare/item-source.mjs).
 *
 * Built for a noisy shared machine: what is compared is the CPU the *server process* used
 * (user + system, all its threads, from /proc), divided by the requests it answered, not
 * wall-clock throughput, which other load on the machine moves. Each server is warmed up first
 * (JIT, caches), then the apps are measured in rounds whose order rotates, so drift affects
 * all alike; the ratio of each round's measurements is reported as median and min–max.
 *
 * Two projects per framework. "default" is what `--yes` generates (SQLite, accounts on): the
 * route checks a session and reads the item from the database. "controls" is the same project
 * generated with `--database none` (in-memory items, so no database and no accounts): every HTTP
 * control is on (request id, log line, security headers, rate limit, CORS, body limits,
 * validation, safe errors) and nothing else: the ground on which naive stacks were measured
 * before this generator was built (helmet + a rate limiter + a request logger + zod: 2.3× the bare
 * CPU on Express, 2.7× on Fastify). It has no bare+db row; it has a "floor" instead: the same
 * controls hand-fused on plain node:http, each done by the project's own code (request id, rate
 * limit, headers, zod, the pino request line; bench/bare/floor.mjs). The floor's ratio to bare is
 * what those controls cost with no framework at all, a lower bound for any app that keeps them.
 * The controls project also gets a "naive" baseline: the stack a user would assemble from the usual
 * packages for the same route (helmet, cors, a rate limiter, a pino request logger, zod;
 * bench/bare/naive-<framework>.mjs, run from this repository with those packages pinned as its
 * devDependencies), answering the same bytes: "cheaper than what users would build themselves"
 * measured in the same run rather than quoted.
 *
 * The rate limit stays on and counts every request, with the shortest window the default policy
 * allows (1 s) and the highest limit (1,000,000): a run cannot exhaust it (it did at 60 s: above
 * ~16,700 req/s the secured app answered 429 and the bench stopped on non-2xx answers).
 *
 * BENCH_SECONDS (per measurement, default 5), BENCH_ROUNDS (default 5), BENCH_FRAMEWORKS
 * (comma list, default all), BENCH_PROJECTS (comma list of default and controls; default both),
 * BENCH_PORT (the secured app's port, the other apps' are the next three; default 3711),
 * BENCH_RATE (requests per second offered by autocannon in the measured rounds; default none, as
 * fast as the server answers: a fixed rate measures every app at the same load, below
 * saturation, where a production service usually runs), BENCH_CLI
 * (another build's dist/bin/secure-ts.js, to measure an older version of the templates with this
 * harness: "before" and "after" under one method).
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { frameworks } from '../generators/shared/choices.ts';
import { listFrom, run, sessionHeaders, waitForHttp } from './project.ts';
import { cpuSeconds, median, spread, table } from './stats.ts';

const repoRoot = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
const cli = process.env['BENCH_CLI'] ?? join(repoRoot, 'dist', 'bin', 'secure-ts.js');
const seconds = Number(process.env['BENCH_SECONDS'] ?? 5);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 5);
const warmupSeconds = 3;
const connections = 10;
const securedPort = Number(process.env['BENCH_PORT'] ?? 3711);
const barePort = securedPort + 1;
const bareDbPort = securedPort + 2;
const floorPort = securedPort + 3;
const naivePort = securedPort + 4;
/** The secured app's limiter, counting every request, with a budget no run reaches (1,000,000 per second). */
const RATE_LIMIT = { max: '1000000', windowMs: '1000' } as const;
/** Offered load in the measured rounds (autocannon's overallRate); undefined: as fast as answered. */
const rate = process.env['BENCH_RATE'] === undefined ? undefined : Number(process.env['BENCH_RATE']);
if (rate !== undefined && !(Number.isInteger(rate) && rate > 0)) throw new Error('BENCH_RATE: expected a whole number of requests per second');

/** The two generated projects measured per framework, by the `--database` they are generated with. */
const projects = { default: 'sqlite', controls: 'none' } as const;
type Project = keyof typeof projects;
const selected = listFrom('BENCH_FRAMEWORKS', frameworks);
const selectedProjects = listFrom('BENCH_PROJECTS', Object.keys(projects) as Project[]);

/** Headers every secured response must carry: proof the bench measures the app with its controls on. */
const CONTROL_HEADERS = ['content-security-policy', 'strict-transport-security', 'x-content-type-options', 'cache-control', 'x-request-id'];

const load = (url: string, duration: number, headers: Record<string, string> = {}, overallRate?: number) =>
  autocannon({ url, connections, duration, headers, ...(overallRate === undefined ? {} : { overallRate }) });

/** CPU milliseconds of the server process per 1000 requests while autocannon loads one URL. */
async function measure(server: ChildProcess, url: string, headers: Record<string, string>): Promise<{ cpuPerKiloReq: number; rps: number }> {
  const before = cpuSeconds(server.pid!);
  const result = await load(url, seconds, headers, rate);
  const cpu = cpuSeconds(server.pid!) - before;
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors during the bench`);
  return { cpuPerKiloReq: (cpu / result.requests.total) * 1e6, rps: result.requests.average };
}

interface Result {
  readonly framework: string;
  readonly project: Project;
  readonly secured: number[];
  readonly bare: number[];
  /** The bare app reading the same item from the same SQLite file (bench/bare/item-source.mjs); empty without a database. */
  readonly bareDb: number[];
  /** The controls hand-fused on node:http (bench/bare/floor.mjs); only for the controls project. */
  readonly floor: number[];
  /** The naive stack from the usual packages (bench/bare/naive-<framework>.mjs); only for the controls project. */
  readonly naive: number[];
  readonly ratios: number[];
  readonly dbRatios: number[];
  readonly floorRatios: number[];
  /** Secured CPU / naive CPU, per round: below 1, the generated app is cheaper than the naive stack. */
  readonly naiveRatios: number[];
  readonly securedRps: number[];
  readonly bareRps: number[];
  readonly bytes: number;
}

/** Headers that vary per request or belong to Node's connection handling, left out of the floor's fixed set. */
const PER_RESPONSE = new Set(['x-request-id', 'ratelimit', 'ratelimit-policy', 'content-type', 'content-length', 'date', 'connection', 'keep-alive']);
const staticHeaders = (headers: Headers): Record<string, string> => Object.fromEntries([...headers].filter(([name]) => !PER_RESPONSE.has(name)));
const headerNames = (headers: Headers): string => [...headers.keys()].sort().join(',');

async function benchOne(framework: string, project: Project): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), `secure-ts-bench-${framework}-${project}-`));
  const hasDb = projects[project] !== 'none';
  run(dir, process.execPath, [cli, 'bench-api', '--yes', '--skip-git', '--framework', framework, '--database', projects[project]]);
  const root = join(dir, 'bench-api');
  run(root, 'npm', ['run', 'build']);
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(securedPort),
    LOG_LEVEL: 'info',
    RATE_LIMIT_MAX: RATE_LIMIT.max,
    RATE_LIMIT_WINDOW_MS: RATE_LIMIT.windowMs,
    DATABASE_PATH: join(root, 'data', 'bench.sqlite'),
  };
  const secured = spawn(process.execPath, ['--env-file=.env', 'dist/server.js'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const bares: ChildProcess[] = [];
  try {
    await waitForHttp(`http://127.0.0.1:${String(securedPort)}/health`);
    const headers = await sessionHeaders(`http://127.0.0.1:${String(securedPort)}`);
    const created = await fetch(`http://127.0.0.1:${String(securedPort)}/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ name: 'Benchmark item', description: 'Served by GET /items/:id' }),
    });
    if (created.status !== 201) throw new Error(`${framework}: seeding an item answered ${created.status}: ${await created.text()}`);
    const item = (await created.json()) as { id: string };
    const path = `/items/${item.id}`;
    const securedResponse = await fetch(`http://127.0.0.1:${String(securedPort)}${path}`, { headers });
    const body = await securedResponse.text();
    const missing = CONTROL_HEADERS.filter((h) => !securedResponse.headers.has(h));
    if (securedResponse.status !== 200 || missing.length > 0) throw new Error(`${framework}: GET ${path} answered ${securedResponse.status}, missing ${missing.join(', ')}`);

    copyFileSync(join(repoRoot, 'bench', 'bare', `${framework}.mjs`), join(root, 'bare.mjs'));
    copyFileSync(join(repoRoot, 'bench', 'bare', 'item-source.mjs'), join(root, 'item-source.mjs'));
    copyFileSync(join(repoRoot, 'bench', 'bare', 'floor.mjs'), join(root, 'floor.mjs'));
    const startBare = async (port: number, extra: Record<string, string>, script = join(root, 'bare.mjs')): Promise<{ process: ChildProcess; url: string; response: Response }> => {
      const child = fork(script, [], { cwd: dirname(script), env: { ...process.env, PORT: String(port), BENCH_BODY: body, ...extra }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      bares.push(child);
      const url = `http://127.0.0.1:${String(port)}${path}`;
      await waitForHttp(url);
      // A fair baseline serves the very same bytes; a different body would measure serialisation, not the stack.
      const response = await fetch(url);
      if ((await response.text()) !== body) throw new Error(`${framework}: a bare app's body differs from the secured app's`);
      return { process: child, url, response };
    };
    const bare = await startBare(barePort, {});
    const bareDb = hasDb ? await startBare(bareDbPort, { BENCH_DATABASE_PATH: env.DATABASE_PATH }) : undefined;
    const floorEnv = {
      BENCH_HEADERS: JSON.stringify(staticHeaders(securedResponse.headers)),
      BENCH_RATE_LIMIT_POLICY: securedResponse.headers.get('ratelimit-policy') ?? '',
      BENCH_RATE_LIMIT_FIELD: securedResponse.headers.get('ratelimit') ?? '',
    };
    const floor = hasDb ? undefined : await startBare(floorPort, floorEnv, join(root, 'floor.mjs'));
    // The naive stack runs from this repository's devDependencies: the same framework version as the project's, or the comparison is void.
    const versionOf = (dir: string, name: string) => (JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    const frameworkPackage = framework; // express, fastify, hono: each framework's npm name is its choice name
    if (!hasDb && versionOf(root, frameworkPackage) !== versionOf(repoRoot, frameworkPackage)) {
      throw new Error(`${framework}: the naive stack's ${frameworkPackage} ${versionOf(repoRoot, frameworkPackage)} differs from the project's ${versionOf(root, frameworkPackage)}; pin the same version in this repository's devDependencies`);
    }
    const naiveEnv = { BENCH_RATE_LIMIT_MAX: RATE_LIMIT.max, BENCH_RATE_LIMIT_WINDOW_MS: RATE_LIMIT.windowMs };
    const naive = hasDb ? undefined : await startBare(naivePort, naiveEnv, join(repoRoot, 'bench', 'bare', `naive-${framework}.mjs`));
    // A fair floor sends every header the secured app sends, under the same names, and counts against the same limit.
    if (floor !== undefined && headerNames(floor.response.headers) !== headerNames(securedResponse.headers)) {
      throw new Error(`${framework}: the floor's headers (${headerNames(floor.response.headers)}) differ from the secured app's (${headerNames(securedResponse.headers)})`);
    }
    const rateLimitShape = (headers: Headers) => (headers.get('ratelimit') ?? '').replace(/\d+/g, 'n');
    if (floor !== undefined && (floor.response.headers.get('ratelimit-policy') !== securedResponse.headers.get('ratelimit-policy') || rateLimitShape(floor.response.headers) !== rateLimitShape(securedResponse.headers))) {
      throw new Error(`${framework}: the floor's RateLimit-Policy or RateLimit field differs in form from the secured app's`);
    }

    const securedUrl = `http://127.0.0.1:${String(securedPort)}${path}`;
    await load(securedUrl, warmupSeconds, headers);
    await load(bare.url, warmupSeconds, headers);
    if (bareDb !== undefined) await load(bareDb.url, warmupSeconds, headers);
    if (floor !== undefined) await load(floor.url, warmupSeconds, headers);
    if (naive !== undefined) await load(naive.url, warmupSeconds, headers);
    const result: Result = { framework, project, secured: [], bare: [], bareDb: [], floor: [], naive: [], ratios: [], dbRatios: [], floorRatios: [], naiveRatios: [], securedRps: [], bareRps: [], bytes: Buffer.byteLength(body) };
    const sides = [
      { run: () => measure(secured, securedUrl, headers), into: result.secured },
      { run: () => measure(bare.process, bare.url, headers), into: result.bare },
    ];
    if (bareDb !== undefined) sides.push({ run: () => measure(bareDb.process, bareDb.url, headers), into: result.bareDb });
    if (floor !== undefined) sides.push({ run: () => measure(floor.process, floor.url, headers), into: result.floor });
    if (naive !== undefined) sides.push({ run: () => measure(naive.process, naive.url, headers), into: result.naive });
    for (let i = 0; i < rounds; i += 1) {
      // The order rotates every round, so no side is always the one measured first.
      const rps: number[] = [];
      for (let k = 0; k < sides.length; k += 1) {
        const side = sides[(i + k) % sides.length]!;
        const m = await side.run();
        side.into.push(m.cpuPerKiloReq);
        if (side.into === result.secured) rps[0] = m.rps;
        if (side.into === result.bare) rps[1] = m.rps;
      }
      result.ratios.push(result.secured[i]! / result.bare[i]!);
      if (bareDb !== undefined) result.dbRatios.push(result.secured[i]! / result.bareDb[i]!);
      if (floor !== undefined) result.floorRatios.push(result.floor[i]! / result.bare[i]!);
      if (naive !== undefined) result.naiveRatios.push(result.secured[i]! / result.naive[i]!);
      result.securedRps.push(rps[0]!);
      result.bareRps.push(rps[1]!);
    }
    return result;
  } finally {
    const ended = [secured, ...bares].map((child) => (child.exitCode === null && child.signalCode === null ? new Promise((settle) => child.once('exit', settle)) : undefined));
    secured.kill('SIGTERM');
    for (const child of bares) child.kill('SIGTERM');
    // Each project holds its node_modules: remove it once its servers are gone, not one per run left in the temp dir.
    await Promise.all(ended);
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchFrameworks(): Promise<void> {
  const rows: string[][] = [
    ['framework', 'project', 'ratio vs bare', 'ratio vs bare+db', 'floor vs bare', 'secured vs naive', 'secured ms CPU/1k req', 'bare', 'bare+db', 'floor', 'naive', 'secured req/s', 'bare req/s', 'body bytes'],
  ];
  const fmt = (values: readonly number[], digits: number, unit = '') => {
    if (values.length === 0) return '—';
    const { min, max } = spread(values);
    return `${median(values).toFixed(digits)}${unit} [${min.toFixed(digits)}–${max.toFixed(digits)}]`;
  };
  for (const framework of selected) for (const project of selectedProjects) {
    const r = await benchOne(framework, project);
    rows.push([
      r.framework,
      r.project,
      fmt(r.ratios, 2, 'x'),
      fmt(r.dbRatios, 2, 'x'),
      fmt(r.floorRatios, 2, 'x'),
      fmt(r.naiveRatios, 2, 'x'),
      fmt(r.secured, 1),
      fmt(r.bare, 1),
      fmt(r.bareDb, 1),
      fmt(r.floor, 1),
      fmt(r.naive, 1),
      median(r.securedRps).toFixed(0),
      median(r.bareRps).toFixed(0),
      String(r.bytes),
    ]);
  }
  console.log(`\nServer CPU per request, GET /items/:id (${warmupSeconds} s warm-up, ${rounds} alternating rounds of ${seconds} s, ${connections} connections, ${rate === undefined ? 'as fast as answered' : `${String(rate)} req/s offered`}; median [min–max] over rounds)\n`);
  console.log(table(rows));
  console.log(
    '\nbare: the same framework serving the secured answer\'s bytes as a constant (no database work). bare+db: the same item read by id\n' +
      'from the same SQLite file with one prepared node:sqlite statement. Ratio = secured CPU / baseline CPU, per round; median [min–max].\n' +
      'default: the `--yes` project (SQLite, accounts: a session check and a database read per request). controls: the same\n' +
      'generated with `--database none` (every HTTP control, in-memory items, no accounts). floor: that project\'s controls\n' +
      'hand-fused on plain node:http with the project\'s own code for each (bench/bare/floor.mjs): what they cost with no framework.\n' +
      'naive: the stack a user would assemble from the usual packages for the same route, same bytes (bench/bare/naive-*.mjs);\n' +
      'secured vs naive below 1x: the generated app costs less CPU per request than that stack. The rate limit counts every\n' +
      `request on every app, ${RATE_LIMIT.max} per ${RATE_LIMIT.windowMs} ms window: more than a run can send.`,
  );
}
