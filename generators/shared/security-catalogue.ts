/**
 * The security controls a generated project carries, as data: what each control is, the OWASP
 * ASVS 5.0 requirements it meets, where it lives in the project and the tests that prove it. It is
 * rendered into the project's own `docs/security-controls.md` (layer `features/controls-doc`), the
 * one document generated sources cite (`docs/security-controls.md C.11`), so a reader never meets
 * a reference the project does not contain. A unit test (test/unit/security-catalogue.test.ts)
 * holds every path listed here to the planned files of every combination, and every id cited in a
 * rendered file to this catalogue.
 *
 * Ids keep one letter per area and a number; a number is never reused for another control.
 */

import type { MigrationPlan } from './migrations.ts';

/** The few facts about a project that decide which controls it carries and where they live. */
export interface CatalogueInput {
  readonly framework: 'express' | 'fastify' | 'hono';
  readonly hasDb: boolean;
  readonly dbIsSqlite: boolean;
  readonly ciIsGithub: boolean;
  readonly ciIsGitlab: boolean;
  readonly features: { readonly docker: boolean; readonly views: boolean; readonly accounts: boolean; readonly files: boolean };
  readonly resources: readonly { readonly path: string }[];
  /** The project's migration names (migrations.ts), so the document points at its real files. */
  readonly migrationPlan: Pick<MigrationPlan, 'names' | 'ownerListIndexes'>;
}

export interface Control {
  readonly id: string;
  readonly title: string;
  /** OWASP ASVS 5.0 requirement ids (checked against the standard by a unit test). */
  readonly asvs: readonly string[];
  /** Other public references: cheat sheets, RFCs, CWE. */
  readonly refs: readonly string[];
  /** Files of the project that implement it. */
  readonly where: readonly string[];
  /** The project's tests that fail when it is removed. */
  readonly tests: readonly string[];
  /** How it is checked when no runtime test can (static files): the command or CI job. */
  readonly check?: string;
}

interface Entry extends Omit<Control, 'where' | 'tests'> {
  readonly when?: (p: CatalogueInput) => boolean;
  readonly where: (p: CatalogueInput) => readonly string[];
  readonly tests: (p: CatalogueInput) => readonly string[];
}

/** A migration's file, by key (`account_totp` → `src/db/migrations/0006_account_totp.ts`). */
const migration = (p: CatalogueInput, key: string): string | undefined => {
  const name = p.migrationPlan.names[key];
  return name === undefined ? undefined : `src/db/migrations/${name}.ts`;
};

/** Express and Hono keep their HTTP edge in src/middleware/, Fastify in src/plugins/. */
const edge = (p: CatalogueInput, file: string): string => `src/${p.framework === 'fastify' ? 'plugins' : 'middleware'}/${file}`;
const list = (...items: (string | false | undefined)[]): string[] => items.filter((item): item is string => typeof item === 'string');
const always = (items: readonly string[]) => (): readonly string[] => items;
const withAccounts = (p: CatalogueInput) => p.features.accounts;
const withFiles = (p: CatalogueInput) => p.features.files;
const withViews = (p: CatalogueInput) => p.features.views;
const resourceTests = (p: CatalogueInput) => p.resources.map((r) => `test/resources/${r.path}.test.ts`);

