/**
 * The controls manifest: what `secure-ts audit` checks a generated project against, recorded in
 * `.yo-rc.json` at generation so the audit holds a project to the controls of the generator
 * version that made it (not to whatever the installed generator does today). Plain data:
 * - securityFiles: pure policy, locked: must exist and still hash to what the generator wrote (the
 *   `files` map) or to a change reviewed with `audit --accept` (the `accepted` map);
 * - requiredFiles: must exist (edited freely: services, routes, tests, CI workflows);
 * - requiredLines: lines (trimmed) that must stay in a file: middleware registrations, hardening;
 * - forbidden: patterns that must not appear in code (comments are ignored);
 * - limits: numbers in a file that must stay within the policy (a capture group per rule);
 * - npmrc: keys `.npmrc` must keep; pinned: pipelines and images, whose actions/images must be pinned
 *   by SHA/digest and which get the pipeline hardening checks (pipeline-checks.ts).
 * Later layers (accounts, resource, …) add their own entries in `controlsManifest` from the context.
 */
import type { TemplateContext } from './derive.ts';
import type { PlannedFile } from './layers.ts';
import { lockedPrefixes } from './locked-paths.ts';
import type { ControlsManifest } from './record.ts';


/** Security code and tests that must exist but may evolve (their meaning is checked elsewhere). */
const requiredPrefixes = [
  'src/accounts/',
  'src/auth/',
  'src/files/',
  'test/files/',
  'test/accounts/',
  'test/security/',
  'test/views/',
  '.npmrc',
  'Dockerfile',
  '.dockerignore',
  '.github/workflows/',
  '.gitlab-ci.yml',
  '.github/dependabot.yml',
  'SECURITY.md',
] as const;

const under = (prefixes: readonly string[], path: string): boolean =>
  prefixes.some((prefix) => path === prefix || (prefix.endsWith('/') && path.startsWith(prefix)));

/** The line of each framework's `src/http.ts` that puts the admission gate in front of the app. */
const httpGateLines = {
  express: 'const server = createServer(serverOptions(ctx.env), admissionGate(ctx.pressure, ctx.unavailable, SECURITY_HEADERS, createApp(ctx)));',
  fastify: 'const server = createServer(serverOptions(ctx.env), admissionGate(ctx.pressure, ctx.unavailable, SECURITY_HEADERS, handler));',
  hono: 'admissionGate(ctx.pressure, ctx.unavailable, headers, (incoming, outgoing) => {',
} as const;

/** Middleware registrations and hardening lines of each framework's `src/app.ts`. */
const appLines = {
  express: [
    "app.disable('x-powered-by'); // no framework fingerprint (ASVS 5.0 V13.4.6)",
    "app.set('query parser', 'simple');",
    // One app.use(chain(…)) layer: the pre-route middleware, one per line (src/middleware/chain.ts).
    'chain(',
    'requestId(ctx.logger, ctx.env.TRUST_PROXY),',
    'securityHeaders(),',
    'globalRateLimit(ctx.env, ctx.logger, ctx.counters),',
    'corsPolicy(ctx.env.CORS_ORIGINS),',
    'refuseOptions,',
    'app.use(jsonBody());',
    'app.use(notFoundHandler);',
    'app.use(errorHandler(ctx.unavailable));',
  ],
  fastify: [
    'bodyLimit: BODY_LIMIT_BYTES,',
    "onProtoPoisoning: 'error',",
    "onConstructorPoisoning: 'error',",
    'genReqId: requestIdGenerator(ctx.env.TRUST_PROXY),',
    'echoRequestId(app);',
    'securityHeaders(app);',
    'await globalRateLimit(app, ctx.env, ctx.counters);',
    'await corsPolicy(app, ctx.env.CORS_ORIGINS);',
    'jsonBodyOnly(app);',
    'zodValidation(app);',
    'errorHandler(app, ctx.unavailable);',
    'notFoundHandler(app);',
  ],
  hono: [
    'app.use(requestId(ctx.logger, ctx.env.TRUST_PROXY));',
    'app.use(clientAddress(ctx.env.TRUST_PROXY));',
    'app.use(securityHeaders());',
    'app.use(globalRateLimit(ctx.env, ctx.counters));',
    'app.use(corsPolicy(ctx.env.CORS_ORIGINS));',
    'app.use(jsonBody());',
    'app.notFound(notFoundHandler);',
    'app.onError(errorHandler(ctx.unavailable));',
  ],
} as const;

