/**
 * `secure-ts audit` against the controls manifest recorded at generation: a clean project is
 * clean, and each seeded weakening is found on its own, for every framework.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import helpers from 'yeoman-test';
import { beforeAll, describe, expect, it } from 'vitest';
import type AuditGenerator from '../../generators/audit/generator.ts';
import { frameworks, type Framework } from '../../generators/shared/choices.ts';
import { auditProject } from '../../generators/audit/audit.ts';
import { cliEntry, repoRoot } from '../support/run.ts';
import { recordFile } from '../support/stored.ts';
import { tempDir } from '../support/temp.ts';

const cliBase = ['--yes', '--skip-install', '--skip-git', '--deterministic'];
const cli = (args: string[], cwd: string) =>
  spawnSync(process.execPath, [cliEntry, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Where each framework keeps its HTTP-edge security modules. */
const edge = (fw: Framework) => (fw === 'fastify' ? 'src/plugins' : 'src/middleware');
const registration = { express: 'securityHeaders(),', fastify: 'securityHeaders(app);', hono: 'app.use(securityHeaders());' } as const;

function edit(root: string, path: string, change: (text: string) => string): void {
  const file = join(root, path);
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  // A weakening that does not change the file would make its test pass for the wrong reason.
  expect(after, `the weakening of ${path} must change it`).not.toBe(before);
  writeFileSync(file, after);
}

interface Weakening {
  readonly what: string;
  readonly apply: (root: string, fw: Framework) => void;
  readonly finding: (fw: Framework) => RegExp;
}