const entries: readonly Entry[] = [
  // A. Headers
  {
    id: 'A.1',
    title: 'Security headers on every response: success, 404, 405 and 500 alike',
    asvs: ['V3.4.3', 'V3.4.4', 'V3.4.5', 'V3.4.6'],
    refs: ['OWASP HTTP Headers Cheat Sheet'],
    where: (p) => list(edge(p, 'security-headers.ts'), 'src/security/policy.ts', p.framework !== 'fastify' && 'src/respond.ts'),
    tests: always(['test/security/headers.test.ts']),
  },
  {
    id: 'A.2',
    title: 'HSTS for at least a year, including subdomains',
    asvs: ['V3.4.1'],
    refs: ['RFC 6797'],
    where: (p) => [edge(p, 'security-headers.ts'), 'src/security/policy.ts'],
    tests: always(['test/security/headers.test.ts']),
  },
  {
    id: 'A.3',
    title: "An API Content-Security-Policy of default-src 'none' with frame-ancestors 'none'; no unsafe-inline, eval or wildcards",
    asvs: ['V3.4.3', 'V3.4.6'],
    refs: ['OWASP Content Security Policy Cheat Sheet'],
    where: (p) => [edge(p, 'security-headers.ts')],
    tests: always(['test/security/headers.test.ts']),
  },
  {
    id: 'A.4',
    title: 'nosniff, X-Frame-Options DENY, Referrer-Policy no-referrer, COOP and CORP same-origin',
    asvs: ['V3.4.4', 'V3.4.5', 'V3.4.8'],
    refs: ['OWASP HTTP Headers Cheat Sheet'],
    where: (p) => [edge(p, 'security-headers.ts')],
    tests: always(['test/security/headers.test.ts']),
  },
  {
    id: 'A.5',
    title: 'No framework or version fingerprint; Cache-Control no-store; JSON as application/json with charset',
    asvs: ['V4.1.1', 'V13.4.6', 'V14.3.2'],
    refs: ['MDN HTTP Observatory scoring'],
    where: (p) => list('src/app.ts', edge(p, 'security-headers.ts')),
    tests: always(['test/security/headers.test.ts', 'test/security/exposure.test.ts']),
  },
  // B. Cross-origin
  {
    id: 'B.6',
    title: 'CORS answers only the CORS_ORIGINS allowlist: never *, never a reflected origin',
    asvs: ['V3.4.2'],
    refs: ['OWASP HTML5 Security Cheat Sheet (CORS)'],
    where: (p) => [edge(p, 'cors.ts'), 'src/config/env.ts'],
    tests: always(['test/security/cors.test.ts']),
  },
  {
    id: 'B.7',
    title: 'Cookie-authenticated writes must come from the service itself (Origin and Sec-Fetch-Site checked); no state change on GET',
    asvs: ['V3.5.1', 'V3.5.3'],
    refs: ['OWASP Cross-Site Request Forgery Prevention Cheat Sheet'],
    when: withAccounts,
    where: always(['src/auth/http-policy.ts', 'src/auth/session.ts']),
    tests: always(['test/accounts/http.test.ts']),
  },
  // C. Input validation
  {
    id: 'C.8',
    title: 'Strict schemas on body, query and path of every route: unknown keys, bounded strings and pages refused with 400',
    asvs: ['V2.2.1', 'V2.2.2'],
    refs: ['OWASP Input Validation Cheat Sheet'],
    where: (p) => list(p.framework === 'fastify' ? 'src/plugins/validation.ts' : 'src/middleware/validate.ts', 'src/resources/items/schema.ts'),
    tests: (p) => ['test/security/input-validation.test.ts', ...resourceTests(p)],
  },
  {
    id: 'C.9',
    title: 'Mass assignment refused: ids, owners and timestamps are never writable from a request',
    asvs: ['V15.3.3'],
    refs: ['OWASP Mass Assignment Cheat Sheet'],
    where: always(['src/resources/items/schema.ts']),
    tests: (p) => ['test/security/input-validation.test.ts', ...resourceTests(p)],
  },
  {
    id: 'C.10',
    title: 'A repeated query parameter on a scalar is a 400, not a 500 or a silent choice',
    asvs: ['V15.3.7'],
    refs: [],
    where: (p) => [p.framework === 'fastify' ? 'src/plugins/validation.ts' : 'src/middleware/validate.ts'],
    tests: always(['test/security/input-validation.test.ts']),
  },
  {
    id: 'C.11',
    title: 'Prototype pollution refused: `__proto__` and `constructor.prototype` in JSON are a 400; input is never deep-merged',
    asvs: ['V15.3.6'],
    refs: ['OWASP Prototype Pollution Prevention Cheat Sheet'],
    where: always(['src/security/json.ts', 'src/security/prototype-keys.ts']),
    tests: always(['test/security/prototype-pollution.test.ts', 'test/security/json.test.ts']),
  },
  {
    id: 'C.12',
    title: 'JSON only: any other Content-Type on a request with a body is a 415; nesting depth bounded',
    asvs: ['V4.1.1', 'V2.2.1'],
    refs: [],
    where: (p) => [edge(p, 'json-body.ts'), 'src/security/json.ts'],
    tests: always(['test/security/body-limits.test.ts', 'test/security/json.test.ts']),
  },
  {
    id: 'C.59',
    title: 'Idempotent creates: an Idempotency-Key makes a retry return the first answer instead of a second record (scoped to the account, bounded lifetime, another body refused, stored with the row in one transaction)',
    asvs: [],
    refs: ['IETF httpapi draft: The Idempotency-Key HTTP Header Field'],
    where: (p) => list('src/idempotency/key.ts', 'src/idempotency/store.ts', p.hasDb && 'src/idempotency/create.ts', 'src/resources/items/create.ts', p.features.files && 'src/files/idempotent-upload.ts'),
    tests: (p) => list('test/resources/idempotency.test.ts', p.hasDb && 'test/db/idempotency-store.test.ts', p.features.files && 'test/files/idempotency.test.ts'),
  },
  {
    id: 'C.62',
    title: 'Duplicate JSON keys refused; text trimmed, NFC-normalised, without lone surrogates, never empty or invisible-only',
    asvs: ['V2.2.1'],
    refs: ['Unicode UAX #15'],
    where: always(['src/security/json.ts', 'src/security/text.ts']),
    tests: always(['test/security/text-input.test.ts', 'test/security/json.test.ts']),
  },
  {
    id: 'A.60',
    title: 'OPTIONS is answered like an unknown route unless it is an allowed CORS preflight: no Allow header maps the routes',
    asvs: [],
    refs: ['OWASP Web Security Testing Guide: Test HTTP Methods'],
    where: (p) => list(p.framework === 'express' && 'src/middleware/options.ts', edge(p, 'cors.ts')),
    tests: always(['test/security/options.test.ts']),
  },
  // D. Injection
  {
    id: 'D.13',
    title: 'Input never becomes query code: parameterized SQL only (Kysely), sort columns from allowlists, and a lint rule that fails the build on SQL built from strings',
    asvs: ['V1.2.4'],
    refs: ['OWASP SQL Injection Prevention Cheat Sheet'],
    // Without a database the same injection payloads are thrown at the in-memory store.
    where: (p) => list('src/resources/items/repository.ts', p.hasDb && 'src/db/crud-repository.ts', p.hasDb && 'eslint-rules/no-unsafe-sql.ts'),
    tests: (p) => list('test/security/sql-injection.test.ts', p.hasDb && 'test/lint/no-unsafe-sql.test.ts', ...resourceTests(p)),
  },
  {
    id: 'D.14',
    title: 'No eval or new Function; processes only through argument arrays, with a timeout, an environment allowlist and a confined working directory',
    asvs: ['V1.2.5', 'V1.3.2'],
    refs: ['OWASP OS Command Injection Defense Cheat Sheet'],
    where: always(['src/security/exec.ts', 'eslint-rules/no-child-process.ts', 'eslint.config.js']),
    tests: always(['test/security/exec.test.ts', 'test/lint/no-child-process.test.ts']),
  },
  {
    id: 'D.16',
    title: 'typescript-eslint (strict) and eslint-plugin-security fail the build; Math.random is banned for anything secret',
    asvs: ['V11.5.1'],
    refs: [],
    where: always(['eslint.config.js', 'eslint-rules/no-insecure-random.ts', 'src/security/random.ts']),
    tests: always(['test/lint/no-insecure-random.test.ts', 'test/security/random.test.ts']),
  },
  // E. Accounts
  {
    id: 'E.17',
    title: 'Passwords hashed with argon2id or scrypt off the event loop, stored as PHC strings, rehashed when the cost is raised',
    asvs: ['V11.4.2'],
    refs: ['OWASP Password Storage Cheat Sheet'],
    when: withAccounts,
    where: always(['src/accounts/password.ts']),
    tests: always(['test/accounts/password.test.ts', 'test/accounts/service.test.ts', 'test/accounts/timing.test.ts']),
  },
  {
    id: 'E.18',
    title: 'Password policy: a minimum length, 64 and more accepted, a hard maximum, no composition rules, no trimming, common passwords refused',
    asvs: ['V6.2.1', 'V6.2.4', 'V6.2.5', 'V6.2.8', 'V6.2.9'],
    refs: ['NIST SP 800-63B'],
    when: withAccounts,
    where: always(['src/accounts/password-policy.ts', 'src/accounts/common-passwords.ts']),
    tests: always(['test/accounts/password-policy.test.ts', 'test/accounts/service.test.ts']),
  },
  {
    id: 'E.19',
    title: 'No account enumeration: an unknown address and a wrong password get the same answer, verified against a dummy hash',
    asvs: ['V6.3.8'],
    refs: ['OWASP Authentication Cheat Sheet'],
    when: withAccounts,
    where: always(['src/accounts/service.ts']),
    tests: always(['test/accounts/service.test.ts', 'test/accounts/http.test.ts']),
  },
  {
    id: 'E.20',
    title: 'Login and registration throttled without locking the owner out: failed logins count per account and client subnet with a progressive delay per account, registrations per address and subnet, 429 with the real Retry-After, counters in a partition that floods cannot evict',
    asvs: ['V6.3.1', 'V6.1.1'],
    refs: ['OWASP Credential Stuffing Prevention Cheat Sheet'],
    when: withAccounts,
    where: always(['src/accounts/throttle.ts', 'src/accounts/service.ts', 'src/security/counter-store.ts']),
    tests: always(['test/accounts/throttle.test.ts', 'test/accounts/service.test.ts']),
  },
  {
    id: 'E.21',
    title: 'Server-side sessions: 256-bit random tokens stored hashed, a `__Host-` cookie (Secure, HttpOnly, SameSite=Strict), a new session at login, idle and absolute timeouts, revocation at logout and password change',
    asvs: ['V3.3.1', 'V7.2.1', 'V7.2.3', 'V7.2.4', 'V7.3.1', 'V7.3.2', 'V7.4.1'],
    refs: ['OWASP Session Management Cheat Sheet'],
    when: withAccounts,
    where: always(['src/auth/http-policy.ts', 'src/auth/session.ts', 'src/accounts/service.ts', 'src/accounts/session-cache.ts']),
    tests: always(['test/accounts/http.test.ts', 'test/accounts/service.test.ts', 'test/accounts/session-cache.test.ts']),
  },
  {
    id: 'E.22',
    title: 'Deny by default: every route needs a session unless listed public (the team lists its own, exact paths only, in a file it owns), and every query is scoped to the signed-in account (another account’s id is a 404)',
    asvs: ['V8.2.1', 'V8.2.2', 'V8.3.1'],
    refs: ['OWASP API1:2023 Broken Object Level Authorization'],
    when: withAccounts,
    where: always(['src/auth/session.ts', 'src/auth/http-policy.ts', 'src/auth/public-routes.ts', 'src/resources/scope.ts', 'src/resources/request-scope.ts', 'src/db/crud-repository.ts', 'src/resources/registry.ts']),
    tests: (p) => ['test/accounts/http.test.ts', 'test/accounts/public-routes.test.ts', ...resourceTests(p)],
  },
  {
    id: 'E.23',
    title: 'Responses never carry password hashes, session tokens or owner ids',
    asvs: ['V15.3.1'],
    refs: [],
    when: withAccounts,
    where: always(['src/accounts/schema.ts', 'src/accounts/service.ts']),
    tests: always(['test/accounts/http.test.ts', 'test/accounts/service.test.ts']),
  },
  {
    id: 'E.64',
    title: 'Account mail over SMTP with TLS required beyond loopback and certificates always verified (no URL option can turn it off), SMTP_URL validated at start-up and required in production, bounded send time, messages carrying no secret but the one-time link',
    asvs: ['V12.3.1', 'V12.3.2', 'V13.3.1'],
    refs: ['RFC 8314', 'RFC 3207', 'OWASP Forgot Password Cheat Sheet'],
    when: withAccounts,
    where: always(['src/accounts/mail.ts', 'src/accounts/smtp-url.ts', 'src/accounts/mail-env.ts', 'src/accounts/email-messages.ts']),
    tests: always(['test/accounts/mail.test.ts', 'test/accounts/smtp-tls.test.ts', 'test/accounts/email-flows.test.ts']),
  },
  {
    id: 'E.65',
    title: 'Verified email addresses: an address counts once a mailed link is followed; an earlier unverified registration cannot keep the owner out (whoever verifies owns it, the other claim ends); an address change needs the current password, is confirmed from the new address and announced to the old; sign-in can be made to wait (ACCOUNTS_REQUIRE_VERIFIED_EMAIL)',
    asvs: ['V6.4.1', 'V7.5.1'],
    refs: ['OWASP Authentication Cheat Sheet'],
    when: withAccounts,
    where: always(['src/accounts/email-flows.ts', 'src/accounts/email-tokens.ts', 'src/accounts/email-accounts.ts', 'src/accounts/service.ts']),
    tests: always(['test/accounts/email-flows.test.ts', 'test/accounts/email-http.test.ts']),
  },
  {
    id: 'E.66',
    title: 'Password reset: 256-bit single-use tokens stored hashed, bound to one purpose and account, expiring within 30 minutes; the request answers alike and in the same time for any address (the work runs after the answer); a reset passes the policy, ends every session and tells the owner',
    asvs: ['V6.4.3', 'V6.3.8', 'V7.4.3'],
    refs: ['OWASP Forgot Password Cheat Sheet'],
    when: withAccounts,
    where: always(['src/accounts/email-flows.ts', 'src/accounts/email-tokens.ts', 'src/accounts/outbox.ts', 'src/auth/email-routes.ts']),
    tests: always(['test/accounts/email-flows.test.ts', 'test/accounts/email-timing.test.ts', 'test/accounts/email-http.test.ts']),
  },
  {
    id: 'E.67',
    title: 'TOTP second factor (RFC 6238), opt-in: enrolment confirmed by a first code; a two-step login whose password step yields a hashed, single-use, 5-minute login token and no session; each time step accepted once (±1 step of drift); 10 hashed single-use 128-bit recovery codes, replaceable with step-up; step-up to turn it off or change the password; every code throttled like a login; the owner mailed (verified address only, no secret) when the factor is turned on or off, the recovery codes are replaced or the password is changed',
    asvs: ['V6.3.4', 'V6.3.7', 'V6.5.1', 'V6.5.2', 'V6.5.3', 'V6.5.6', 'V6.5.8', 'V7.2.4', 'V7.5.1', 'V7.5.3'],
    refs: ['RFC 6238', 'OWASP Multifactor Authentication Cheat Sheet'],
    when: withAccounts,
    where: (p) => list('src/accounts/totp.ts', 'src/accounts/totp-repository.ts', 'src/accounts/service.ts', 'src/auth/totp-routes.ts', 'src/auth/second-factor.ts', migration(p, 'account_totp')),
    tests: always(['test/accounts/totp.test.ts', 'test/accounts/totp-http.test.ts', 'test/accounts/security-notices.test.ts']),
  },
  {
    id: 'E.68',
    title: 'TOTP secrets encrypted at rest with AES-256-GCM under a key derived from APP_SECRET (HKDF-SHA-256), bound to their account',
    asvs: ['V11.3.2', 'V11.3.3', 'V11.3.4'],
    refs: ['RFC 5869', 'OWASP Cryptographic Storage Cheat Sheet'],
    when: withAccounts,
    where: always(['src/accounts/totp-secret.ts']),
    tests: always(['test/accounts/totp.test.ts']),
  },
  {
    id: 'E.70',
    title: 'New passwords really checked: common passwords stretched to the minimum length (repeated, keyboard or counting runs, padded or l33t-spelled) refused, passwords built from the account’s email or the service’s name refused, and low zxcvbn-ts strength refused, estimated in a worker thread on a bounded prefix; the refusal says why without the password',
    asvs: ['V6.2.4', 'V6.2.11', 'V6.2.12'],
    refs: ['NIST SP 800-63B-4', 'OWASP Authentication Cheat Sheet'],
    when: withAccounts,
    where: always(['src/accounts/password-strength.ts', 'src/accounts/password-strength-worker.ts', 'src/accounts/service.ts']),
    tests: always(['test/accounts/password-strength.test.ts', 'test/accounts/sessions-http.test.ts']),
  },
  {
    id: 'E.71',
    title: 'Session management: an account lists its sessions (coarse client, current marked) and ends one or all others, never another account’s; an optional per-account cap ends the oldest; expired sessions purged in bounded batches; the idle clock written at a quarter of the idle timeout so it holds for any value; the login-timing dummy hash made at start-up',
    asvs: ['V7.3.1', 'V7.4.1', 'V7.5.2', 'V8.2.2', 'V6.3.8'],
    refs: ['OWASP Session Management Cheat Sheet'],
    when: withAccounts,
    where: (p) => list('src/accounts/sessions.ts', 'src/auth/session-routes.ts', 'src/auth/session-api.ts', 'src/accounts/service.ts', migration(p, 'account_sessions')),
    tests: always(['test/accounts/sessions.test.ts', 'test/accounts/sessions-http.test.ts']),
  },
  // F. Errors, logging, process
  {
    id: 'F.24',
    title: 'One error handler and one 404 handler answer RFC 9457 problem+json with a request id and nothing internal',
    asvs: ['V16.5.1', 'V16.5.2'],
    refs: ['OWASP Error Handling Cheat Sheet', 'RFC 9457'],
    where: (p) => [edge(p, 'error-handler.ts'), edge(p, 'not-found.ts'), 'src/errors/problem.ts'],
    tests: always(['test/security/errors.test.ts']),
  },
  {
    id: 'F.25',
    title: 'An unhandled rejection or exception is logged and ends the process; async route errors reach the handler',
    asvs: ['V16.5.4'],
    refs: [],
    where: always(['src/process.ts']),
    tests: always(['test/process/shutdown.test.ts', 'test/security/errors.test.ts']),
  },
  {
    id: 'F.26',
    title: 'Structured logs with credentials redacted, one event per line, and an inbound request id used only from a trusted proxy and only when it is safe',
    asvs: ['V16.2.1', 'V16.2.5', 'V16.4.1'],
    refs: ['OWASP Logging Cheat Sheet'],
    where: (p) => ['src/logger.ts', 'src/security/request-id.ts', edge(p, 'request-id.ts'), edge(p, 'request-log.ts')],
    tests: always(['test/unit/logger.test.ts', 'test/security/request-id.test.ts']),
  },
  {
    id: 'F.27',
    title: 'SIGTERM drains for real: readiness turns 503, queued connections are still accepted, every request received is answered with Connection: close, then counters and the database close, within SHUTDOWN_TIMEOUT_MS',
    asvs: ['V16.5.3'],
    refs: [],
    where: always(['src/drain.ts', 'src/process.ts', 'src/server.ts']),
    tests: always(['test/process/shutdown.test.ts', 'test/unit/drain.test.ts']),
  },
  {
    id: 'F.55',
    title: 'Expected unavailability (overload, a busy connection pool, the database away, a full store answering 507) is a 503 or 507 with Retry-After, logged as one warning per interval with counts, never a stack per request; waiting for a pooled connection is bounded',
    asvs: ['V16.5.2'],
    refs: ['RFC 9110 §10.2.3'],
    where: (p) => list('src/errors/unavailable-log.ts', 'src/errors/problem.ts', p.hasDb && !p.dbIsSqlite && 'src/db/pool-gate.ts'),
    tests: (p) => list('test/security/overload.test.ts', p.hasDb && !p.dbIsSqlite && 'test/db/pool-saturation.test.ts', p.hasDb && !p.dbIsSqlite && 'test/db/outage.test.ts', p.hasDb && !p.dbIsSqlite && 'test/db/statement-timeout.test.ts', 'test/security/expected-refusals.test.ts'),
  },
  {
    id: 'F.61',
    title: 'Connection-level errors (431, 408, malformed requests, an understated Content-Length) are answered as Node answers them, without a framework fingerprint',
    asvs: ['V13.4.6'],
    refs: [],
    where: (p) => [p.framework === 'fastify' ? 'src/plugins/client-error.ts' : 'src/http.ts'],
    tests: always(['test/security/connection-errors.test.ts']),
  },
  // G. Files
  {
    id: 'G.28',
    title: 'Paths are confined: real paths, separator-aware containment, NUL bytes, absolute paths and escaping links refused',
    asvs: ['V5.3.2'],
    refs: ['OWASP Path Traversal'],
    where: always(['src/security/safe-path.ts']),
    tests: always(['test/security/safe-path.test.ts', 'test/security/exec.test.ts']),
  },
  {
    id: 'G.29',
    title: 'Uploads decided before their body is read (quota in files and bytes, declared length, concurrent uploads per account and instance, total storage, free disk), then streamed to disk; an extension allowlist checked against magic bytes; random stored names outside any served folder',
    asvs: ['V5.2.1', 'V5.2.2', 'V5.3.1', 'V5.3.2'],
    refs: ['OWASP File Upload Cheat Sheet'],
    when: withFiles,
    where: always(['src/files/gate.ts', 'src/files/upload.ts', 'src/files/service.ts', 'src/files/content-type.ts', 'src/files/store.ts', 'src/files/names.ts']),
    tests: always(['test/files/volume.test.ts', 'test/files/service.test.ts', 'test/files/http.test.ts']),
  },
  {
    id: 'G.30',
    title: 'Downloads as attachments with a sanitized name, nosniff and CSP sandbox; shared links signed and expiring',
    asvs: ['V3.2.1', 'V9.1.1', 'V9.2.1'],
    refs: ['RFC 6266', 'RFC 8187'],
    when: withFiles,
    where: always(['src/files/download.ts']),
    tests: always(['test/files/http.test.ts']),
  },
  // H. Configuration and secrets
  {
    id: 'H.31',
    title: 'The environment is validated at start-up; missing, short or placeholder secrets stop a production start',
    asvs: ['V13.3.1'],
    refs: [],
    where: always(['src/config/env.ts', 'src/config/secret.ts']),
    tests: always(['test/config/env.test.ts', 'test/process/shutdown.test.ts']),
  },
  {
    id: 'H.32',
    title: 'Generated secrets live only in the git-ignored .env; .env.example and .yo-rc.json hold none',
    asvs: ['V13.3.1'],
    refs: [],
    where: always(['.gitignore', '.env.example']),
    tests: always(['test/config/env.test.ts']),
  },
  {
    id: 'H.33',
    title: 'No source-control metadata, dotfiles or package files served; no API document or reference page in production (the development page /docs under a per-response nonce CSP); /health shows no versions',
    asvs: ['V13.4.1', 'V13.4.5'],
    refs: [],
    where: always(['src/routes/health.ts', 'src/routes/openapi.ts', 'src/routes/docs.ts', 'src/docs/reference.ts']),
    tests: always(['test/security/exposure.test.ts', 'test/docs/reference.test.ts']),
  },
  {
    id: 'H.34',
    title: 'Proxy trust is explicit (a CIDR list, never all or nearly all public addresses), so a forged X-Forwarded-For cannot change the client address',
    asvs: ['V15.3.4'],
    refs: [],
    where: (p) => list('src/config/trust-proxy.ts', 'src/config/trust-proxy-coverage.ts', 'src/security/proxy-trust.ts', p.framework === 'hono' && 'src/net/client-address.ts'),
    tests: (p) => list('test/security/rate-limit.test.ts', 'test/config/env.test.ts', p.framework === 'hono' && 'test/net/client-address.test.ts'),
  },
  {
    id: 'H.35',
    title: 'Database connections use TLS with the certificate verified, which no setting can turn off; plaintext to a host other than loopback must be asked for',
    asvs: ['V12.3.1', 'V12.3.2'],
    refs: ['OWASP Transport Layer Security Cheat Sheet'],
    when: (p) => p.hasDb && !p.dbIsSqlite,
    where: always(['src/db/url.ts', 'src/db/dialect.ts', 'src/db/pool.ts']),
    tests: always(['test/db/tls.test.ts', 'test/db/url.test.ts']),
  },
  {
    id: 'H.53',
    title: 'The SQLite file and its journals are created 0600, under data/ (git-ignored, never served)',
    asvs: [],
    refs: ['CWE-276'],
    when: (p) => p.dbIsSqlite,
    where: always(['src/db/index.ts', 'src/db/env.ts']),
    tests: always(['test/db/sqlite-file.test.ts']),
  },
  {
    id: 'H.57',
    title: 'SQLite never freezes the process: WAL, a short bounded busy wait that ends in 503, and one instance per file (a second one refuses to start)',
    asvs: [],
    refs: ['SQLite: Write-Ahead Logging'],
    when: (p) => p.dbIsSqlite,
    where: always(['src/db/instance-lock.ts', 'src/db/index.ts', 'src/db/env.ts']),
    tests: always(['test/db/sqlite-lock.test.ts']),
  },
  // I. Runtime limits
  {
    id: 'I.36',
    title: 'A 100 KiB JSON body limit answered 413',
    asvs: ['V4.1.1'],
    refs: ['CWE-770'],
    where: (p) => [edge(p, 'json-body.ts'), 'src/security/policy.ts'],
    tests: always(['test/security/body-limits.test.ts']),
  },
  {
    id: 'I.37',
    title: 'Server timeouts for headers, requests and keep-alive, so slow clients are cut off',
    asvs: [],
    refs: ['CWE-400'],
    where: always(['src/http.ts']),
    tests: always(['test/security/timeouts.test.ts']),
  },
  {
    id: 'I.38',
    title: 'A global rate limit (429 with RateLimit fields), shared through Redis when REDIS_URL is set',
    asvs: ['V2.4.1'],
    refs: ['OWASP API4:2023 Unrestricted Resource Consumption'],
    where: (p) => [edge(p, 'rate-limit.ts'), 'src/security/counter-store.ts', 'src/security/redis-counter-store.ts', 'src/security/subnet-key.ts'],
    tests: always(['test/security/rate-limit.test.ts', 'test/security/counter-store.test.ts', 'test/redis/shared-rate-limit.test.ts', 'test/redis/outage.test.ts']),
  },
  {
    id: 'I.39',
    title: 'Password hashing never blocks the event loop',
    asvs: ['V15.4.4'],
    refs: [],
    when: withAccounts,
    where: always(['src/accounts/password.ts']),
    tests: always(['test/accounts/timing.test.ts']),
  },
  {
    id: 'I.54',
    title: 'Admission control at the door: past a bound on requests in flight or heap, and for the share of requests that keeps the event-loop delay at its target, a new request gets 503 with Retry-After at once, before the framework reads it or the database is touched',
    asvs: [],
    refs: ['OWASP Denial of Service Cheat Sheet', 'OWASP API4:2023 Unrestricted Resource Consumption'],
    where: always(['src/security/pressure.ts', 'src/security/admission-gate.ts', 'src/http.ts']),
    tests: always(['test/security/overload.test.ts']),
  },
  {
    id: 'I.56',
    title: 'Separate liveness and readiness probes; readiness reports pressure and draining; no probe is rate-limited like client traffic',
    asvs: [],
    refs: [],
    where: always(['src/health/probes.ts']),
    tests: always(['test/security/overload.test.ts', 'test/security/rate-limit.test.ts']),
  },
  {
    id: 'I.58',
    title: 'Every owner-scoped list reads an index matching its filter and order, so one large account cannot make a page cost a scan and a sort',
    asvs: [],
    refs: ['OWASP API4:2023 Unrestricted Resource Consumption'],
    when: (p) => p.hasDb && p.features.accounts,
    where: (p) => list(...Object.values(p.migrationPlan.ownerListIndexes).map((name) => `src/db/migrations/${name}.ts`)),
    tests: always(['test/db/list-indexes.test.ts']),
  },
  // J. Supply chain and CI
  {
    id: 'J.40',
    title: 'Exact versions and a lockfile; install scripts disabled (.npmrc ignore-scripts); CI installs with npm ci --ignore-scripts',
    asvs: ['V15.2.4'],
    refs: ['OWASP NPM Security Cheat Sheet'],
    where: (p) => list('.npmrc', 'package.json', p.ciIsGithub && '.github/workflows/ci.yml', p.ciIsGitlab && '.gitlab-ci.yml'),
    tests: always([]),
    check: '`npx generator-secure-ts audit` reports ignore-scripts turned off',
  },
  {
    id: 'J.41',
    title: 'CI runs typecheck, lint, tests, npm audit and a software bill of materials; static analysis and dependency review on changes',
    asvs: ['V15.1.1', 'V15.2.1'],
    refs: ['OpenSSF Scorecard'],
    when: (p) => p.ciIsGithub || p.ciIsGitlab,
    where: (p) => (p.ciIsGithub ? ['.github/workflows/ci.yml', '.github/workflows/codeql.yml', '.github/workflows/dependency-review.yml'] : ['.gitlab-ci.yml']),
    tests: always([]),
    check: 'the pipeline itself; `npx generator-secure-ts audit` reports a removed workflow',
  },
  {
    id: 'J.42',
    title: 'Dependabot keeps npm, GitHub Actions and container images current, after a cooldown',
    asvs: ['V15.2.1'],
    refs: ['OpenSSF Scorecard Dependency-Update-Tool'],
    when: (p) => p.ciIsGithub,
    where: always(['.github/dependabot.yml']),
    tests: always([]),
    check: '`npx generator-secure-ts audit` reports it removed',
  },
  {
    id: 'J.43',
    title: 'Pipeline hardening: actions pinned by commit SHA, read-only token, no persisted credentials, no untrusted code with secrets',
    asvs: ['V15.2.4'],
    refs: ['OpenSSF Scorecard Pinned-Dependencies, Token-Permissions, Dangerous-Workflow'],
    when: (p) => p.ciIsGithub || p.ciIsGitlab,
    where: (p) => (p.ciIsGithub ? ['.github/workflows/ci.yml'] : ['.gitlab-ci.yml']),
    tests: always([]),
    check: '`npx generator-secure-ts audit` reports an action or image not pinned',
  },
  {
    id: 'J.44',
    title: 'A security policy with a contact and a disclosure window; a licence; the package is private',
    asvs: [],
    refs: ['OpenSSF Scorecard Security-Policy'],
    where: always(['SECURITY.md', 'LICENSE', 'package.json']),
    tests: always([]),
    check: '`npx generator-secure-ts audit` reports SECURITY.md removed',
  },
  {
    id: 'J.63',
    title: 'No committed secrets: secretlint’s recommended rules run in CI and as npm run secretlint; CI databases need no password',
    asvs: ['V13.3.1'],
    refs: ['secretlint recommended preset'],
    where: (p) => list('.secretlintrc.json', p.ciIsGithub && '.github/workflows/ci.yml', p.ciIsGitlab && '.gitlab-ci.yml'),
    tests: always([]),
    check: '`npm run secretlint`',
  },
  // K. Container
  {
    id: 'K.46',
    title: 'Multi-stage image on a base pinned by digest, production dependencies only, install scripts off, a non-root user, exec-form start, no secrets in layers',
    asvs: [],
    refs: ['OWASP NodeJS Docker Cheat Sheet'],
    when: (p) => p.features.docker,
    where: always(['Dockerfile', '.dockerignore']),
    tests: always([]),
    check: '`npx generator-secure-ts audit` reports an image not pinned by digest',
  },
  {
    id: 'K.47',
    title: 'Runtime hardening: read-only root file system, all capabilities dropped, no-new-privileges, memory and process limits, an init process',
    asvs: [],
    refs: ['OWASP Docker Security Cheat Sheet'],
    when: (p) => p.features.docker,
    where: always(['compose.yaml']),
    tests: always([]),
    check: 'read `compose.yaml`; the image itself is not built by the tests',
  },
  // L. Server-rendered pages
  {
    id: 'L.48',
    title: 'Pages escape every interpolated value; user URLs through safeUrl(); raw HTML only through the greppable unsafeRawHtml()',
    asvs: ['V1.2.1', 'V1.2.2', 'V3.2.2'],
    refs: ['OWASP Cross Site Scripting Prevention Cheat Sheet'],
    when: withViews,
    where: always(['src/views/html.ts']),
    tests: always(['test/views/html.test.ts', 'test/views/browser.test.ts']),
  },
  {
    id: 'L.49',
    title: "Each page carries its own nonce-based script CSP ('strict-dynamic', no unsafe-inline)",
    asvs: ['V3.4.3'],
    refs: ['OWASP Content Security Policy Cheat Sheet'],
    when: withViews,
    where: always(['src/views/page-policy.ts']),
    tests: always(['test/views/pages.test.ts', 'test/views/browser.test.ts']),
  },
  {
    id: 'L.50',
    title: 'Forms are protected by a Fetch-Metadata/Origin check and a signed double-submit `__Host-` cookie',
    asvs: ['V3.5.1', 'V3.5.3'],
    refs: ['OWASP Cross-Site Request Forgery Prevention Cheat Sheet'],
    when: withViews,
    where: always(['src/views/csrf.ts', 'src/views/form.ts']),
    tests: always(['test/views/pages.test.ts']),
  },
  // M. Signed values
  {
    id: 'M.51',
    title: 'Values handed to clients and read back (page cursors) are HMAC-signed per purpose with rotating keys and expire',
    asvs: ['V9.1.1', 'V9.2.1', 'V11.4.1'],
    refs: [],
    where: always(['src/security/signed-payload.ts', 'src/config/signing-keys.ts', 'src/resources/pages.ts']),
    tests: always(['test/security/signed-payload.test.ts', 'test/security/signed-cursors.test.ts', 'test/config/signing-keys.test.ts']),
  },
];

