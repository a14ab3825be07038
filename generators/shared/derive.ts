/**
 * The template context: every derived flag, computed once from the validated answers (answers.ts)
 * and nothing the generator recorded. Templates test these booleans; they never compare strings.
 */
import { actions } from './actions.ts';
import { nodeMajor } from './choices.ts';
import { image, serviceImages } from './images.ts';
import { answersOf, type ProjectAnswers } from './answers.ts';
import { migrationPlan, resourceMigrationKey } from './migrations.ts';
import { describeResource } from './resource-spec.ts';
import { asvsLevel1, securityControls } from './security-catalogue.ts';
import { lockedPrefixes } from './locked-paths.ts';
import { hasStorage } from './storage.ts';
import { auditSources } from './paths.ts';
import { packageManagerOf } from './package-manager.ts';

export function deriveContext(answers: ProjectAnswers, year: number) {
  // Only the answers, even when handed a whole stored configuration: the record (file hashes,
  // controls) never reaches a template.
  const flags = deriveFlags(answersOf(answers), year);
  return {
    ...flags,
    /** docs/security-controls.md: the controls this project carries and its ASVS 5.0 Level 1 table. */
    securityControls: securityControls(flags),
    asvsLevel1: asvsLevel1(flags),
  };
}

function deriveFlags(config: ProjectAnswers, year: number) {
  const migrations = migrationPlan(config);
  return {
    ...config,
    year,
    nodeMajor,
    /** The audit's checks, copied verbatim into the project (features/controls-audit). */
    auditSources,
    /** Paths the audit locks by hash, which `.prettierignore` keeps formatters away from. */
    lockedPaths: lockedPrefixes,
    actions,
    image,
    serviceImages,
    isExpress: config.framework === 'express',
    isFastify: config.framework === 'fastify',
    isHono: config.framework === 'hono',
    /** False with `--database none`: no database code or dependency, items kept in memory. */
    hasDb: hasStorage(config),
    dbIsSqlite: config.database === 'sqlite',
    dbIsPostgres: config.database === 'postgres',
    dbIsMysql: config.database === 'mysql',
    /** The database's own layer (templates/database/<db>), whose `_partials/` other layers include (compose.yaml). */
    databaseLayer: `database/${config.database}`,
    hashingIsArgon2id: config.hashing === 'argon2id',
    hashingIsScrypt: config.hashing === 'scrypt',
    ciIsGithub: config.ci === 'github',
    ciIsGitlab: config.ci === 'gitlab',
    /** Install, CI and Docker commands and the lockfile of `--package-manager`. */
    pm: packageManagerOf(config.packageManager),
    features: { docker: config.docker, views: config.views, accounts: config.accounts, files: config.uploads },
    /** Resources added by `secure-ts resource`, as the registry and migration index list them. */
    resources: (config.resources ?? []).map((resource) => describeResource(resource, migrations.names[resourceMigrationKey(resource)] ?? '')),
    /** The migrations' names (migrations.ts): recorded in `.yo-rc.json`, or the old ones of a project made before. */
    migrationPlan: migrations,
    /** Path tokens every layer may use: each migration's file name by its key (`__create_items__.ts.ejs`). */
    pathTokens: migrations.names,
    /** The team policy (policy.ts): templates honour its minimums and ceilings. */
    policy: config.policy,
    /** The README's sample passwords, as long as the policy's minimum asks (test/readme replays them). */
    readme: {
      password: samplePassword('correct horse battery staple', config.policy.passwordMinLength),
      newPassword: samplePassword('a new long passphrase nobody else uses', config.policy.passwordMinLength),
    },
    /** Policy numbers as TypeScript literals (`1_000_000`), for templates that write them into code. */
    limits: {
      rateLimitMax: tsInt(config.policy.rateLimitMax),
      rateLimitMaxDefault: tsInt(Math.min(300, config.policy.rateLimitMax)),
      rateLimitWindowMs: tsInt(config.policy.rateLimitWindowMs),
      rateLimitWindowMsDefault: tsInt(Math.max(60_000, config.policy.rateLimitWindowMs)),
      envRateLimitMax: String(Math.min(300, config.policy.rateLimitMax)),
      envRateLimitWindowMs: String(Math.max(60_000, config.policy.rateLimitWindowMs)),
      passwordMinLength: tsInt(config.policy.passwordMinLength),
      argon2MemoryKiB: tsInt(config.policy.argon2MemoryKiB),
      argon2TimeCost: tsInt(config.policy.argon2TimeCost),
      /** The generated tests' own ceiling (high, so only the rate-limit tests hit it), within the policy. */
      testRateLimitMax: String(Math.min(10_000, config.policy.rateLimitMax)),
    },
  };
}

/** A sample passphrase lengthened with words to reach `minLength` (the README's examples must pass the policy). */
function samplePassword(base: string, minLength: number): string {
  return base.length >= minLength ? base : `${base} ${'and more words '.repeat(Math.ceil((minLength - base.length) / 15)).trim()}`;
}

/** `1000000` → `1_000_000`, as the templates write numbers. */
function tsInt(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+$)/gu, '_');
}

export type TemplateContext = ReturnType<typeof deriveContext>;
