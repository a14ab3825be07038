/**
 * Switching and re-running are exact (issue 20, item 7): `secure-ts ci --provider gitlab` on a
 * GitHub project leaves exactly what `--ci gitlab` generates (the old provider's unedited files
 * deleted and unrecorded, an edited one only with consent or --force), so the audit sees only the
 * new provider; and `--dry-run` inside a project lists as "update" only what a real run changes.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import helpers from 'yeoman-test';
import { describe, expect, it } from 'vitest';
import { auditProject } from '../../generators/audit/audit.ts';
import type CiGenerator from '../../generators/ci/generator.ts';
import { generatorVersion } from '../../generators/shared/versions.ts';
import { cliEntry, listFiles, repoRoot } from '../support/run.ts';
import { recordFile } from '../support/stored.ts';
import { tempDir } from '../support/temp.ts';

const cliBase = ['--yes', '--skip-install', '--skip-git', '--deterministic'];
const cli = (args: string[], cwd: string) =>
  spawnSync(process.execPath, [cliEntry, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const ciGenerator = join(repoRoot, 'dist', 'generators', 'ci', 'index.js');
const runCi = (cwd: string, options: Record<string, unknown>, answers: Record<string, unknown> = {}) =>
  helpers.run<CiGenerator>(ciGenerator).withOptions({ skipInstall: true, deterministic: true, force: false, ...options }).withAnswers(answers).cd(cwd);

/** Every file and folder below root (except .env, whose secret is random), path → content. */
const texts = (root: string) => Object.fromEntries(listFiles(root).filter((f) => f !== '.env').map((f) => [f, readFileSync(join(root, f), 'utf8')]));
const recorded = (root: string): Record<string, string> => recordFile(root).files;

/** A fresh project `svc` made by the CLI, with these extra flags, in a folder of its own. */
function generate(flags: string[] = []): string {
  const cwd = tempDir('exact');
  const run = cli(['svc', ...cliBase, ...flags], cwd);
  expect(run.status, run.stderr).toBe(0);
  return join(cwd, 'svc');
}

const workflow = '.github/workflows/ci.yml';

describe('secure-ts ci --provider gitlab on a GitHub project', () => {
  it('leaves exactly what --ci gitlab generates, and the audit sees only GitLab', async () => {
    const root = generate();
    expect(existsSync(join(root, workflow))).toBe(true);
    await runCi(root, { yes: true, provider: 'gitlab' });
    expect(texts(root)).toEqual(texts(generate(['--ci', 'gitlab'])));
    expect(existsSync(join(root, '.github'))).toBe(false);
    expect(Object.keys(recorded(root)).filter((path) => path.startsWith('.github/'))).toEqual([]);
    expect(auditProject(root).findings).toEqual([]);
  });

  it('with --yes refuses to delete a workflow the team edited, naming it, and changes nothing', async () => {
    const root = generate();
    writeFileSync(join(root, workflow), `${readFileSync(join(root, workflow), 'utf8')}# ours\n`);
    const before = texts(root);
    await expect(runCi(root, { yes: true, provider: 'gitlab' })).rejects.toThrow(
      /you edited \.github\/workflows\/ci\.yml, which this run would delete \(no longer generated\): run without --yes to decide, or pass --force to delete/u,
    );
    expect(texts(root)).toEqual(before);
  });

  it('with --force deletes the edited workflow too', async () => {
    const root = generate();
    writeFileSync(join(root, workflow), '# ours\n');
    await runCi(root, { yes: true, force: true, provider: 'gitlab' });
    expect(texts(root)).toEqual(texts(generate(['--ci', 'gitlab'])));
  });

  it('asks about an edited workflow: no keeps it as the team\'s own (unrecorded), yes deletes it', async () => {
    const kept = generate();
    writeFileSync(join(kept, workflow), '# ours\n');
    await runCi(kept, { provider: 'gitlab' }, { deleteEdited: false });
    expect(readFileSync(join(kept, workflow), 'utf8')).toBe('# ours\n');
    expect(existsSync(join(kept, '.github/workflows/codeql.yml'))).toBe(false);
    expect(recorded(kept)[workflow]).toBeUndefined();
    expect(auditProject(kept).findings).toEqual([]);

    const deleted = generate();
    writeFileSync(join(deleted, workflow), '# ours\n');
    await runCi(deleted, { provider: 'gitlab' }, { deleteEdited: true });
    expect(existsSync(join(deleted, workflow))).toBe(false);
  });
});

interface Summary {
  files: { path: string; action: string }[];
}
const actions = (stdout: string) => Object.fromEntries((JSON.parse(stdout) as Summary).files.map((f) => [f.path, f.action]));
const byCode = ['.yo-rc.json', '.secure-ts/record.json', 'package.json', '.env'];

/** A project as generators before the split left it: the record inside .yo-rc.json, no record file. */
function splitUndone(root: string): void {
  const rc = JSON.parse(readFileSync(join(root, '.yo-rc.json'), 'utf8'));
  rc['generator-secure-ts'] = { ...rc['generator-secure-ts'], ...recordFile(root) };
  writeFileSync(join(root, '.yo-rc.json'), `${JSON.stringify(rc, undefined, 2)}\n`);
  rmSync(join(root, '.secure-ts'), { recursive: true });
}

