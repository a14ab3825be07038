/**
 * Output paths locked by content hash: pure policy and security mechanism, which a team has no
 * business reason to edit (an edit is a finding until reviewed with `audit --accept <file>
 * --reason …`). Code a team evolves (accounts and files services, routes, tests, the Dockerfile,
 * workflows, `.npmrc`) is checked by meaning instead: required lines, forbidden patterns,
 * limits, pins and pipeline hardening, so a comment or a new route is no finding.
 * The generated `.prettierignore` lists the same paths: a formatter (`npm run format`, an editor's
 * format-on-save) leaves locked files as written, so formatting is never an audit finding.
 */
export const lockedPrefixes = [
  'src/security/',
  'src/middleware/',
  'src/plugins/',
  'src/errors/',
  // Hono: proxy trust and raw request-header reads (src/net/), and src/respond.ts, which decides
  // which responses already carry the security headers and are left alone by the middleware.
  'src/net/',
  'src/respond.ts',
  'src/config/secret.ts',
  'src/config/trust-proxy.ts',
  'src/config/redis.ts',
  'src/db/url.ts',
  // PostgreSQL, MySQL: the TLS parameter and the values that turn verified TLS on (read by url.ts).
  'src/db/dialect.ts',
  'src/db/pool.ts',
  'src/db/pool-gate.ts',
  'src/drain.ts',
  'src/health/',
  'src/accounts/password.ts',
  'src/accounts/password-policy.ts',
  'src/auth/session.ts',
  'src/auth/current-account.ts',
  // --views: escaping, the page CSP, CSRF and form parsing.
  'src/views/html.ts',
  'src/views/csrf.ts',
  'src/views/page-policy.ts',
  'src/views/form.ts',
  'eslint-rules/',
  // The project's own audit (features/controls-audit): the checks CI runs on every push.
  'scripts/audit-controls.ts',
  'scripts/audit/',
] as const;