const weakenings: readonly Weakening[] = [
  {
    what: 'a deleted security file (the rate limiter)',
    apply: (root, fw) => rmSync(join(root, edge(fw), 'rate-limit.ts')),
    finding: (fw) => new RegExp(`^${edge(fw)}/rate-limit\\.ts: security file missing$`, 'u'),
  },
  {
    what: 'edited security headers',
    apply: (root, fw) => edit(root, `${edge(fw)}/security-headers.ts`, (t) => t.replace(/CSP_DIRECTIVES/gu, '{}').replace(/$/u, '\n// relaxed\n')),
    finding: (fw) => new RegExp(`^${edge(fw)}/security-headers\\.ts: locked security file changed since the generator wrote it`, 'u'),
  },
  {
    what: 'a removed middleware registration',
    apply: (root, fw) => edit(root, 'src/app.ts', (t) => t.replace(`  ${registration[fw]}\n`, '')),
    finding: (fw) => new RegExp(`^src/app\\.ts: missing \`${registration[fw].replace(/[()]/gu, '\\$&')}\`$`, 'u'),
  },
  {
    what: 'a raised default rate limit in env.ts',
    apply: (root) => edit(root, 'src/config/env.ts', (t) => t.replace('RATE_LIMIT_MAX: integer(1, 1_000_000, 300)', 'RATE_LIMIT_MAX: integer(1, 1_000_000, 5_000)')),
    finding: () => /^src\/config\/env\.ts: default RATE_LIMIT_MAX raised \(5000 > 300\)$/u,
  },
  {
    what: 'a raised rate-limit ceiling in env.ts',
    apply: (root) => edit(root, 'src/config/env.ts', (t) => t.replace('RATE_LIMIT_MAX: integer(1, 1_000_000, 300)', 'RATE_LIMIT_MAX: integer(1, 100_000_000, 300)')),
    finding: () => /^src\/config\/env\.ts: accepts a RATE_LIMIT_MAX above the policy ceiling \(100000000 > 1000000\)$/u,
  },
  {
    what: 'a raised RATE_LIMIT_MAX in .env.example',
    apply: (root) => edit(root, '.env.example', (t) => t.replace('RATE_LIMIT_MAX=300', 'RATE_LIMIT_MAX=100000')),
    finding: () => /^\.env\.example: RATE_LIMIT_MAX raised \(100000 > 300\)$/u,
  },
  {
    what: 'an action unpinned to @v4',
    apply: (root) => edit(root, '.github/workflows/ci.yml', (t) => t.replace(/uses: actions\/checkout@[0-9a-f]{40} # \S+/u, 'uses: actions/checkout@v4')),
    finding: () => /^\.github\/workflows\/ci\.yml:\d+: action actions\/checkout@v4 is not pinned to a full commit SHA$/u,
  },
  {
    what: 'ignore-scripts turned off',
    apply: (root) => edit(root, '.npmrc', (t) => t.replace('ignore-scripts=true', 'ignore-scripts=false')),
    finding: () => /^\.npmrc: ignore-scripts must be true \(is false\)/u,
  },
  {
    what: 'ignore-scripts overridden by a later line',
    apply: (root) => edit(root, '.npmrc', (t) => `${t}ignore-scripts = false\n`),
    finding: () => /^\.npmrc: ignore-scripts must be true \(is false\)/u,
  },
  {
    what: 'an error handler that sends err.message',
    apply: (root, fw) => edit(root, `${edge(fw)}/error-handler.ts`, (t) => `${t}\nexport const detail = (err: Error) => ({ detail: err.message });\n`),
    finding: (fw) => new RegExp(`^${edge(fw)}/error-handler\\.ts:\\d+: the error handler reads err\\.message`, 'u'),
  },
  {
    what: "CORS opened to '*'",
    apply: (root, fw) => edit(root, `${edge(fw)}/cors.ts`, (t) => `${t}\nexport const wide = { origin: '*' };\n`),
    finding: (fw) => new RegExp(`^${edge(fw)}/cors\\.ts:\\d+: CORS allows any origin`, 'u'),
  },
  {
    what: 'every proxy trusted',
    apply: (root, fw) => {
      if (fw === 'express') edit(root, 'src/app.ts', (t) => t.replace(/app\.set\('trust proxy', .*\);/u, "app.set('trust proxy', true);"));
      else if (fw === 'fastify') edit(root, 'src/app.ts', (t) => t.replace('trustProxy: proxyTrust(ctx.env.TRUST_PROXY),', 'trustProxy: true,'));
      else edit(root, 'src/http.ts', (t) => `${t}\nexport const proxy = { trustProxy: true };\n`);
    },
    finding: () => /^src\/(?:app|http)\.ts:\d+: trusts every proxy/u,
  },
  {
    what: 'a raised body limit',
    apply: (root) => edit(root, 'src/security/policy.ts', (t) => t.replace('BODY_LIMIT_BYTES = 100 * 1024;', 'BODY_LIMIT_BYTES = 10 * 1024 * 1024;')),
    finding: () => /^src\/security\/policy\.ts: body limit raised above 100 KiB .*\(10485760 > 102400\)$/u,
  },
  {
    what: 'a lowered HSTS max-age',
    apply: (root) => edit(root, 'src/security/policy.ts', (t) => t.replace('HSTS_MAX_AGE_SECONDS = 63_072_000;', 'HSTS_MAX_AGE_SECONDS = 86_400;')),
    finding: () => /^src\/security\/policy\.ts: HSTS max-age below one year .*\(86400 < 31536000\)$/u,
  },
  {
    what: 'a deleted attack test',
    apply: (root) => rmSync(join(root, 'test/security/cors.test.ts')),
    finding: () => /^test\/security\/cors\.test\.ts: required file missing$/u,
  },
  {
    what: 'a deleted CodeQL workflow',
    apply: (root) => rmSync(join(root, '.github/workflows/codeql.yml')),
    finding: () => /^\.github\/workflows\/codeql\.yml: required file missing$/u,
  },
  {
    what: 'a Docker base image unpinned from its digest',
    apply: (root) => edit(root, 'Dockerfile', (t) => t.replace(/^FROM node:\S+ AS deps$/mu, 'FROM node:24-slim AS deps')),
    finding: () => /^Dockerfile:\d+: image node:24-slim is not pinned to a digest$/u,
  },
  {
    what: "'unsafe-inline' added to the page CSP",
    apply: (root) => edit(root, 'src/views/page-policy.ts', (t) => t.replace("'strict-dynamic'`", "'strict-dynamic' 'unsafe-inline'`")),
    finding: () => /^src\/views\/page-policy\.ts:\d+: the page CSP allows inline or eval'd script/u,
  },
  {
    what: 'escaping switched off in the html templates',
    apply: (root) => edit(root, 'src/views/html.ts', (t) => t.replace('return escapeHtml(String(value));', 'return String(value);')),
    finding: () => /^src\/views\/html\.ts: /u,
  },
  {
    what: 'database TLS verification turned off',
    apply: (root) => edit(root, 'src/db/pool.ts', (t) => t.replace('rejectUnauthorized: true', 'rejectUnauthorized: false')),
    finding: () => /^src\/db\/pool\.ts:\d+: TLS certificate verification is turned off/u,
  },
  {
    what: 'a weakened argon2id memory cost',
    apply: (root) => edit(root, 'src/accounts/password.ts', (t) => t.replace('memoryKiB: 19_456,', 'memoryKiB: 4_096,')),
    finding: () => /^src\/accounts\/password\.ts: argon2id memory cost below the policy .*\(4096 < 19456\)$/u,
  },
  {
    what: 'a weakened argon2id time cost',
    apply: (root) => edit(root, 'src/accounts/password.ts', (t) => t.replace('passes: 2,', 'passes: 1,')),
    finding: () => /^src\/accounts\/password\.ts: argon2id time cost below the policy .*\(1 < 2\)$/u,
  },
  {
    what: 'a session cache allowed to hold revoked sessions for a minute',
    apply: (root) => edit(root, 'src/accounts/env.ts', (t) => t.replace('SESSION_CACHE_MS: integer(0, 5_000, 1_000),', 'SESSION_CACHE_MS: integer(0, 60_000, 1_000),')),
    finding: () => /^src\/accounts\/env\.ts: accepts a SESSION_CACHE_MS above 5 s.*\(60000 > 5000\)$/u,
  },
  {
    what: 'a session idle timeout allowed to reach a week',
    apply: (root) => edit(root, 'src/accounts/env.ts', (t) => t.replace('SESSION_IDLE_TIMEOUT_SECONDS: integer(60, 86_400, 1_800),', 'SESSION_IDLE_TIMEOUT_SECONDS: integer(60, 604_800, 1_800),')),
    finding: () => /^src\/accounts\/env\.ts: accepts a session idle timeout above a day.*\(604800 > 86400\)$/u,
  },
  {
    what: 'a session absolute timeout allowed to reach a year',
    apply: (root) =>
      edit(root, 'src/accounts/env.ts', (t) => t.replace('SESSION_ABSOLUTE_TIMEOUT_SECONDS: integer(300, 2_592_000, 28_800),', 'SESSION_ABSOLUTE_TIMEOUT_SECONDS: integer(300, 31_536_000, 28_800),')),
    finding: () => /^src\/accounts\/env\.ts: accepts a session absolute timeout above 30 days.*\(31536000 > 2592000\)$/u,
  },
  {
    what: 'a lowered minimum password length',
    apply: (root) => edit(root, 'src/accounts/password-policy.ts', (t) => t.replace('PASSWORD_MIN_LENGTH = 15;', 'PASSWORD_MIN_LENGTH = 6;')),
    finding: () => /^src\/accounts\/password-policy\.ts: minimum password length below the policy .*\(6 < 15\)$/u,
  },
  {
    what: 'a checkout that keeps the token in .git/config',
    apply: (root) => edit(root, '.github/workflows/ci.yml', (t) => t.replace(/^(\s+)persist-credentials: false$/mu, '$1persist-credentials: true')),
    finding: () => /^\.github\/workflows\/ci\.yml:\d+: checkout leaves the token in \.git\/config/u,
  },
  {
    what: 'a top-level token that may write everything',
    apply: (root) => edit(root, '.github/workflows/ci.yml', (t) => t.replace(/^permissions:.*(?:\n[ \t]+.*)*/mu, 'permissions: write-all')),
    finding: () => /^\.github\/workflows\/ci\.yml:\d+: the top-level token may write everything/u,
  },
  {
    what: 'a pull_request_target trigger',
    apply: (root) => edit(root, '.github/workflows/ci.yml', (t) => t.replace(/^on:\n/mu, 'on:\n  pull_request_target:\n')),
    finding: () => /^\.github\/workflows\/ci\.yml:\d+: pull_request_target runs with secrets on code from forks/u,
  },
  {
    what: 'a pull request title expanded inside a shell script',
    apply: (root) => edit(root, '.github/workflows/ci.yml', (t) => t.replace('      - run: npm ci --ignore-scripts', '      - run: echo "${{ github.event.pull_request.title }}"\n      - run: npm ci --ignore-scripts')),
    finding: () => /^\.github\/workflows\/ci\.yml:\d+: a github\.event or head_ref expression is expanded inside a shell script/u,
  },
  {
    what: 'a CI install that runs install scripts',
    apply: (root) => edit(root, '.github/workflows/ci.yml', (t) => t.replace(/^(\s+- run: )npm ci --ignore-scripts$/mu, '$1npm ci')),
    finding: () => /^\.github\/workflows\/ci\.yml:\d+: npm installs without --ignore-scripts/u,
  },
  {
    what: 'an image install that runs install scripts',
    apply: (root) => edit(root, 'Dockerfile', (t) => t.replace('RUN npm ci --omit=dev --ignore-scripts', 'RUN npm ci --omit=dev')),
    finding: () => /^Dockerfile:\d+: npm installs without --ignore-scripts/u,
  },
  {
    what: 'a container that runs as root',
    apply: (root) => edit(root, 'Dockerfile', (t) => t.replace(/^USER node$/mu, 'USER root')),
    finding: () => /^Dockerfile:\d+: the container runs as root/u,
  },
];

describe.each(frameworks)('audit of a %s project', (fw) => {
  let generated: string;
  beforeAll(() => {
    const cwd = tempDir('audit');
    const run = cli(['svc', ...cliBase, '--framework', fw, '--database', 'postgres', '--docker', '--views'], cwd);
    expect(run.status, run.stderr).toBe(0);
    generated = join(cwd, 'svc');
  });

  /** A fresh copy of the generated project, so each weakening is seeded alone. */
  const copy = (): string => {
    const root = join(tempDir('weak'), 'svc');
    cpSync(generated, root, { recursive: true });
    return root;
  };

  it('reports the freshly generated project as clean, exit code 0', () => {
    expect(auditProject(generated).findings).toEqual([]);
    const run = cli(['audit'], generated);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^audit: clean \(\d+ checks against the controls of generator-secure-ts \d+\.\d+\.\d+\)\n$/u);
  });

  it('stays clean when the team evolves its own code: services, routes, tests, workflows and the Dockerfile', () => {
    const root = copy();
    for (const path of ['src/accounts/service.ts', 'src/auth/routes.ts', 'src/auth/http-policy.ts', 'src/files/service.ts', 'test/security/cors.test.ts', 'src/app.ts']) {
      edit(root, path, (t) => `${t}\n// reviewed by the team\n`);
    }
    edit(root, '.github/workflows/ci.yml', (t) => `${t}\n  extra:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hello\n`);
    edit(root, 'Dockerfile', (t) => t.replace(/^USER node$/mu, 'RUN mkdir -p /app/cache\nUSER node'));
    edit(root, '.npmrc', (t) => `${t}fund=false\n`);
    const result = auditProject(root);
    expect(result.findings, result.findings.join('\n')).toEqual([]);
  });

  it.each(weakenings)('finds $what', ({ apply, finding }) => {
    const root = copy();
    apply(root, fw);
    const { findings } = auditProject(root);
    expect(findings, findings.join('\n')).toEqual(expect.arrayContaining([expect.stringMatching(finding(fw))]));
  });

  // Hono builds JSON responses complete from a header record (src/respond.ts): claiming every
  // response is complete would strip the security headers from all the others.
  // Registered for Hono only (the file exists nowhere else), so the other frameworks show no skipped test.
  if (fw === 'hono') {
    it('finds a response fast path that skips the middleware headers', () => {
      const root = copy();
      edit(root, 'src/respond.ts', (t) => t.replace('return complete.has(c.res);', 'return true;'));
      const { findings } = auditProject(root);
      expect(findings).toEqual(expect.arrayContaining([expect.stringMatching(/^src\/respond\.ts: locked security file changed since the generator wrote it/u)]));
    });
  }
});

describe('the audit command', () => {
  let root: string;
  beforeAll(() => {
    const cwd = tempDir('audit');
    expect(cli(['svc', ...cliBase], cwd).status).toBe(0);
    root = join(cwd, 'svc');
  });

  it('exits 1 with one line per finding, then a count', () => {
    const weak = join(tempDir('weak'), 'svc');
    cpSync(root, weak, { recursive: true });
    writeFileSync(join(weak, '.npmrc'), 'ignore-scripts=false\n');
    rmSync(join(weak, 'src/middleware/cors.ts'));
    const run = cli(['audit'], weak);
    expect(run.status).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toEqual([
      'src/middleware/cors.ts: security file missing',
      expect.stringMatching(/^\.npmrc: ignore-scripts must be true \(is false\)/u),
      expect.stringMatching(/^audit: 2 findings \(\d+ checks/u),
    ]);
    const json = JSON.parse(cli(['audit', '--json'], weak).stdout) as { findings: string[] };
    expect(json.findings).toHaveLength(2);
  });

  it('accepts a reviewed change to a locked file with its reason, and reports the file again when it changes after that', () => {
    const edited = join(tempDir('accept'), 'svc');
    cpSync(root, edited, { recursive: true });
    edit(edited, 'src/security/policy.ts', (t) => `${t}\n// a comment the team reviewed\n`);
    expect(cli(['audit'], edited).status).toBe(1);
    const accepted = cli(['audit', '--accept', 'src/security/policy.ts', '--reason', 'comment only, reviewed in PR 12'], edited);
    expect(accepted.status, accepted.stderr).toBe(0);
    const stored = recordFile(edited).accepted;
    expect(stored['src/security/policy.ts']).toMatchObject({ reason: 'comment only, reviewed in PR 12', hash: expect.stringMatching(/^[0-9a-f]{16}$/u) });
    const clean = cli(['audit'], edited);
    expect(clean.status, clean.stdout).toBe(0);
    expect(clean.stdout).toMatch(/^accepted src\/security\/policy\.ts \(\d{4}-\d{2}-\d{2}\): comment only, reviewed in PR 12\naudit: clean .*1 reviewed change accepted\)\n$/u);
    edit(edited, 'src/security/policy.ts', (t) => t.replace('BODY_LIMIT_BYTES = 100 * 1024;', 'BODY_LIMIT_BYTES = 90 * 1024;'));
    expect(cli(['audit'], edited).stdout).toMatch(/^src\/security\/policy\.ts: locked security file changed/mu);
  });

  it.each([
    [['--accept', 'src/security/policy.ts'], /--accept needs --reason/u],
    [['--accept', 'src/security/policy.ts', '--reason', ' '], /--accept needs --reason/u],
    [['--accept', 'src/accounts/service.ts', '--reason', 'x'], /is not a locked file of this project/u],
    [['--accept', '../../etc/passwd', '--reason', 'x'], /is not a locked file of this project/u],
    [['--reason', 'x'], /--reason goes with --accept/u],
  ])('refuses audit %j with exit code 2 and records nothing', (args, message) => {
    const files = ['.yo-rc.json', '.secure-ts/record.json'];
    const before = files.map((file) => readFileSync(join(root, file), 'utf8'));
    const run = cli(['audit', ...args], root);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(files.map((file) => readFileSync(join(root, file), 'utf8'))).toEqual(before);
  });

  it('stops with exit code 2 outside a generated project', () => {
    const run = cli(['audit'], tempDir('empty'));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/is not a project generated by generator-secure-ts/u);
  });

  it('`yo secure-ts:audit` passes a clean project and fails a weakened one', async () => {
    const auditGenerator = join(repoRoot, 'dist', 'generators', 'audit', 'index.js');
    await helpers.run<AuditGenerator>(auditGenerator).cd(root);
    const weak = join(tempDir('weak'), 'svc');
    cpSync(root, weak, { recursive: true });
    rmSync(join(weak, 'src/security/policy.ts'));
    await expect(helpers.run<AuditGenerator>(auditGenerator).cd(weak)).rejects.toThrow(/audit: \d+ findings?/u);
  });

  it('asks for a re-run when the project predates the manifest', () => {
    const old = join(tempDir('old'), 'svc');
    cpSync(root, old, { recursive: true });
    // Before the manifest existed there was no record file either: only .yo-rc.json.
    rmSync(join(old, '.secure-ts'), { recursive: true });
    const run = cli(['audit'], old);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/no controls manifest .*re-run the generator/u);
  });
});
