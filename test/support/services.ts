/**
 * The database servers (and the Redis server) the end-to-end matrix needs. On a machine without them those cases are
 * skipped with the reason; CI sets SECURE_TS_REQUIRE_SERVICES=1, which turns a missing server into
 * a failure (.ci/run starts any that is down first).
 */
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
