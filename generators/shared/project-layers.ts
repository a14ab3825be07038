/**
 * What a project is made of, as data (the core's, used by plan.ts for both entry points): the base,
 * framework and database layers, then each feature generator's own list from its files.ts: layers (folders under templates/) with the condition
 * that enables them and the dependencies and scripts they bring. File count grows as
 * frameworks + databases + features, never as their product.
 */
import { accountsLayers } from '../accounts/files.ts';
import { controlsDocLayers } from '../audit/files.ts';
import { ciLayers } from '../ci/files.ts';
import { dockerLayers } from '../docker/files.ts';
import { filesLayers } from '../files/files.ts';
import { resourceRegistryLayers } from '../resource/files.ts';
import { viewsLayers } from '../views/files.ts';
import type { Layer } from './layers.ts';
import type { TemplateContext } from './derive.ts';

export const projectLayers: readonly Layer<TemplateContext>[] = [
  {
    dir: 'base',
    when: () => true,
    // ioredis: counters shared across instances when REDIS_URL is set (src/security/counter-store.ts).
    dependencies: ['ioredis', 'pino', 'zod'],
    devDependencies: [
      '@eslint/js',
      '@types/node',
      'eslint',
      'eslint-plugin-security',
      'secretlint',
      '@secretlint/secretlint-rule-preset-recommend',
      // Readable logs for `npm run dev` on a terminal only (src/dev-log.ts); never loaded in production.
      'pino-pretty',
      'prettier',
      // The API reference page of `npm run dev` (src/docs/reference.ts); never served in production.
      'swagger-ui-dist',
      'typescript',
      'typescript-eslint',
      'vite',
      'vitest',
    ],
    scripts: {
      dev: 'node --watch --env-file-if-exists=.env src/server.ts',
      build: 'tsc -p tsconfig.build.json && node scripts/build-info.ts',
      start: 'node --env-file-if-exists=.env dist/server.js',
      test: 'vitest run',
      lint: 'eslint . --max-warnings=0',
      typecheck: 'tsc --noEmit',
      format: 'prettier --write .',
      openapi: 'node scripts/openapi.ts',
      secret: 'node scripts/secret.ts',
      // Committed secrets (keys, tokens, connection strings with passwords); .secretlintrc.json.
      secretlint: 'secretlint "**/*"',
    },
  },
  {
    dir: 'framework/express',
    when: (ctx) => ctx.isExpress,
    dependencies: ['express', 'helmet', 'cors', 'express-rate-limit'],
    devDependencies: ['@types/express', '@types/cors'],
  },
  {
    dir: 'framework/fastify',
    when: (ctx) => ctx.isFastify,
    // helmet itself, computed once at start-up: @fastify/helmet rebuilds it per request (~2x CPU).
    dependencies: ['fastify', '@fastify/cors', 'helmet'],
  },
  {
    dir: 'framework/hono',
    when: (ctx) => ctx.isHono,
    dependencies: ['hono', '@hono/node-server'],
  },
  {
    // What every database shares: Kysely, schema types, migrations, the items repository, the raw-SQL lint ban.
    dir: 'database/common',
    when: (ctx) => ctx.hasDb,
    dependencies: ['kysely'],
    scripts: { migrate: 'node --env-file-if-exists=.env scripts/migrate.ts' },
  },
  {
    dir: 'database/sqlite',
    when: (ctx) => ctx.dbIsSqlite,
  },
  {
    // Server databases (PostgreSQL, MySQL), written once against src/db/dialect.ts: DATABASE_URL and
    // TLS rules, env, error classification, createDb, the bounded wait for a pooled connection, and
    // the outage tests. Each dialect's layer brings only what differs: dialect.ts, the pool, docs, tests.
    dir: 'database/server',
    when: (ctx) => ctx.dbIsPostgres || ctx.dbIsMysql,
  },
  {
    dir: 'database/postgres',
    when: (ctx) => ctx.dbIsPostgres,
    dependencies: ['pg'],
    devDependencies: ['@types/pg'],
  },
  {
    dir: 'database/mysql',
    when: (ctx) => ctx.dbIsMysql,
    dependencies: ['mysql2'],
  },
  {
    // --database none: the items repository in memory, nothing else (no driver, no migrations).
    dir: 'database/none',
    when: (ctx) => !ctx.hasDb,
  },
  ...filesLayers,
  ...resourceRegistryLayers,
  ...accountsLayers,
  ...ciLayers,
  ...dockerLayers,
  ...viewsLayers,
  ...controlsDocLayers,
  {
    // pnpm ≥ 11 reads its settings from pnpm-workspace.yaml: which dependency build scripts run (none).
    dir: 'package-manager/pnpm',
    when: (ctx) => ctx.pm.isPnpm,
  },
  {
    // The audit in the project itself: `npm run audit:controls`, which its CI runs on every push.
    dir: 'features/controls-audit',
    when: () => true,
    scripts: { 'audit:controls': 'node scripts/audit-controls.ts' },
  },
];
