/**
 * The project's answers as option specs, each declared once (see option-spec.ts): the positional
 * name and every option stored in `.yo-rc.json`, asked by prompts and settable by flags. The core
 * (answers.ts, policy.ts, plan.ts) and both entry points read them from here.
 */
import { ciProviders, databases, frameworks, hashings, packageManagers } from './choices.ts';
import type { OptionSpec } from './option-spec.ts';
import { descriptionError, projectNameError } from './validate-names.ts';

/** The positional argument: the project (and folder) name. */
export const nameSpec = {
  kind: 'text',
  name: 'name',
  description: 'Project name: an npm package name, also the new folder',
  default: 'my-secure-api',
  prompt: 'Project name (npm package name, also the folder)',
  validate: projectNameError,
} as const satisfies OptionSpec;

/** Stored in `.yo-rc.json`, asked by prompts, settable by flags. Order = prompt order. */
export const appOptions = [
  {
    kind: 'choice',
    name: 'framework',
    description: 'HTTP framework',
    prompt: 'Which HTTP framework?',
    choices: frameworks,
    default: 'express',
    hints: {
      express: 'Express 5 with helmet, cors allowlist, shared-counter rate limit (draft-8 RateLimit headers)',
      fastify: 'Fastify 5 with @fastify/cors, zod validation',
      hono: 'Hono 4 on @hono/node-server with secure-headers, cors, body limit',
    },
  },
  {
    kind: 'choice',
    name: 'database',
    description: 'Database',
    prompt: 'Which database?',
    choices: databases,
    default: 'sqlite',
    hints: {
      sqlite: "embedded, Node 24's built-in node:sqlite (no native build)",
      postgres: 'PostgreSQL through pg, verified TLS, bounded pool',
      mysql: 'MySQL 8 / MariaDB 10.11+ through mysql2, verified TLS',
      none: 'no database: example items kept in memory (bounded, lost on restart)',
    },
  },
  {
    kind: 'text',
    name: 'description',
    description: 'One-line description of the service',
    prompt: 'Describe the service in one line',
    default: 'A secure TypeScript web service',
    validate: descriptionError,
  },
  {
    kind: 'choice',
    name: 'hashing',
    description: 'Password hashing for accounts (bcrypt is not offered: Node has no native-free, non-blocking bcrypt)',
    prompt: 'Password hashing for accounts?',
    choices: hashings,
    default: 'argon2id',
    hints: {
      argon2id: "Node 24's crypto.argon2 (async), OWASP's first choice",
      scrypt: 'node:crypto scrypt (async), N=2^17 r=8 p=1',
    },
  },
  {
    kind: 'choice',
    name: 'ci',
    description: 'CI provider for the generated pipeline',
    prompt: 'Which CI?',
    choices: ciProviders,
    default: 'github',
    hints: { github: 'GitHub Actions pinned by SHA, CodeQL, Dependabot', gitlab: 'GitLab CI with SAST and dependency scanning' },
  },
  {
    kind: 'choice',
    name: 'packageManager',
    description: 'Package manager for installs, the lockfile, CI and Docker',
    prompt: 'Which package manager?',
    choices: packageManagers,
    default: 'npm',
    hints: {
      npm: 'npm, install scripts off (.npmrc ignore-scripts), package-lock.json',
      pnpm: 'pnpm, dependency build scripts blocked (pnpm-workspace.yaml allows none), pnpm-lock.yaml',
    },
  },
  {
    kind: 'boolean',
    name: 'accounts',
    // The default depends on the database (off with `none`, see answers.ts): a database-less
    // project has nowhere honest to keep accounts and sessions (generators/shared/storage.ts).
    description: 'Accounts: register, login, logout, server-side sessions (same as `secure-ts accounts` later; off with --database none)',
    prompt: 'Add accounts (password login, server-side sessions)?',
    default: true,
  },
  {
    kind: 'boolean',
    // Stored as `uploads`: `.yo-rc.json` already uses `files` for the generator-owned file map.
    // The default follows accounts and storage (generators/files/files.ts): no prompt of its own.
    name: 'uploads',
    description: 'File uploads owned by accounts: safe paths, type checks, signed download links (same as `secure-ts files` later; off without accounts or a database)',
    default: true,
  },
  {
    kind: 'boolean',
    name: 'docker',
    description: 'Add a hardened Dockerfile, .dockerignore and compose.yaml (same as `secure-ts docker` later)',
    prompt: 'Add a hardened Dockerfile and compose file?',
    default: false,
  },
  {
    kind: 'boolean',
    name: 'views',
    description: 'Add server-rendered pages: auto-escaping templates, CSP nonces, CSRF-protected forms, browser tests (same as `secure-ts views` later)',
    prompt: 'Add server-rendered HTML pages (escaping, CSP nonce, CSRF, browser tests)?',
    default: false,
  },
] as const satisfies readonly OptionSpec[];
