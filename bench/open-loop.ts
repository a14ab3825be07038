/**
 * The load sender of `npm run bench overload`, run as its own process (pinned by the bench to a
 * core the server does not use). Reads one job from BENCH_SENDER (JSON), prints one JSON result
 * line on stdout. Three kinds of job:
 *
 * - `closed`: a fixed number of connections, each sending its next request when the last one is
 *   answered: the maximum rate the server sustains (2xx per second after a warm-up).
 * - `open`: requests issued on a fixed schedule whatever the server does (open loop). autocannon
 *   is closed-loop even with `overallRate` (each connection waits for its answer), so an overload
 *   it offers queues in the client, not in the server. Here every request's latency and timeout
 *   count from the moment it was *scheduled*, so a queue anywhere (the connection pool included)
 *   shows in the figures instead of hiding behind a slower send rate. With `signalAtMs`, the
 *   sender itself sends SIGTERM to the server at that moment of the schedule and tallies the
 *   requests issued before and after it apart.
 * - `uploads`: many uploads of one shared buffer at once (node:http, which reports a response
 *   the server sends before it has read the body; the bench watches the server's memory meanwhile).
 *
 * undici's Client is the connection of the first two (one Node process issues well over 10,000
 * requests per second with it on one core, which `http.request` does not), one per connection,
 * handed out from an idle stack by `Connections` below: undici's own Pool looks for a free
 * connection by scanning all of them on every request, which costs the sender more than the
 * server's answer when thousands are open and busy.
 */
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Client } from 'undici';

interface Common {
  readonly origin: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly timeoutMs: number;
}
export type Job =
  | (Common & { readonly kind: 'closed'; readonly connections: number; readonly warmupMs: number; readonly durationMs: number })
  | (Common & { readonly kind: 'open'; readonly connections: number; readonly rate: number; readonly durationMs: number; readonly signal?: { readonly pid: number; readonly atMs: number } })
  | (Common & { readonly kind: 'uploads'; readonly count: number; readonly bytes: number });

/** What happened to a set of requests; plain numbers so it crosses the process boundary as JSON. */
export interface Tally {
  issued: number;
  /** Answers by status code. */
  statuses: Record<string, number>;
  /** 2xx answers that arrived within the measured window: throughput is this over its length (answers to the last requests, arriving after it, would inflate it). */
  windowed2xx: number;
  /** Non-2xx answers that carried Retry-After, by status code. */
  withRetryAfter: Record<string, number>;
  /** Requests that got no answer within the client timeout (counted from their scheduled time). */
  timeouts: number;
  /** Connections closed or reset under a request before its answer (ECONNRESET, "other side closed", EPIPE). */
  resets: number;
  /** Connection refused: nothing was listening (after a shutdown closed the port). */
  refused: number;
  /** Any other client error, by code: EMFILE, EADDRNOTAVAIL… are the client's failures, not the server's. */
  otherErrors: Record<string, number>;
  /** Milliseconds from scheduled send to the end of the body, of 2xx answers only. */
  latencies2xx: { count: number; p50: number; p99: number; max: number };
}

export interface SenderResult {
  readonly kind: Job['kind'];
  /** Seconds over which `tally` was counted (the measured window, or the whole schedule). */
  readonly seconds: number;
  readonly tally: Tally;
  /** `open` with a signal: requests scheduled after the signal (the tally holds those before it). */
  readonly afterSignal?: Tally;
  /** `open`: how late the sender issued requests against its own schedule, 99th percentile, ms. */
  readonly issueLagP99Ms?: number;
  /** `open`: requests actually issued per second while the schedule ran. */
  readonly issuedRate?: number;
  /** `open`/`closed`: most requests seen waiting in the client for a free connection (every connection busy). */
  readonly clientQueuedMax?: number;
  /** `open` with a signal: when it was sent (Date.now()), so the bench can time the exit from it. */
  readonly signalledAt?: number;
}

const quantile = (sorted: Float64Array, q: number): number => (sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);

