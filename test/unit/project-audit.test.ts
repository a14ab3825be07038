/**
 * Every project audits itself (issue 20, item 5): `npm run audit:controls` runs the generator's own
 * checks (generators/audit/check.ts, pipeline-checks.ts, copied verbatim into scripts/audit/)
 * against the manifest recorded in .yo-rc.json, with Node built-ins only, and the generated CI
 * runs it on every push, so a weakened control fails the team's pipeline.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditProject } from '../../generators/audit/audit.ts';
import { cliEntry, repoRoot } from '../support/run.ts';
import { recordFile } from '../support/stored.ts';
import { tempDir } from '../support/temp.ts';

function generate(flags: string[] = []): string {
  const cwd = tempDir('self-audit');
  const run = spawnSync(process.execPath, [cliEntry, 'svc', '--yes', '--skip-install', '--skip-git', '--deterministic', ...flags], { cwd, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return join(cwd, 'svc');
}

/** `npm run audit:controls`, as the project's package.json defines it (no install needed: Node built-ins only). */
function selfAudit(root: string) {
  const script = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['audit:controls'];
  expect(script).toBe('node scripts/audit-controls.ts');
  return spawnSync(process.execPath, ['scripts/audit-controls.ts'], { cwd: root, encoding: 'utf8' });
}

const edit = (root: string, path: string, change: (text: string) => string) => writeFileSync(join(root, path), change(readFileSync(join(root, path), 'utf8')));

describe('the project-local audit', () => {
  it('carries the generator\'s checks verbatim and reaches nothing but Node built-ins and its own files', () => {
    const root = generate();
    for (const file of ['check.ts', 'pipeline-checks.ts']) {
      const copy = readFileSync(join(root, 'scripts/audit', file), 'utf8');
      expect(copy).toContain(readFileSync(join(repoRoot, 'generators/audit', file), 'utf8'));
      expect(recordFile(root).controls.securityFiles).toContain(`scripts/audit/${file}`);
    }
    for (const file of ['scripts/audit-controls.ts', 'scripts/audit/check.ts', 'scripts/audit/pipeline-checks.ts']) {
      const imports = [...readFileSync(join(root, file), 'utf8').matchAll(/\bfrom\s+'([^']+)'/gu)].map((m) => m[1]);
      expect(imports.filter((specifier) => !/^(?:node:|\.\/)/u.test(specifier ?? '')), file).toEqual([]);
    }
  });

  it('passes a fresh project with the same checks as secure-ts audit', () => {
    const root = generate();
    const run = selfAudit(root);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`audit: clean (${String(auditProject(root).checked)} checks`);
  });

  it.each([
    ['a raised rate limit', '.env.example', (t: string) => t.replace(/^RATE_LIMIT_MAX=\d+$/mu, 'RATE_LIMIT_MAX=100000'), /\.env\.example: RATE_LIMIT_MAX raised/u],
    ['an unpinned action', '.github/workflows/ci.yml', (t: string) => t.replace(/(uses: actions\/checkout)@[0-9a-f]{40}/u, '$1@v4'), /action actions\/checkout@v4 is not pinned/u],
    ['the audit step dropped from CI', '.github/workflows/ci.yml', (t: string) => t.replace('      - run: npm run audit:controls\n', ''), /ci\.yml: missing `- run: npm run audit:controls`/u],
    ['an edited check', 'scripts/audit/pipeline-checks.ts', (t: string) => `${t}// weakened\n`, /scripts\/audit\/pipeline-checks\.ts: locked security file changed/u],
  ])('fails the pipeline on %s, as secure-ts audit does', (_what, path, change, finding) => {
    const root = generate();
    edit(root, path, change);
    const run = selfAudit(root);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(finding);
    expect(auditProject(root).findings.join('\n')).toMatch(finding);
  });

  it('runs on every push in the generated GitHub and GitLab pipelines', () => {
    expect(readFileSync(join(generate(), '.github/workflows/ci.yml'), 'utf8')).toMatch(/^ {6}- run: npm run audit:controls$/mu);
    expect(readFileSync(join(generate(['--ci', 'gitlab']), '.gitlab-ci.yml'), 'utf8')).toMatch(/^ {4}- npm run audit:controls$/mu);
  });
});
