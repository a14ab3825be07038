/**
 * Every closed set of choices the generator offers, declared once. The flag parser, the prompts,
 * the config schema, `--help` and the test matrix all import these tuples, so a choice cannot be
 * offered in one place and missing in another. Offer only what generates, installs and passes its
 * own tests: a broken combination is worse than one not offered.
 */
export const frameworks = ['express', 'fastify', 'hono'] as const;
export const databases = ['sqlite', 'postgres', 'mysql', 'none'] as const;
/**
 * Password hashing for the accounts feature. bcrypt is not offered: Node has no bcrypt in
 * node:crypto, and the npm implementations are either native addons (install scripts, which the
 * generated .npmrc disables) or pure JavaScript that blocks the event loop for the whole hash.
 */
export const hashings = ['argon2id', 'scrypt'] as const;
export const ciProviders = ['github', 'gitlab', 'none'] as const;
/** Who installs the project's dependencies, locally, in CI and in Docker (see package-manager.ts). */
export const packageManagers = ['npm', 'pnpm'] as const;

export type Framework = (typeof frameworks)[number];
export type Database = (typeof databases)[number];
export type Hashing = (typeof hashings)[number];
export type CiProvider = (typeof ciProviders)[number];
export type PackageManager = (typeof packageManagers)[number];

/** Node major the generated projects target (`engines` ≥ 24.11). */
export const nodeMajor = 24;
