/**
 * `--dry-run` writes nothing (not even the folder or .yo-rc.json) on either entry point; `--json`
 * prints a summary CI can parse; re-running in a project made by an older generator version
 * re-renders the generator-owned files through the conflict handling and reports what changed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentHash } from '../../generators/shared/owned-files.ts';
import { generatorVersion } from '../../generators/shared/versions.ts';
import helpers from 'yeoman-test';
import type AppGenerator from '../../generators/app/generator.ts';
import { appGenerator, cliEntry, listFiles, runApp } from '../support/run.ts';
import { recordFile, stored, yoRc } from '../support/stored.ts';
import { tempDir } from '../support/temp.ts';

const cliBase = ['--yes', '--skip-install', '--skip-git', '--deterministic'];
const cli = (args: string[], cwd: string) =>
  spawnSync(process.execPath, [cliEntry, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const texts = (root: string) => Object.fromEntries(listFiles(root).map((f) => [f, readFileSync(join(root, f), 'utf8')]));

interface Summary {
  dryRun: boolean;
  previousVersion?: string;
  files: { path: string; action: string }[];
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  config: Record<string, unknown>;
}

describe('--dry-run', () => {
  it('on the direct path lists the files and dependencies, and writes nothing', () => {
    const cwd = tempDir('dry');
    const run = cli(['planned', ...cliBase, '--dry-run', '--framework', 'hono'], cwd);
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(cwd)).toEqual([]);
    expect(run.stdout).toMatch(/^Dry run: nothing written\./u);
    for (const file of ['.yo-rc.json', 'package.json', '.env', 'src/app.ts', '.npmrc']) expect(run.stdout).toMatch(new RegExp(`^ {2}create +${file.replace('.', '\\.')}$`, 'mu'));
    expect(run.stdout).toMatch(/^Dependencies that would be installed: .*\bhono@\d+\.\d+\.\d+/mu);
  });

  it('--json lists exactly the files and dependencies a real run writes', () => {
    const cwd = tempDir('dry');
    const planned = cli(['svc', ...cliBase, '--dry-run', '--json', '--database', 'postgres'], cwd);
    expect(planned.status, planned.stderr).toBe(0);
    expect(readdirSync(cwd)).toEqual([]);
    const summary = JSON.parse(planned.stdout) as Summary;
    expect(summary.dryRun).toBe(true);

    expect(cli(['svc', ...cliBase, '--database', 'postgres'], cwd).status).toBe(0);
    const root = join(cwd, 'svc');
    expect(summary.files.map((f) => f.path).sort()).toEqual(listFiles(root).sort());
    expect(summary.files.every((f) => f.action === 'create')).toBe(true);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(summary.dependencies).toEqual(pkg.dependencies);
    expect(summary.devDependencies).toEqual(pkg.devDependencies);
    const settings = stored(root);
    expect({ ...summary.config, files: settings.files }).toEqual(settings);
  });

  it('on the Yeoman path (prompts) writes nothing either', async () => {
    const context = runApp()
      .withOptions({ skipInstall: true, skipGit: true, deterministic: true, force: false, dryRun: true })
      .withAnswers({ name: 'asked', framework: 'fastify', database: 'sqlite' });
    await context;
    expect(readdirSync(context.targetDirectory!)).toEqual([]);
  });

  it('--force into a non-empty folder (Yeoman path) adds nothing to it', () => {
    const cwd = tempDir('dry');
    mkdirSync(join(cwd, 'taken'));
    writeFileSync(join(cwd, 'taken', 'notes.txt'), 'mine');
    const run = cli(['taken', ...cliBase, '--force', '--dry-run'], cwd);
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(join(cwd, 'taken'))).toEqual(['notes.txt']);
    expect(run.stdout).toMatch(/^ {2}create +src\/app\.ts$/mu);
  });
});

describe('--json on a real run', () => {
  it('prints only the JSON summary on stdout (progress stays on stderr)', () => {
    const cwd = tempDir('json');
    const run = cli(['svc', ...cliBase, '--json'], cwd);
    expect(run.status, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as Summary;
    expect(summary.dryRun).toBe(false);
    expect(summary.files).toContainEqual({ path: 'src/app.ts', action: 'create' });
    expect(summary.config).toMatchObject({ name: 'svc', framework: 'express' });
    expect(run.stderr).toContain('Next steps');
  });
});

/**
 * A project as an older generator left it: version 0.0.1, and `src/security/policy.ts` as that
 * version wrote it (its recorded hash matches), so the current version's content is an update.
 */
