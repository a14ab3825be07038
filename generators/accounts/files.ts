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
  // The HTTP edge: `edge` holds its framework-free rules (cookie, public routes, cross-site check,
  // OpenAPI, the HTTP test suite); each framework layer applies them in its own idiom.
  { dir: 'features/accounts/edge', when: (ctx) => ctx.features.accounts },
  // The team's own public routes (src/auth/public-routes.ts): written once, then theirs.
  { dir: 'features/accounts/public-routes', when: (ctx) => ctx.features.accounts, teamOwned: true },
  { dir: 'features/accounts/express', when: (ctx) => ctx.features.accounts && ctx.isExpress },
  { dir: 'features/accounts/fastify', when: (ctx) => ctx.features.accounts && ctx.isFastify },
  { dir: 'features/accounts/hono', when: (ctx) => ctx.features.accounts && ctx.isHono },
];