class Counter {
  issued = 0;
  windowed2xx = 0;
  /** performance.now() at which the measured window ends; 2xx answers after it are not throughput. */
  windowEnd = Number.POSITIVE_INFINITY;
  readonly statuses = new Map<number, number>();
  readonly withRetryAfter = new Map<number, number>();
  timeouts = 0;
  resets = 0;
  refused = 0;
  readonly otherErrors = new Map<string, number>();
  latencies: number[] = [];

  answer(status: number, retryAfter: boolean, latencyMs: number): void {
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    if (status >= 200 && status < 300) {
      this.latencies.push(latencyMs);
      if (performance.now() <= this.windowEnd) this.windowed2xx += 1;
    }
    else if (retryAfter) this.withRetryAfter.set(status, (this.withRetryAfter.get(status) ?? 0) + 1);
  }

  failure(error: unknown, timedOut: boolean): void {
    if (timedOut) {
      this.timeouts += 1;
      return;
    }
    const code = errorCode(error);
    if (code === 'ECONNREFUSED') this.refused += 1;
    else if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET') this.resets += 1;
    else this.otherErrors.set(code, (this.otherErrors.get(code) ?? 0) + 1);
  }

  toJSON(): Tally {
    const sorted = Float64Array.from(this.latencies).sort();
    return {
      issued: this.issued,
      windowed2xx: this.windowed2xx,
      statuses: Object.fromEntries(this.statuses),
      withRetryAfter: Object.fromEntries(this.withRetryAfter),
      timeouts: this.timeouts,
      resets: this.resets,
      refused: this.refused,
      otherErrors: Object.fromEntries(this.otherErrors),
      latencies2xx: { count: sorted.length, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: sorted.length === 0 ? Number.NaN : sorted[sorted.length - 1]! },
    };
  }
}

/** The most specific code of an error: undici wraps socket errors, so look at the cause too. */
function errorCode(error: unknown): string {
  const code = (e: unknown): string | undefined => (typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined);
  const cause = typeof error === 'object' && error !== null && 'cause' in error ? error.cause : undefined;
  return code(cause) ?? code(error) ?? (error instanceof Error ? error.name : 'unknown');
}

class TimedOut extends Error {}

/** One request's deadline; `abort` is set once it is on a connection. */
interface Pending {
  readonly deadline: number;
  timedOut: boolean;
  abort?: (reason: Error) => void;
}

/**
 * Time out every request whose deadline has passed. Requests are kept in the order they were
 * scheduled, and deadlines follow that order, so a sweep stops at the first live one.
 */
class Deadlines {
  private readonly live = new Map<number, Pending>();
  private next = 0;
  private readonly timer: NodeJS.Timeout;
  /** Most requests seen waiting for a connection at a sweep: the client's own queue, reported so it is never mistaken for the server's. */
  queuedMax = 0;

  constructor(connections: Connections) {
    this.timer = setInterval(() => {
      this.queuedMax = Math.max(this.queuedMax, connections.waiting);
      const now = performance.now();
      for (const [id, entry] of this.live) {
        if (entry.deadline > now) break;
        this.live.delete(id);
        entry.timedOut = true;
        entry.abort?.(new TimedOut());
      }
    }, 10);
  }

  add(pending: Pending): number {
    const id = this.next;
    this.next += 1;
    this.live.set(id, pending);
    return id;
  }