/**
 * With accounts: the cross-site write check and the deny-by-default session gate are wired before
 * the body parser and every route (src/auth/session.ts; OWASP CSRF Prevention CS; ASVS 5.0 V8.3.1).
 */
const sessionAppLines = {
  express: ['refuseCrossSiteWrites(ctx.env.CORS_ORIGINS),', 'requireSession(ctx.accounts),'],
  fastify: ['sessionHooks(app, ctx.accounts, ctx.env.CORS_ORIGINS);'],
  hono: ['app.use(refuseCrossSiteWrites(ctx.env.CORS_ORIGINS));', 'app.use(requireSession(ctx.accounts));'],
} as const;

/** The session cookie's name and attributes (`__Host-`, Secure, HttpOnly, SameSite=Strict; ASVS 5.0 V3.3). */
const sessionPolicyLines = {
  'src/auth/http-policy.ts': [
    "export const SESSION_COOKIE = '__Host-session';",
    "const COOKIE_ATTRIBUTES = 'Path=/; Secure; HttpOnly; SameSite=Strict';",
    // The team's public routes (src/auth/public-routes.ts, theirs to edit) join only through the
    // check of each entry; the file itself is never locked.
    'export const PUBLIC_ROUTES: ReadonlySet<string> = publicRoutes(TEAM_PUBLIC_ROUTES);',
  ],
};

const srcCode = ['src/**/*.ts'];

/** Patterns that weaken a control wherever they appear in the service's code. */
const forbidden: ControlsManifest['forbidden'] = [
  {
    files: srcCode,
    pattern: String.raw`\borigin\s*:\s*(?:true\b|['"]\*['"])|\bcors\(\s*\)|['"]access-control-allow-origin['"]\s*,\s*['"]\*['"]`,
    finding: 'CORS allows any origin (ASVS 5.0 V3.4.2): answer only the CORS_ORIGINS allowlist',
  },
  {
    files: ['src/middleware/error-handler.ts', 'src/plugins/error-handler.ts'],
    pattern: String.raw`\.(?:message|stack)\b`,
    finding: 'the error handler reads err.message/err.stack, which may reach the client (ASVS 5.0 V16.5.1; CWE-209)',
  },
  {
    files: srcCode,
    pattern: String.raw`['"]trust proxy['"]\s*,\s*true\b|\btrustProxy\s*:\s*true\b`,
    finding: 'trusts every proxy, so clients choose their own IP (ASVS 5.0 V15.3.4)',
  },
  {
    files: ['src/views/**/*.ts'],
    pattern: String.raw`'unsafe-(?:inline|eval|hashes)'`,
    finding: "the page CSP allows inline or eval'd script, so injected markup can run (ASVS 5.0 V3.4.3)",
  },
  {
    files: srcCode,
    pattern: String.raw`\brejectUnauthorized\s*:\s*false\b`,
    finding: 'TLS certificate verification is turned off (CWE-295)',
  },
];

/** A numeric literal as written in TypeScript (`100 * 1024`, `1_000_000`). */
const num = String.raw`([\d_]+(?:\s*\*\s*[\d_]+)*)`;

