/**
 * The accounts layers. The app generator includes this same list (`--accounts`, the default with
 * a database), so `secure-ts accounts` on a project generated with `--no-accounts` writes the
 * same files. `common` is the framework-free core (password hashing, policy, sessions, the
 * service); the per-framework layers hold the HTTP edge (routes, cookie, origin check).
 */
import type { TemplateContext } from '../shared/derive.ts';
import type { Layer } from '../shared/layers.ts';

export const accountsLayers: readonly Layer<TemplateContext>[] = [
  {
    dir: 'features/accounts/common',
    when: (ctx) => ctx.features.accounts,
    // The password strength estimator and its dictionaries (src/accounts/password-strength.ts);
    // otplib: RFC 6238 TOTP for the second factor (src/accounts/totp.ts); nodemailer: verification
    // and password-reset mail (src/accounts/mail.ts); smtp-server: the real SMTP server the
    // generated tests run in-process to read the links out of delivered mail; selfsigned: a
    // certificate made at test time (never a key on disk), which the mailer must refuse.
    dependencies: ['@zxcvbn-ts/core', '@zxcvbn-ts/language-common', '@zxcvbn-ts/language-en', 'otplib', 'nodemailer'],
    devDependencies: ['@types/nodemailer', 'smtp-server', '@types/smtp-server', 'selfsigned'],
  },
  // Migrations whose names depend on the project's age (generators/shared/migrations.ts): a project
  // made before the allocation keeps `0001b_create_accounts` (which also gave items a nullable
  // owner) and `0001d_index_owner_lists`; a newer one creates accounts on their own, and adds the
  // items' owner in a migration of its own only where items came first.
  { dir: 'features/accounts/migrations', when: (ctx) => ctx.features.accounts && !ctx.migrationPlan.legacy },
  { dir: 'features/accounts/legacy-migrations', when: (ctx) => ctx.features.accounts && ctx.migrationPlan.legacy },
  { dir: 'features/accounts/items-owner', when: (ctx) => ctx.features.accounts && Object.hasOwn(ctx.migrationPlan.names, 'add_items_owner') },
  // The HTTP edge: `edge` holds its framework-free rules (cookie, public routes, cross-site check,
  // OpenAPI, the HTTP test suite); each framework layer applies them in its own idiom.
  { dir: 'features/accounts/edge', when: (ctx) => ctx.features.accounts },
  // The team's own public routes (src/auth/public-routes.ts): written once, then theirs.
  { dir: 'features/accounts/public-routes', when: (ctx) => ctx.features.accounts, teamOwned: true },
  { dir: 'features/accounts/express', when: (ctx) => ctx.features.accounts && ctx.isExpress },
  { dir: 'features/accounts/fastify', when: (ctx) => ctx.features.accounts && ctx.isFastify },
  { dir: 'features/accounts/hono', when: (ctx) => ctx.features.accounts && ctx.isHono },
];