/** The controls this project carries, with its own paths. */
export function securityControls(p: CatalogueInput): Control[] {
  return entries
    .filter((entry) => entry.when?.(p) ?? true)
    .map((entry) => ({
      id: entry.id,
      title: entry.title,
      asvs: entry.asvs,
      refs: entry.refs,
      where: entry.where(p),
      tests: entry.tests(p),
      ...(entry.check === undefined ? {} : { check: entry.check }),
    }));
}

/** Every id the catalogue can produce (whatever the project), for the citation check. */
export const controlIds: readonly string[] = entries.map((entry) => entry.id);

export type AsvsStatus = 'met' | 'partly' | 'not met' | 'not applicable';

export interface AsvsRow {
  readonly id: string;
  readonly requirement: string;
  readonly status: AsvsStatus;
  /** Control ids that meet it, or the reason it is not met or does not apply. */
  readonly controls: readonly string[];
  readonly note: string;
}

interface AsvsEntry {
  readonly id: string;
  readonly requirement: string;
  readonly status: (p: CatalogueInput) => AsvsStatus;
  readonly controls: readonly string[];
  readonly note: (p: CatalogueInput) => string;
}

const met = () => 'met' as const;
const na = () => 'not applicable' as const;
const ifAccounts = (p: CatalogueInput): AsvsStatus => (p.features.accounts ? 'met' : 'not applicable');
const text = (value: string) => () => value;
const noAccounts = 'no accounts in this project (`npx generator-secure-ts accounts` adds them)';