/** The manifest for a project: from the planned files and the context (framework, policy). */
export function controlsManifest(ctx: TemplateContext, plan: readonly PlannedFile[]): ControlsManifest {
  const paths = plan.map((file) => file.destination);
  const policy = ctx.policy;
  return {
    securityFiles: paths.filter((path) => under(lockedPrefixes, path)),
    requiredFiles: paths.filter((path) => !under(lockedPrefixes, path) && under(requiredPrefixes, path)),
    requiredLines: {
      'src/app.ts': [...appLines[ctx.framework], ...(ctx.features.accounts ? sessionAppLines[ctx.framework] : [])],
      // Admission control at the door, in front of the framework (src/security/admission-gate.ts).
      'src/http.ts': [httpGateLines[ctx.framework]],
      ...(ctx.features.accounts ? sessionPolicyLines : {}),
      // A preset that requires verified addresses: the value the env validation obeys stays in the code.
      ...(ctx.features.accounts && policy.requireVerifiedEmail ? { 'src/accounts/mail-env.ts': ['requireVerifiedEmail: true,'] } : {}),
      'src/config/env.ts': ['APP_SECRET: secret,', 'CORS_ORIGINS: originList,', 'TRUST_PROXY: trustProxy,'],
      // Paths from outside are confined by the one helper (safe-path.ts: real paths, separator-aware).
      'src/security/exec.ts': ['return realPathWithinSync(root, cwd);'],
      ...(ctx.features.files ? filesLines : {}),
      // CI runs the project's audit on every push: dropping the step is a finding (scripts/audit-controls.ts).
      ...(ctx.ciIsGithub ? { '.github/workflows/ci.yml': ['- run: npm run audit:controls'] } : {}),
      ...(ctx.ciIsGitlab ? { '.gitlab-ci.yml': ['- npm run audit:controls'] } : {}),
    },
    forbidden,
    limits: [
      { file: 'src/config/env.ts', pattern: String.raw`RATE_LIMIT_MAX: integer\(\s*\d+,\s*${num},`, max: policy.rateLimitMax, finding: 'accepts a RATE_LIMIT_MAX above the policy ceiling' },
      { file: 'src/config/env.ts', pattern: String.raw`RATE_LIMIT_MAX: integer\(\s*\d+,\s*[\d_]+,\s*${num}\)`, max: Math.min(300, policy.rateLimitMax), finding: 'default RATE_LIMIT_MAX raised' },
      { file: 'src/config/env.ts', pattern: String.raw`RATE_LIMIT_WINDOW_MS: integer\(\s*${num},`, min: policy.rateLimitWindowMs, finding: 'accepts a RATE_LIMIT_WINDOW_MS below the policy minimum' },
      { file: '.env.example', pattern: String.raw`^RATE_LIMIT_MAX=(\d+)$`, max: Math.min(300, policy.rateLimitMax), finding: 'RATE_LIMIT_MAX raised' },
      { file: 'src/security/policy.ts', pattern: String.raw`BODY_LIMIT_BYTES = ${num};`, max: 100 * 1024, finding: 'body limit raised above 100 KiB (ASVS 5.0 V2.4)' },
      { file: 'src/security/policy.ts', pattern: String.raw`MAX_JSON_DEPTH = ${num};`, max: 32, finding: 'JSON nesting limit raised' },
      { file: 'src/security/policy.ts', pattern: String.raw`HSTS_MAX_AGE_SECONDS = ${num};`, min: 31_536_000, finding: 'HSTS max-age below one year (ASVS 5.0 V3.4.1)' },
      ...(ctx.features.accounts ? accountsLimits(policy) : []),
    ],
    npmrc: { 'ignore-scripts': 'true' },
    pinned: paths.filter((path) => /^\.github\/workflows\/.+\.ya?ml$/u.test(path) || path === '.gitlab-ci.yml' || path === 'Dockerfile' || path === 'compose.yaml'),
  };
}

