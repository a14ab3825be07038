/**
 * The static checkers in test/support catch each seeded supply-chain or container violation,
 * and pass the real templates rendered for every database, with and without Docker and Redis.
 * Each bad case is the good rendered file with one change, so a checker that flags it flags
 * exactly that change.
 */
import { describe, expect, it } from 'vitest';
import { actions } from '../../generators/shared/actions.ts';
import { image, serviceImages } from '../../generators/shared/images.ts';
import { checkCompose } from '../support/check-compose.ts';
import { checkDependabot } from '../support/check-dependabot.ts';
import { checkDockerfile } from '../support/check-dockerfile.ts';
import { checkWorkflow } from '../support/check-workflow.ts';
import { databaseChoices, renderTemplate, supplyChainContext, type SupplyChainOptions } from '../support/render-template.ts';

const combos: SupplyChainOptions[] = databaseChoices.flatMap((database) =>
  [false, true].flatMap((docker) => [false, true].map((redis) => ({ database, docker, redis }))),
);
const label = (o: SupplyChainOptions) => `${o.database}, docker ${o.docker ? 'on' : 'off'}, redis ${o.redis ? 'on' : 'off'}`;

const github = 'features/ci/github/.github';
const render = (path: string, options: SupplyChainOptions = { database: 'postgres', docker: true, redis: true }) =>
  renderTemplate(path, supplyChainContext(options));

/** Replaces the first occurrence; a target that is not there fails loudly instead of testing nothing. */
function mutate(text: string, from: string | RegExp, to: string): string {
  const found = typeof from === 'string' ? text.includes(from) : new RegExp(from.source, from.flags.replace('g', '')).test(text);
  if (!found) throw new Error(`mutation target not found: ${String(from)}`);
  return text.replace(from, to);
}

function expectOnly(violations: string[], pattern: RegExp) {
  expect(violations.length, violations.join('\n')).toBeGreaterThan(0);
  for (const violation of violations) expect(violation).toMatch(pattern);
}

describe('pinned actions and images', () => {
  it('pins every action to a 40-hex commit SHA with a vX.Y.Z release', () => {
    for (const action of Object.values(actions)) {
      expect(action.sha).toMatch(/^[0-9a-f]{40}$/u);
      expect(action.version).toMatch(/^v\d+\.\d+\.\d+$/u);
    }
  });

  it('pins every image by a sha256 index digest and keeps the tag for Dependabot', () => {
    for (const pinned of [image, ...Object.values(serviceImages)]) {
      expect(pinned.digest).toMatch(/^sha256:[0-9a-f]{64}$/u);
      expect(pinned.ref).toBe(`${pinned.repository}:${pinned.tag}@${pinned.digest}`);
    }
    expect(image.repository).toBe('node');
    expect(image.tag).toMatch(/^24[.-]/u);
  });

  it('writes into the workflows only actions from the pinned map', () => {
    const known = new Set(Object.values(actions).map((a) => `${a.uses}@${a.sha} # ${a.version}`));
    for (const file of ['workflows/ci.yml.ejs', 'workflows/codeql.yml.ejs', 'workflows/dependency-review.yml.ejs']) {
      const uses = [...render(`${github}/${file}`).matchAll(/uses:\s*(.+)$/gmu)].map((m) => m[1]);
      expect(uses.length).toBeGreaterThan(0);
      for (const use of uses) expect(known).toContain(use);
    }
  });
});