  done(id: number): void {
    this.live.delete(id);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/**
 * A fixed set of connections (one undici Client each, one request at a time), an idle stack and a
 * FIFO of requests waiting for one: O(1) per request whatever the number of connections. A waiter
 * whose deadline passed while it waited is dropped (a timeout) when its turn comes.
 */
class Connections {
  private readonly idle: Client[];
  private readonly all: Client[];
  private queue: { readonly pending: Pending; readonly resolve: (client: Client) => void; readonly reject: (error: Error) => void }[] = [];
  private head = 0;

  constructor(job: Common & { connections: number }) {
    // No per-phase timeouts inside undici: the sender's own deadline covers the whole request,
    // the wait for a connection included. Keep-alive longer than the server's, so the server decides.
    this.all = Array.from({ length: job.connections }, () => new Client(job.origin, { pipelining: 1, headersTimeout: 0, bodyTimeout: 0, keepAliveTimeout: 60_000, connect: { timeout: job.timeoutMs } }));
    this.idle = [...this.all];
  }

  get waiting(): number {
    return this.queue.length - this.head;
  }

  take(pending: Pending): Client | Promise<Client> {
    const client = this.idle.pop();
    if (client !== undefined) return client;
    return new Promise((resolve, reject) => this.queue.push({ pending, resolve, reject }));
  }

  give(client: Client): void {
    while (this.head < this.queue.length) {
      const next = this.queue[this.head]!;
      this.head += 1;
      if (this.head > 4096 && this.head * 2 > this.queue.length) {
        this.queue = this.queue.slice(this.head);
        this.head = 0;
      }
      if (next.pending.timedOut) next.reject(new TimedOut());
      else return next.resolve(client);
    }
    this.idle.push(client);
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((client) => client.destroy().catch(() => undefined)));
  }
}

/**
 * One GET on one connection with undici's dispatch API: no response stream and no AbortSignal
 * per request (each costs the sender more than a cheap answer costs the server); the body is
 * read and dropped.
 */
function dispatch(client: Client, job: Common, pending: Pending): Promise<{ status: number; retryAfter: boolean }> {
  return new Promise((resolve, reject) => {
    let status = 0;
    let retryAfter = false;
    client.dispatch(
      { origin: job.origin, path: job.path, method: 'GET', headers: job.headers },
      {
        onRequestStart(controller) {
          if (pending.timedOut) controller.abort(new TimedOut());
          else pending.abort = (reason) => controller.abort(reason);
        },
        onResponseStart(_controller, statusCode, headers) {
          status = statusCode;
          retryAfter = headers['retry-after'] !== undefined;
        },
        onResponseData() {
          // The body is read off the socket and dropped: only its arrival counts.
        },
        onResponseEnd() {
          resolve({ status, retryAfter });
        },
        onResponseError(_controller, error) {
          reject(error);
        },
      },
    );
  });
}

/** One GET whose clock started at `scheduled`; the answer or the failure goes into `into`. */
async function one(connections: Connections, job: Common, deadlines: Deadlines, scheduled: number, into: () => Counter): Promise<void> {
  const pending: Pending = { deadline: scheduled + job.timeoutMs, timedOut: false };
  const id = deadlines.add(pending);
  let client: Client | undefined;
  try {
    client = await connections.take(pending);
    const { status, retryAfter } = await dispatch(client, job, pending);
    deadlines.done(id);
    into().answer(status, retryAfter, performance.now() - scheduled);
  } catch (error) {
    deadlines.done(id);
    into().failure(error, pending.timedOut || error instanceof TimedOut);
  } finally {
    if (client !== undefined) connections.give(client);
  }
}

async function closedLoop(job: Extract<Job, { kind: 'closed' }>): Promise<SenderResult> {
  const connections = new Connections(job);
  const deadlines = new Deadlines(connections);
  const warm = new Counter();
  const measured = new Counter();
  const started = performance.now();
  const measureFrom = started + job.warmupMs;
  const end = measureFrom + job.durationMs;
  measured.windowEnd = end;
  const worker = async () => {
    while (performance.now() < end) {
      const scheduled = performance.now();
      const counter = scheduled >= measureFrom ? measured : warm;
      counter.issued += 1;
      // A request issued in the measured window counts there, even if answered after it ends.
      await one(connections, job, deadlines, scheduled, () => counter);
    }
  };
  await Promise.all(Array.from({ length: job.connections }, worker));
  deadlines.stop();
  await connections.close();
  return { kind: 'closed', seconds: job.durationMs / 1000, tally: measured.toJSON(), clientQueuedMax: deadlines.queuedMax };
}

async function openLoop(job: Extract<Job, { kind: 'open' }>): Promise<SenderResult> {
  const connections = new Connections(job);
  const deadlines = new Deadlines(connections);
  const before = new Counter();
  const after = new Counter();
  const total = Math.round((job.rate * job.durationMs) / 1000);
  const interval = 1000 / job.rate;
  const lags = new Float64Array(total);
  const pending: Promise<void>[] = [];
  const started = performance.now();
  const signalAt = job.signal === undefined ? Number.POSITIVE_INFINITY : started + job.signal.atMs;
  before.windowEnd = started + job.durationMs;
  after.windowEnd = started + job.durationMs;
  let signalledAt: number | undefined;
  let issued = 0;
  await new Promise<void>((done) => {
    const tick = () => {
      const now = performance.now();
      if (signalledAt === undefined && now >= signalAt && job.signal !== undefined) {
        signalledAt = Date.now();
        process.kill(job.signal.pid, 'SIGTERM');
      }
      // Issue everything due by now; a late tick issues a burst, each request keeping its own
      // scheduled time, so the sender's lateness is measured (issue lag) and never hidden.
      while (issued < total && started + issued * interval <= now) {
        const scheduled = started + issued * interval;
        lags[issued] = now - scheduled;
        const counter = scheduled < signalAt ? before : after;
        counter.issued += 1;
        pending.push(one(connections, job, deadlines, scheduled, () => counter));
        issued += 1;
      }
      if (issued < total) setTimeout(tick, 1);
      else done();
    };
    tick();
  });
  const issuedRate = issued / ((performance.now() - started) / 1000);
  await Promise.all(pending);
  deadlines.stop();
  await connections.close();
  lags.sort();
  return {
    kind: 'open',
    seconds: job.durationMs / 1000,
    tally: before.toJSON(),
    ...(job.signal === undefined ? {} : { afterSignal: after.toJSON() }),
    ...(signalledAt === undefined ? {} : { signalledAt }),
    issueLagP99Ms: quantile(lags, 0.99),
    issuedRate,
    clientQueuedMax: deadlines.queuedMax,
  };
}

/** Uploads with node:http: it hands over a response the server sends before reading the whole body. */
async function uploads(job: Extract<Job, { kind: 'uploads' }>): Promise<SenderResult> {
  const url = new URL(job.path, job.origin);
  const body = Buffer.alloc(job.bytes, 'a');
  const agent = new HttpAgent({ keepAlive: false, maxSockets: job.count });
  const counter = new Counter();
  const started = performance.now();
  const oneUpload = () =>
    new Promise<void>((settle) => {
      counter.issued += 1;
      const scheduled = performance.now();
      let answered = false;
      const req = httpRequest(url, { method: 'POST', agent, headers: { ...job.headers, 'content-length': String(job.bytes) }, timeout: job.timeoutMs }, (res) => {
        answered = true;
        res.resume();
        res.on('end', () => {
          counter.answer(res.statusCode ?? 0, res.headers['retry-after'] !== undefined, performance.now() - scheduled);
          settle();
        });
        res.on('error', () => settle());
      });
      req.on('timeout', () => req.destroy(Object.assign(new Error('client timeout'), { code: 'TIMEOUT' })));
      // A write error after the answer (the server closed early, as it should) is not a failure.
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (answered) return;
        counter.failure(error, error.code === 'TIMEOUT');
        settle();
      });
      req.end(body);
    });
  await Promise.all(Array.from({ length: job.count }, oneUpload));
  agent.destroy();
  return { kind: 'uploads', seconds: (performance.now() - started) / 1000, tally: counter.toJSON() };
}

const job = JSON.parse(process.env['BENCH_SENDER'] ?? 'null') as Job | null;
if (job === null) throw new Error('BENCH_SENDER: expected a job (JSON); this file is started by bench/overload.ts');
const result = job.kind === 'closed' ? await closedLoop(job) : job.kind === 'open' ? await openLoop(job) : await uploads(job);
process.stdout.write(`${JSON.stringify(result)}\n`);