/**
 * The password-hashing cost and policy of the accounts feature (src/accounts/): a weakened argon2
 * or scrypt cost, or a shorter minimum password, is a finding even if someone re-hashed the file
 * map (OWASP Password Storage Cheat Sheet floors; ASVS 5.0 V6.2.1, V11.4.2).
 */
function accountsLimits(policy: TemplateContext['policy']): ControlsManifest['limits'] {
  const file = 'src/accounts/password.ts';
  return [
    { file, pattern: String.raw`memoryKiB: ${num},`, min: policy.argon2MemoryKiB, finding: 'argon2id memory cost below the policy (OWASP: at least 19456 KiB)' },
    { file, pattern: String.raw`passes: ${num},`, min: policy.argon2TimeCost, finding: 'argon2id time cost below the policy (OWASP: at least 2 passes)' },
    { file, pattern: String.raw`logN: ${num},`, min: 17, finding: 'scrypt cost below N=2^17 (OWASP Password Storage Cheat Sheet)' },
    { file, pattern: String.raw`const SALT_BYTES = ${num};`, min: 16, finding: 'password salt shorter than 16 bytes' },
    { file: 'src/accounts/password-policy.ts', pattern: String.raw`PASSWORD_MIN_LENGTH = ${num};`, min: policy.passwordMinLength, finding: 'minimum password length below the policy (ASVS 5.0 V6.2.1)' },
    { file: 'src/accounts/password-policy.ts', pattern: String.raw`PASSWORD_MAX_LENGTH = ${num};`, min: 64, finding: 'maximum password length below 64 (ASVS 5.0 V6.2.9)' },
    // Session lifetime bounds (src/accounts/env.ts): what the environment may set, not only the defaults.
    {
      file: 'src/accounts/env.ts',
      pattern: String.raw`SESSION_IDLE_TIMEOUT_SECONDS: integer\(\s*\d+,\s*${num},`,
      max: 86_400,
      finding: 'accepts a session idle timeout above a day (OWASP Session Management CS; ASVS 5.0 V7.3.1)',
    },
    {
      file: 'src/accounts/env.ts',
      pattern: String.raw`SESSION_ABSOLUTE_TIMEOUT_SECONDS: integer\(\s*\d+,\s*${num},`,
      max: 2_592_000,
      finding: 'accepts a session absolute timeout above 30 days (ASVS 5.0 V7.3.2)',
    },
    {
      file: 'src/accounts/env.ts',
      pattern: String.raw`SESSION_CACHE_MS: integer\(\s*\d+,\s*${num},`,
      max: 5_000,
      finding: 'accepts a SESSION_CACHE_MS above 5 s: a session ended elsewhere stays usable here that long (ASVS 5.0 V7.4.1)',
    },
  ];
}

/**
 * The files feature: every stored path goes through the path helper, files are created without
 * following links, and downloads keep their headers (attachment, nosniff, CSP sandbox) — OWASP
 * File Upload Cheat Sheet; ASVS 5.0 V5.3.2, V5.4.1.
 */
const filesLines: ControlsManifest['requiredLines'] = {
  'src/files/store.ts': [
    'const path = await resolveInside(dir, storedName, { mustExist: false });',
    "await writeFile(path, bytes, { flag: 'wx', mode: 0o600 });",
    "const handle: FileHandle = await open(temporary, 'wx', 0o600);",
    'const path = await resolveInside(dir, checked(storedName));',
  ],
  'src/files/download.ts': [
    "'content-disposition': contentDisposition(file.name),",
    "'x-content-type-options': 'nosniff',",
    "'content-security-policy': 'sandbox',",
  ],
  // Uploads are decided before their body is read, and counted as they stream (OWASP API4:2023).
  'src/files/upload.ts': [
    'const typeCheck = startTypeCheck(input.name, input.declaredType);',
    'if (declared !== undefined && declared > maxBytes) throw payloadTooLarge();',
    'const slot = gate.acquire(ownerId);',
    'if (received > allowed) throw overLimit();',
  ],
};