describe('checkWorkflow', () => {
  const good = render(`${github}/workflows/ci.yml.ejs`);

  it.each(combos)('passes the rendered CI, CodeQL and dependency-review workflows ($database)', (options) => {
    expect(checkWorkflow(render(`${github}/workflows/ci.yml.ejs`, options)), label(options)).toEqual([]);
    const auxiliary = { requireSupplyChainSteps: false };
    expect(checkWorkflow(render(`${github}/workflows/codeql.yml.ejs`, options), auxiliary)).toEqual([]);
    expect(checkWorkflow(render(`${github}/workflows/dependency-review.yml.ejs`, options), auxiliary)).toEqual([]);
  });

  it('rejects an action pinned to a movable tag (uses: actions/checkout@v5)', () => {
    const bad = mutate(good, /uses: actions\/checkout@[0-9a-f]{40} # v[\d.]+/u, 'uses: actions/checkout@v5');
    expectOnly(checkWorkflow(bad), /uses: actions\/checkout@v5 is not pinned to a 40-hex commit SHA/u);
  });

  it('rejects a SHA pin without the release comment, and a short SHA', () => {
    const noComment = mutate(good, /(uses: actions\/setup-node@[0-9a-f]{40}) # v[\d.]+/u, '$1');
    expectOnly(checkWorkflow(noComment), /lacks a "# vX\.Y\.Z" comment/u);
    const short = mutate(good, /uses: actions\/setup-node@([0-9a-f]{7})[0-9a-f]{33}/u, 'uses: actions/setup-node@$1');
    expectOnly(checkWorkflow(short), /not pinned to a 40-hex commit SHA/u);
  });

  it('rejects a workflow without top-level permissions, or with write-all', () => {
    expectOnly(checkWorkflow(mutate(good, /^permissions:\n {2}contents: read\n/mu, '')), /top-level permissions are missing/u);
    expectOnly(checkWorkflow(mutate(good, /^permissions:\n {2}contents: read\n/mu, 'permissions: write-all\n')), /top-level permissions are "write-all"/u);
    const jobWriteAll = mutate(good, /( {2}lint:\n(?: {4}.*\n)*? {4})permissions:\n {6}contents: read\n/u, '$1permissions: write-all\n');
    expectOnly(checkWorkflow(jobWriteAll), /job lint has permissions: write-all/u);
  });

  it('rejects a checkout that leaves the token in .git/config', () => {
    const bad = mutate(good, /(# v[\d.]+)\n {8}with:\n {10}persist-credentials: false\n/u, '$1\n');
    expectOnly(checkWorkflow(bad), /actions\/checkout without persist-credentials: false/u);
  });

  it('rejects pull_request_target', () => {
    expectOnly(checkWorkflow(mutate(good, /^ {2}pull_request:$/mu, '  pull_request_target:')), /pull_request_target/u);
  });

  it('rejects a github.event expression expanded inside run (script injection)', () => {
    const bad = mutate(good, '- run: npm run lint', '- run: echo "${{ github.event.pull_request.title }}"');
    expectOnly(checkWorkflow(bad), /attacker-controlled github\.event/u);
  });

  it('rejects installs that run install scripts and missing or non-blocking audits', () => {
    const installScripts = good.replaceAll('npm ci --ignore-scripts', 'npm ci');
    expect(checkWorkflow(installScripts)).toContain('no step runs npm ci --ignore-scripts');
    expect(checkWorkflow(installScripts).filter((v) => /npm installs without --ignore-scripts/u.test(v)).length).toBeGreaterThan(0);
    expect(checkWorkflow(mutate(good, '- run: npm audit --audit-level=high\n', ''))).toEqual(['no step runs npm audit --audit-level=high']);
    expect(checkWorkflow(mutate(good, 'npm audit --audit-level=high', 'npm audit --audit-level=high || true'))).toEqual([
      'npm audit does not block the build (continue-on-error or "|| true")',
    ]);
    expect(checkWorkflow(mutate(good, '- run: npm audit signatures\n', ''))).toEqual(['no step runs npm audit signatures']);
  });

  it('reports invalid YAML instead of throwing', () => {
    expectOnly(checkWorkflow('jobs: [unclosed'), /invalid YAML/u);
  });
});

describe('checkDockerfile', () => {
  const good = render('features/docker/Dockerfile.ejs', { database: 'sqlite', docker: true });

  it.each(databaseChoices)('passes the rendered Dockerfile (%s)', (database) => {
    expect(checkDockerfile(render('features/docker/Dockerfile.ejs', { database, docker: true }))).toEqual([]);
  });

  it('gives only SQLite a data directory owned by node', () => {
    expect(good).toContain('chown node:node /app/data');
    expect(render('features/docker/Dockerfile.ejs', { database: 'postgres', docker: true })).not.toContain('/app/data');
  });

  it('writes the project name as a quoted string, not raw', () => {
    const text = render('features/docker/Dockerfile.ejs', { database: 'none', docker: true, name: '@acme/demo-api' });
    expect(text).toContain('LABEL org.opencontainers.image.title="@acme/demo-api"');
  });

  it('rejects a base image pinned by tag only', () => {
    const bad = mutate(good, /FROM (node:[^@\s]+)@sha256:[0-9a-f]{64} AS deps/u, 'FROM $1 AS deps');
    expectOnly(checkDockerfile(bad), /FROM node:\S+ is not pinned by digest/u);
  });

  it('rejects a runtime stage that runs as root', () => {
    expectOnly(checkDockerfile(mutate(good, /^USER node$/mu, '')), /sets no USER/u);
    expectOnly(checkDockerfile(mutate(good, /^USER node$/mu, 'USER root')), /runs as USER root/u);
  });

  it('rejects a shell-form CMD', () => {
    expectOnly(checkDockerfile(mutate(good, 'CMD ["node", "dist/server.js"]', 'CMD node dist/server.js')), /shell form/u);
  });

  it('rejects secret-looking names in ENV and ARG', () => {
    expectOnly(checkDockerfile(mutate(good, 'ENV NODE_ENV=production', 'ENV API_TOKEN=abc NODE_ENV=production')), /ENV API_TOKEN looks like a secret/u);
    expectOnly(checkDockerfile(mutate(good, 'WORKDIR /app\nCOPY package.json', 'ARG NPM_TOKEN\nWORKDIR /app\nCOPY package.json')), /ARG NPM_TOKEN looks like a secret/u);
    expectOnly(checkDockerfile(mutate(good, 'ENV NODE_ENV=production', 'ENV DB_PASSWORD hunter2\nENV NODE_ENV=production')), /ENV DB_PASSWORD/u);
  });

  it('rejects a runtime without NODE_ENV=production', () => {
    expectOnly(checkDockerfile(mutate(good, 'ENV NODE_ENV=production \\\n', 'ENV ')), /NODE_ENV=production/u);
  });

  it('rejects a production install that keeps dev dependencies or runs install scripts', () => {
    expectOnly(checkDockerfile(mutate(good, 'npm ci --omit=dev --ignore-scripts', 'npm ci --ignore-scripts')), /npm ci --omit=dev --ignore-scripts/u);
    const scripts = checkDockerfile(mutate(good, 'npm ci --omit=dev --ignore-scripts', 'npm ci --omit=dev'));
    expect(scripts).toHaveLength(2);
    expect(scripts.join('\n')).toMatch(/npm installs without --ignore-scripts/u);
  });

  it('rejects a missing HEALTHCHECK and a single-stage build', () => {
    expectOnly(checkDockerfile(mutate(good, /^HEALTHCHECK[^\n]*\\\n[^\n]*\n/mu, '')), /no HEALTHCHECK/u);
    const single = [
      `FROM ${image.ref}`,
      'ENV NODE_ENV=production',
      'COPY . .',
      'RUN npm ci --omit=dev --ignore-scripts',
      'USER node',
      'HEALTHCHECK CMD ["node", "-e", "process.exit(0)"]',
      'CMD ["node", "dist/server.js"]',
    ].join('\n');
    expectOnly(checkDockerfile(single), /not a multi-stage build/u);
  });
});

describe('checkCompose', () => {
  const good = render('features/docker/compose.yaml.ejs', { database: 'postgres', docker: true, redis: true });

  it.each(combos.filter((c) => c.docker))('passes the rendered compose.yaml ($database, redis $redis)', (options) => {
    expect(checkCompose(render('features/docker/compose.yaml.ejs', options))).toEqual([]);
  });

  it('rejects an app without the runtime hardening', () => {
    expectOnly(checkCompose(mutate(good, '    read_only: true\n    tmpfs:\n      - /tmp', '    tmpfs:\n      - /tmp')), /read_only: true is missing/u);
    expectOnly(checkCompose(mutate(good, '    cap_drop:\n      - ALL\n', '')), /cap_drop does not include ALL/u);
    expectOnly(checkCompose(mutate(good, /( {4}init: true\n)/u, '')), /init: true is missing/u);
    expectOnly(checkCompose(mutate(good, '    mem_limit: 512m\n', '')), /no memory limit/u);
    expectOnly(checkCompose(mutate(good, '    pids_limit: 128\n', '')), /no pids limit/u);
    const noNewPrivileges = mutate(good, /( {4}cap_drop:\n {6}- ALL\n) {4}security_opt:\n {6}- no-new-privileges:true\n/u, '$1');
    expectOnly(checkCompose(noNewPrivileges), /no-new-privileges/u);
  });

  it('rejects a password written inline instead of interpolated from .env', () => {
    const bad = mutate(good, /POSTGRES_PASSWORD: \$\{[^}]+\}/u, 'POSTGRES_PASSWORD: hunter2');
    expectOnly(checkCompose(bad), /POSTGRES_PASSWORD is written inline/u);
    const app = mutate(good, '    env_file:\n      - .env\n', '    environment:\n      SESSION_SECRET: ${SESSION_SECRET}\n');
    expect(checkCompose(app)).toEqual(expect.arrayContaining([expect.stringMatching(/env_file/u), expect.stringMatching(/a secret is set in environment/u)]));
  });

  it('rejects an image pinned by tag only, privileged mode and the Docker socket', () => {
    expectOnly(checkCompose(mutate(good, /image: (postgres:[^@\s]+)@sha256:[0-9a-f]{64}/u, 'image: $1')), /not pinned by digest/u);
    expectOnly(checkCompose(mutate(good, '    init: true\n', '    init: true\n    privileged: true\n')), /privileged/u);
    const socket = mutate(good, '      - db-data:/var/lib/postgresql/data\n', '      - db-data:/var/lib/postgresql/data\n      - /var/run/docker.sock:/var/run/docker.sock\n');
    expectOnly(checkCompose(socket), /Docker socket/u);
  });
});

describe('checkDependabot', () => {
  const withDocker = render(`${github}/dependabot.yml.ejs`, { database: 'sqlite', docker: true });
  const required = ['npm', 'github-actions', 'docker'];

  it('passes the rendered config, which watches docker only when Docker is generated', () => {
    expect(checkDependabot(withDocker, { requiredEcosystems: required })).toEqual([]);
    const withoutDocker = render(`${github}/dependabot.yml.ejs`, { database: 'sqlite', docker: false });
    expect(checkDependabot(withoutDocker)).toEqual([]);
    expect(withoutDocker).not.toMatch(/package-ecosystem: docker/u);
    expect(checkDependabot(withoutDocker, { requiredEcosystems: required })).toEqual(['no update entry for the docker ecosystem']);
  });

  it('rejects a missing ecosystem, a monthly schedule and a missing or short cooldown', () => {
    expectOnly(checkDependabot(mutate(withDocker, 'package-ecosystem: github-actions', 'package-ecosystem: pip')), /no update entry for the github-actions/u);
    expectOnly(checkDependabot(mutate(withDocker, 'interval: weekly', 'interval: monthly')), /npm: schedule\.interval is monthly/u);
    const noCooldown = mutate(withDocker, '    cooldown:\n      default-days: 7\n      semver-major-days: 14\n', '');
    expectOnly(checkDependabot(noCooldown), /npm: no cooldown\.default-days/u);
    expectOnly(checkDependabot(mutate(withDocker, 'default-days: 7\n      semver', 'default-days: 2\n      semver')), /below 7/u);
  });

  it('rejects per-semver cooldown keys where Dependabot does not accept them', () => {
    const bad = mutate(withDocker, /(package-ecosystem: github-actions\n(?:.*\n)*? {4}cooldown:\n {6}default-days: 7\n)/u, '$1      semver-major-days: 30\n');
    expectOnly(checkDependabot(bad), /github-actions: cooldown\.semver-major-days is not supported/u);
  });
});