/**
 * Every OWASP ASVS 5.0.0 Level 1 requirement, with this project's status. Requirement texts are
 * shortened; read the standard for the full wording.
 */
const level1: readonly AsvsEntry[] = [
  { id: 'V1.2.1', requirement: 'Output encoding fits the context (HTML, attributes, headers)', status: met, controls: ['A.5', 'F.24', 'L.48'], note: (p) => (p.features.views ? 'JSON responses are serialised, pages escape by default' : 'JSON responses only, always serialised; no HTML is rendered') },
  { id: 'V1.2.2', requirement: 'URLs built from untrusted data are encoded; only safe protocols', status: met, controls: ['L.48'], note: (p) => (p.features.views ? 'safeUrl() turns javascript: and data: into about:blank' : 'the service builds no URLs from input except signed links, encoded with encodeURIComponent') },
  { id: 'V1.2.3', requirement: 'JavaScript and JSON built dynamically are encoded', status: met, controls: ['A.5'], note: text('JSON is produced by JSON.stringify only') },
  { id: 'V1.2.4', requirement: 'Parameterized database queries', status: (p) => (p.hasDb ? 'met' : 'not applicable'), controls: ['D.13'], note: (p) => (p.hasDb ? 'Kysely binds every value; a lint rule fails raw SQL' : 'no database') },
  { id: 'V1.2.5', requirement: 'OS command injection prevented', status: met, controls: ['D.14'], note: text('argument arrays only, never a shell') },
  { id: 'V1.3.1', requirement: 'WYSIWYG HTML input sanitized by a well-known library', status: na, controls: [], note: text('the service accepts no HTML input') },
  { id: 'V1.3.2', requirement: 'No eval() or dynamic code execution', status: met, controls: ['D.14'], note: text('banned by lint') },
  { id: 'V1.5.1', requirement: 'XML parsers configured restrictively (no XXE)', status: na, controls: [], note: text('no XML is parsed') },
  { id: 'V2.1.1', requirement: 'Documentation defines input validation rules', status: met, controls: ['C.8'], note: text('the zod schemas, published as the OpenAPI document') },
  { id: 'V2.2.1', requirement: 'Input validated against business expectations (allowlists, ranges)', status: met, controls: ['C.8', 'C.12'], note: text('strict schemas on every part of every request') },
  { id: 'V2.2.2', requirement: 'Validation enforced at a trusted service layer', status: met, controls: ['C.8'], note: text('all validation is server-side') },
  { id: 'V2.3.1', requirement: 'Business flows run in the expected order without skipped steps', status: na, controls: [], note: text('the generated flows have one step each; add checks for multi-step flows you build') },
  { id: 'V3.2.1', requirement: 'Content is not rendered in the wrong context (API or uploaded files)', status: met, controls: ['A.3', 'G.30'], note: text("API answers carry CSP default-src 'none' and nosniff; downloads are attachments with CSP sandbox") },
  { id: 'V3.2.2', requirement: 'Text meant as text is rendered safely', status: (p) => (p.features.views ? 'met' : 'not applicable'), controls: ['L.48'], note: (p) => (p.features.views ? 'pages escape every value' : 'no pages are rendered') },
  { id: 'V3.3.1', requirement: 'Cookies have Secure and a `__Host-` or `__Secure-` prefix', status: (p) => (p.features.accounts || p.features.views ? 'met' : 'not applicable'), controls: ['E.21', 'L.50'], note: (p) => (p.features.accounts || p.features.views ? '`__Host-` cookies only' : 'the service sets no cookies') },
  { id: 'V3.4.1', requirement: 'HSTS of at least a year on all responses', status: met, controls: ['A.2'], note: text('') },
  { id: 'V3.4.2', requirement: 'CORS origin fixed or checked against an allowlist', status: met, controls: ['B.6'], note: text('') },
  { id: 'V3.5.1', requirement: 'Cross-site requests to sensitive functions refused (CSRF)', status: (p) => (p.features.accounts || p.features.views ? 'met' : 'not applicable'), controls: ['B.7', 'L.50'], note: (p) => (p.features.accounts || p.features.views ? '' : 'no cookie authentication, so a cross-site request carries no credentials') },
  { id: 'V3.5.2', requirement: 'Functionality relying on CORS preflight cannot be called without one', status: met, controls: ['C.12', 'B.7'], note: text('state-changing routes accept application/json only, which needs a preflight') },
  { id: 'V3.5.3', requirement: 'Sensitive functionality uses unsafe methods, not GET', status: met, controls: ['B.7'], note: text('no state change on GET, HEAD or OPTIONS') },
  { id: 'V4.1.1', requirement: 'Every response body has a matching Content-Type with charset', status: met, controls: ['A.5', 'F.24'], note: text('') },
  { id: 'V4.4.1', requirement: 'WebSocket over TLS', status: na, controls: [], note: text('no WebSocket') },
  { id: 'V5.2.1', requirement: 'Only files of a size the service can process are accepted', status: (p) => (p.features.files ? 'met' : 'not applicable'), controls: ['G.29'], note: (p) => (p.features.files ? 'FILES_MAX_BYTES and per-account limits' : 'no uploads') },
  { id: 'V5.2.2', requirement: 'Extension matches and content checked (magic bytes)', status: (p) => (p.features.files ? 'met' : 'not applicable'), controls: ['G.29'], note: (p) => (p.features.files ? '' : 'no uploads') },
  { id: 'V5.3.1', requirement: 'Uploaded files are not executed when requested', status: (p) => (p.features.files ? 'met' : 'not applicable'), controls: ['G.29', 'G.30'], note: (p) => (p.features.files ? 'stored outside any served folder, under random names without extension' : 'no uploads') },
  { id: 'V5.3.2', requirement: 'File paths from internal data, or strictly validated', status: met, controls: ['G.28'], note: text('') },
  { id: 'V6.1.1', requirement: 'Documentation says how brute force and credential stuffing are resisted without malicious lockout', status: ifAccounts, controls: ['E.20'], note: (p) => (p.features.accounts ? 'README, Accounts section' : noAccounts) },
  { id: 'V6.2.1', requirement: 'Passwords of at least 8 characters (15 recommended)', status: ifAccounts, controls: ['E.18'], note: (p) => (p.features.accounts ? '' : noAccounts) },
  { id: 'V6.2.2', requirement: 'Users can change their password', status: ifAccounts, controls: ['E.21'], note: (p) => (p.features.accounts ? '' : noAccounts) },
  { id: 'V6.2.3', requirement: 'Password change asks for the current and the new password', status: ifAccounts, controls: ['E.21'], note: (p) => (p.features.accounts ? '' : noAccounts) },
  { id: 'V6.2.4', requirement: 'Passwords checked against at least the top 3000 that meet the policy', status: ifAccounts, controls: ['E.18', 'E.70'], note: (p) => (p.features.accounts ? 'the top 10,000 common passwords, also when stretched to the minimum length (repeated, padded, l33t-spelled), keyboard and counting runs, and a zxcvbn-ts strength estimate' : noAccounts) },
  { id: 'V6.2.5', requirement: 'No composition rules', status: ifAccounts, controls: ['E.18'], note: (p) => (p.features.accounts ? '' : noAccounts) },
  { id: 'V6.2.6', requirement: 'Password fields use type=password', status: na, controls: [], note: text('the service has no login form; a client you build must') },
  { id: 'V6.2.7', requirement: 'Paste and password managers allowed', status: na, controls: [], note: text('the service has no login form') },
  { id: 'V6.2.8', requirement: 'Passwords verified exactly as received', status: ifAccounts, controls: ['E.18'], note: (p) => (p.features.accounts ? 'no trimming, truncation or case change' : noAccounts) },
  { id: 'V6.3.1', requirement: 'Credential stuffing and brute force controls as documented', status: ifAccounts, controls: ['E.20'], note: (p) => (p.features.accounts ? '' : noAccounts) },
  { id: 'V6.3.2', requirement: 'No default accounts', status: met, controls: [], note: text('the project creates no account') },
  { id: 'V6.4.1', requirement: 'System-generated initial passwords or activation codes are random and expire', status: (p) => (p.features.accounts ? 'met' : 'not applicable'), controls: ['E.65', 'E.66'], note: (p) => (p.features.accounts ? 'no initial passwords; verification and reset links carry 256-bit random tokens that expire' : 'no accounts, so no activation codes') },
  { id: 'V6.4.2', requirement: 'No password hints or secret questions', status: met, controls: [], note: text('none exist') },
  { id: 'V7.2.1', requirement: 'Session tokens verified by a trusted backend', status: ifAccounts, controls: ['E.21'], note: (p) => (p.features.accounts ? '' : noAccounts) },
  { id: 'V7.2.2', requirement: 'Dynamically generated session tokens, not static keys', status: ifAccounts, controls: ['E.21'], note: (p) => (p.features.accounts ? '' : noAccounts) },
  { id: 'V7.2.3', requirement: 'Reference tokens from a CSPRNG with at least 128 bits', status: ifAccounts, controls: ['E.21'], note: (p) => (p.features.accounts ? '256 bits' : noAccounts) },
  { id: 'V7.2.4', requirement: 'A new session token at authentication', status: ifAccounts, controls: ['E.21'], note: (p) => (p.features.accounts ? '' : noAccounts) },
  { id: 'V7.4.1', requirement: 'Terminated sessions cannot be used', status: ifAccounts, controls: ['E.21'], note: (p) => (p.features.accounts ? 'ended in the database; other instances refuse it within SESSION_CACHE_MS' : noAccounts) },
  { id: 'V7.4.2', requirement: 'All sessions end when an account is disabled or deleted', status: na, controls: ['E.21'], note: text('the generated code neither disables nor deletes accounts; when you add that, end their sessions as a password change does') },
  { id: 'V8.1.1', requirement: 'Documentation defines function- and data-level access rules', status: ifAccounts, controls: ['E.22'], note: (p) => (p.features.accounts ? 'README: public routes, and every record is its owner’s' : noAccounts) },
  { id: 'V8.2.1', requirement: 'Function-level access restricted', status: ifAccounts, controls: ['E.22'], note: (p) => (p.features.accounts ? 'deny by default' : noAccounts) },
  { id: 'V8.2.2', requirement: 'Data-level access restricted (no IDOR)', status: ifAccounts, controls: ['E.22'], note: (p) => (p.features.accounts ? '' : noAccounts) },
  { id: 'V8.3.1', requirement: 'Authorization enforced server-side', status: ifAccounts, controls: ['E.22'], note: (p) => (p.features.accounts ? '' : noAccounts) },
  { id: 'V9.1.1', requirement: 'Self-contained tokens verified by signature or MAC', status: met, controls: ['M.51'], note: text('page cursors (and shared file links) are HMAC-signed') },
  { id: 'V9.1.2', requirement: 'Only allowlisted token algorithms', status: met, controls: ['M.51'], note: text('one algorithm (HMAC-SHA-256), fixed in code') },
  { id: 'V9.1.3', requirement: 'Token keys from trusted pre-configured sources', status: met, controls: ['M.51'], note: text('SIGNING_KEYS from the environment only') },
  { id: 'V9.2.1', requirement: 'Token validity time spans enforced', status: met, controls: ['M.51'], note: text('') },
  { id: 'V10.4.1', requirement: 'OAuth: redirect URIs matched exactly', status: na, controls: [], note: text('not an OAuth authorization server') },
  { id: 'V10.4.2', requirement: 'OAuth: authorization codes single use', status: na, controls: [], note: text('not an OAuth authorization server') },
  { id: 'V10.4.3', requirement: 'OAuth: authorization codes short-lived', status: na, controls: [], note: text('not an OAuth authorization server') },
  { id: 'V10.4.4', requirement: 'OAuth: only the grants a client needs', status: na, controls: [], note: text('not an OAuth authorization server') },
  { id: 'V10.4.5', requirement: 'OAuth: refresh token replay mitigated', status: na, controls: [], note: text('not an OAuth authorization server') },
  { id: 'V11.3.1', requirement: 'No ECB or weak padding', status: met, controls: [], note: text('the service encrypts nothing itself; TLS is the platform’s') },
  { id: 'V11.3.2', requirement: 'Approved ciphers and modes only', status: met, controls: [], note: text('as above') },
  { id: 'V11.4.1', requirement: 'Approved hash functions only; no MD5', status: met, controls: ['M.51', 'E.17'], note: text('SHA-256, HMAC-SHA-256, argon2id or scrypt') },
  { id: 'V12.1.1', requirement: 'Only TLS 1.2 and 1.3', status: na, controls: [], note: text('the service speaks HTTP behind a TLS-terminating proxy, which you configure') },
  { id: 'V12.2.1', requirement: 'TLS for all client connectivity, no fallback', status: () => 'partly', controls: ['A.2'], note: (p) => `HSTS tells browsers to keep to HTTPS${p.hasDb && !p.dbIsSqlite ? ' and database connections verify TLS' : ''}, but TLS itself is terminated by the proxy you deploy behind` },
  { id: 'V12.2.2', requirement: 'Publicly trusted TLS certificates', status: na, controls: [], note: text('certificates belong to the proxy you deploy behind') },
  { id: 'V13.4.1', requirement: 'No source-control metadata deployed or served', status: met, controls: ['H.33'], note: text('') },
  { id: 'V14.2.1', requirement: 'No sensitive data in URLs', status: met, controls: ['E.21'], note: (p) => (p.features.files ? 'sessions travel in cookies; a shared file link carries a short-lived signed token by design' : 'sessions travel in cookies') },
  { id: 'V14.3.1', requirement: 'Authenticated data cleared from the client after the session ends', status: na, controls: [], note: text('no browser client is generated; responses are Cache-Control: no-store') },
  { id: 'V15.1.1', requirement: 'Documented remediation time frames for vulnerable components', status: () => 'not met', controls: [], note: text('write them into SECURITY.md: only your team can promise them') },
  { id: 'V15.2.1', requirement: 'Components kept within those time frames', status: met, controls: ['J.41', 'J.42'], note: (p) => (p.ciIsGithub ? 'Dependabot and npm audit in CI' : 'npm audit in CI') },
  { id: 'V15.3.1', requirement: 'Only the required fields of a data object are returned', status: met, controls: ['E.23', 'C.9'], note: text('responses are built from explicit output schemas') },
];

/** The Level 1 table for this project. */
export function asvsLevel1(p: CatalogueInput): AsvsRow[] {
  return level1.map((row) => ({ id: row.id, requirement: row.requirement, status: row.status(p), controls: row.controls, note: row.note(p) }));
}