describe('--dry-run inside a project', () => {
  it('lists nothing to create or update when a real re-run changes nothing', () => {
    const root = generate();
    const run = cli([...cliBase, '--dry-run'], root);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^ {2}\(\d+ files unchanged\)$/mu);
    expect(run.stdout).not.toMatch(/^ {2}(?:create|update|ask about)/mu);
    const json = actions(cli([...cliBase, '--dry-run', '--json'], root).stdout);
    for (const path of byCode) expect(json[path], path).toBe('unchanged');
  });

  it('lists .yo-rc.json and .env as update exactly when the real run changes them, as the real run reports', () => {
    const root = generate();
    // An older version recorded, a team dependency added (kept by the merge), .env readable by others.
    const rc = JSON.parse(readFileSync(join(root, '.yo-rc.json'), 'utf8'));
    rc['generator-secure-ts'].generatorVersion = '0.0.1';
    writeFileSync(join(root, '.yo-rc.json'), `${JSON.stringify(rc, undefined, 2)}\n`);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    pkg.dependencies['left-pad'] = '1.3.0';
    writeFileSync(join(root, 'package.json'), `${JSON.stringify(pkg, undefined, 2)}\n`);
    chmodSync(join(root, '.env'), 0o644);

    const dry = actions(cli([...cliBase, '--dry-run', '--json'], root).stdout);
    expect(byCode.map((path) => dry[path])).toEqual(['update', 'unchanged', 'unchanged', 'update']);
    const real = cli([...cliBase, '--json'], root);
    expect(real.status, real.stderr).toBe(0);
    const done = actions(real.stdout.slice(real.stdout.indexOf('{')));
    expect(byCode.map((path) => done[path])).toEqual(['update', 'unchanged', 'unchanged', 'update']);
    expect(JSON.parse(readFileSync(join(root, '.yo-rc.json'), 'utf8'))['generator-secure-ts'].generatorVersion).toBe(generatorVersion);
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies['left-pad']).toBe('1.3.0');
    expect(statSync(join(root, '.env')).mode & 0o777).toBe(0o600);

    const again = actions(cli([...cliBase, '--dry-run', '--json'], root).stdout);
    expect(byCode.map((path) => again[path])).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
  });

  it('moves the record a pre-split project kept in .yo-rc.json to its own file, as --dry-run predicts', () => {
    const root = generate();
    const record = recordFile(root);
    splitUndone(root);
    const legacy = readFileSync(join(root, '.yo-rc.json'), 'utf8');

    const dry = actions(cli([...cliBase, '--dry-run', '--json'], root).stdout);
    expect(byCode.map((path) => dry[path])).toEqual(['update', 'create', 'unchanged', 'unchanged']);
    expect(readFileSync(join(root, '.yo-rc.json'), 'utf8')).toBe(legacy);
    const real = cli([...cliBase, '--json'], root);
    expect(real.status, real.stderr).toBe(0);
    const done = actions(real.stdout.slice(real.stdout.indexOf('{')));
    expect(byCode.map((path) => done[path])).toEqual(['update', 'create', 'unchanged', 'unchanged']);
    // Byte for byte what a fresh run writes: answers in .yo-rc.json, the record beside it.
    expect(recordFile(root)).toEqual(record);
    expect(Object.keys(JSON.parse(readFileSync(join(root, '.yo-rc.json'), 'utf8'))['generator-secure-ts'])).not.toContain('files');
    expect(cli(['audit'], root).status).toBe(0);
  });

  it('reads a pre-split record where it is, and a sub-command moves it with the files it adds', () => {
    const root = generate();
    splitUndone(root);
    // The audit reads the record from .yo-rc.json until a run moves it.
    const before = cli(['audit'], root);
    expect(before.status, before.stdout).toBe(0);
    expect(cli(['docker', '--yes'], root).status).toBe(0);
    const settings = JSON.parse(readFileSync(join(root, '.yo-rc.json'), 'utf8'))['generator-secure-ts'];
    for (const key of ['files', 'controls']) expect(Object.keys(settings)).not.toContain(key);
    expect(settings.docker).toBe(true);
    const record = recordFile(root);
    // Every file the first run recorded is still recorded, beside the Dockerfile the sub-command wrote.
    expect(Object.keys(record.files)).toEqual(expect.arrayContaining(['src/app.ts', 'Dockerfile']));
    expect(record.controls.pinned).toContain('Dockerfile');
    expect(cli(['audit'], root).status).toBe(0);
  });

  it('lists package.json as asked about when a re-run would change what the team has, and as update with --force, as the forced run does', () => {
    const root = generate();
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    delete pkg.dependencies.zod;
    writeFileSync(join(root, 'package.json'), `${JSON.stringify(pkg, undefined, 2)}\n`);
    expect(actions(cli([...cliBase, '--dry-run', '--json'], root).stdout)['package.json']).toBe('conflict');
    expect(actions(cli([...cliBase, '--force', '--dry-run', '--json'], root).stdout)['package.json']).toBe('update');
    const real = cli([...cliBase, '--force', '--json'], root);
    expect(real.status, real.stderr).toBe(0);
    expect(actions(real.stdout.slice(real.stdout.indexOf('{')))['package.json']).toBe('update');
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies.zod).toEqual(expect.any(String));
  });
});