function olderProject(): string {
  const cwd = tempDir('upgrade');
  expect(cli(['svc', ...cliBase], cwd).status).toBe(0);
  const root = join(cwd, 'svc');
  const old = '// policy as generator-secure-ts 0.0.1 wrote it\nexport const BODY_LIMIT_BYTES = 100 * 1024;\n';
  writeFileSync(join(root, 'src/security/policy.ts'), old);
  // 0.0.1 kept its record (file hashes, controls) in .yo-rc.json, beside the answers.
  const rc = JSON.parse(readFileSync(join(root, '.yo-rc.json'), 'utf8'));
  const record = recordFile(root);
  rmSync(join(root, '.secure-ts'), { recursive: true });
  rc['generator-secure-ts'] = { ...rc['generator-secure-ts'], ...record, generatorVersion: '0.0.1' };
  rc['generator-secure-ts'].files['src/security/policy.ts'] = contentHash(old);
  writeFileSync(join(root, '.yo-rc.json'), `${JSON.stringify(rc, undefined, 2)}\n`);
  return root;
}

describe('re-running in a project made by an older version', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('updates the files the generator owns, reports them and records the new version', () => {
    const root = olderProject();
    const run = cli(cliBase, root);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(`Re-rendered with generator-secure-ts ${generatorVersion} (the project was at 0.0.1):`);
    expect(run.stderr).toMatch(/^ {2}update +src\/security\/policy\.ts$/mu);
    expect(run.stderr).toMatch(/^ {2}\d+ files unchanged$/mu);
    expect(readFileSync(join(root, 'src/security/policy.ts'), 'utf8')).toContain('CSP_DIRECTIVES');
    expect(JSON.parse(readFileSync(join(root, '.yo-rc.json'), 'utf8'))['generator-secure-ts'].generatorVersion).toBe(generatorVersion);
    // The record moved out of .yo-rc.json into its own file, and the audit reads it there.
    expect(Object.keys(yoRc(root))).not.toEqual(expect.arrayContaining(['files']));
    expect(Object.keys(yoRc(root))).not.toContain('controls');
    expect(recordFile(root).files['src/security/policy.ts']).toBe(contentHash(readFileSync(join(root, 'src/security/policy.ts'), 'utf8')));
    expect(cli(['audit'], root).status).toBe(0);
  });

  it('--dry-run reports the update and the conflict, and changes nothing', () => {
    const root = olderProject();
    writeFileSync(join(root, 'README.md'), '# our own readme\n');
    const before = texts(root);
    const run = cli([...cliBase, '--dry-run'], root);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^ {2}update +src\/security\/policy\.ts$/mu);
    expect(run.stdout).toMatch(/^ {2}ask about \(you edited it\) README\.md$/mu);
    expect(texts(root)).toEqual(before);
  });

  it('keeps a file the user edited when they answer no at the conflict prompt, and says so', async () => {
    const root = olderProject();
    writeFileSync(join(root, 'README.md'), '# our own readme\n');
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
    // yeoman-test's environment forces every write unless told otherwise: the conflicter must ask here.
    await helpers.run<AppGenerator>(appGenerator, {}, { force: false }).cd(root).withOptions({ skipInstall: true, skipGit: true, deterministic: true, force: false, json: true }).withAnswers({ action: 'skip' });
    vi.restoreAllMocks();
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toBe('# our own readme\n');
    expect(readFileSync(join(root, 'src/security/policy.ts'), 'utf8')).toContain('CSP_DIRECTIVES');
    const summary = JSON.parse(out.join('').slice(out.join('').indexOf('{'))) as Summary;
    expect(summary.previousVersion).toBe('0.0.1');
    expect(summary.files).toContainEqual({ path: 'README.md', action: 'conflicted-kept' });
    expect(summary.files).toContainEqual({ path: 'src/security/policy.ts', action: 'update' });
    expect(summary.files).toContainEqual({ path: 'src/app.ts', action: 'unchanged' });
  });
});
