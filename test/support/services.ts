/**
 * The database servers (and the Redis server) the end-to-end matrix needs. On a machine without them those cases are
 * skipped with the reason; CI sets SECURE_TS_REQUIRE_SERVICES=1, which turns a missing server into
 * a failure (.ci/run starts any that is down first).
 */
import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';

export interface Service {
  readonly name: string;
  readonly host: string;
  readonly port: number;
  /** What the generated project's tests read to reach it. */
  readonly env: Readonly<Record<string, string>>;
  readonly start: string;
}

export const services: Readonly<Record<string, Service>> = {
  postgres: {
    name: 'PostgreSQL',
    host: '127.0.0.1',
    port: 5432,
    env: { TEST_DATABASE_URL: process.env['SECURE_TS_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
    start: 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
  },
  mysql: {
    name: 'MariaDB/MySQL',
    host: '127.0.0.1',
    port: 3306,
    env: { TEST_DATABASE_URL: process.env['SECURE_TS_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306/test' },
    start: 'start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd',
  },
};

/**
 * Every generated project, whatever its database, tests its rate-limit counters shared through
 * Redis (REDIS_URL) against this server; its tests skip those cases without TEST_REDIS_URL.
 */
export const redisService: Service = {
  name: 'Redis',
  host: '127.0.0.1',
  port: 6379,
  env: { TEST_REDIS_URL: process.env['SECURE_TS_REDIS_URL'] ?? 'redis://127.0.0.1:6379' },
  start: 'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no',
};

export const servicesRequired = process.env['SECURE_TS_REQUIRE_SERVICES'] === '1';

export function reachable(service: Service, timeoutMs = 2_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: service.host, port: service.port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * A database of its own for one end-to-end probe of a built project, created and dropped through
 * the project's own driver (pg or mysql2, already installed there). The probe runs the project's
 * migrations; on the server's shared default database they would pile up across runs and
 * branches, and a later run whose migrations differ would refuse to start ("previously executed
 * migration … is missing"), which says nothing about the project under test.
 */
export async function withProbeDatabase<T>(root: string, database: string, serverUrl: string, run: (url: string) => Promise<T>): Promise<T> {
  const name = `e2e_probe_${process.pid}_${Date.now().toString(36)}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const script = (statement: string) =>
    database === 'postgres'
      ? `import pg from 'pg'; const c = new pg.Client(process.env.SERVER_URL); await c.connect(); await c.query(${JSON.stringify(statement)}); await c.end();`
      : `import mysql from 'mysql2/promise'; const c = await mysql.createConnection(process.env.SERVER_URL); await c.query(${JSON.stringify(statement)}); await c.end();`;
  const admin = (statement: string) => {
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script(statement)], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, SERVER_URL: serverUrl },
    });
    if (result.status !== 0) throw new Error(`${statement} failed: ${result.stderr}`);
  };
  admin(`CREATE DATABASE ${name}`);
  try {
    return await run(url.toString());
  } finally {
    admin(`DROP DATABASE ${name}`);
  }
}
