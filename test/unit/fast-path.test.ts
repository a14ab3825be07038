/**
 * The CLI writes a new `--yes` project directly, without Yeoman (bin/fast-path.ts). These tests
 * hold it to the Yeoman path: the same bytes and modes in every file for every framework × database,
 * the same refusals, and Yeoman still doing everything the direct path leaves to it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { label, matrix } from '../matrix.ts';
import { cliEntry, listFiles, runApp } from '../support/run.ts';
import { tempDir } from '../support/temp.ts';

// yeoman-test passes force: true by default; our --force has a meaning of its own, so tests say false.
const base = { yes: true, skipInstall: true, skipGit: true, deterministic: true, force: false };
const cliBase = ['--yes', '--skip-install', '--skip-git', '--deterministic'];

// Loaded before the CLI: any attempt to resolve a Yeoman package makes the run fail loudly.
const noYeoman = `data:text/javascript,${encodeURIComponent(`
  import { registerHooks } from 'node:module';
  registerHooks({ resolve(specifier, context, next) {
    if (/^(yeoman-environment|yeoman-generator|@yeoman\\/|mem-fs)/u.test(specifier)) throw new Error('fast path loaded ' + specifier);
    return next(specifier, context);
  } });
`)}`;

function cli(args: string[], cwd: string, { forbidYeoman = false } = {}) {
  const node = forbidYeoman ? ['--import', noYeoman] : [];
  return spawnSync(process.execPath, [...node, cliEntry, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}


/** Every file below root: path → bytes (as hex, so a failure shows where) and permission bits. */
function tree(root: string): Record<string, { bytes: string; mode: string }> {
  return Object.fromEntries(
    listFiles(root).map((file) => [
      file,
      { bytes: readFileSync(join(root, file)).toString('hex'), mode: (statSync(join(root, file)).mode & 0o7777).toString(8) },
    ]),
  );
}

/** Contents only (no hex), for readable assertions on what changed. */
const texts = (root: string) => Object.fromEntries(listFiles(root).map((f) => [f, readFileSync(join(root, f), 'utf8')]));

describe('the direct path of the CLI', () => {
  it.each(matrix.map((c) => [label(c), c] as const))(
    'writes byte-identical files to the Yeoman path for %s, without loading Yeoman',
    async (_label, combination) => {
      const flags = ['--framework', combination.framework, '--database', combination.database];
      const cwd = tempDir('fast');
      const run = cli(['same', ...cliBase, ...flags], cwd, { forbidYeoman: true });
      expect(run.status, run.stderr).toBe(0);
      const direct = tree(join(cwd, 'same'));

      const result = await runApp().withArguments(['same']).withOptions({ ...base, ...combination });
      const yeoman = tree(join(result.cwd, 'same'));

      expect(Object.keys(direct)).toEqual(Object.keys(yeoman));
      expect(Object.keys(direct)).toEqual(expect.arrayContaining(['.yo-rc.json', 'package.json', '.env']));
      for (const file of Object.keys(yeoman)) expect(direct[file], file).toEqual(yeoman[file]);
    },
  );

  it('prints a create line per file, then the next steps, on stderr as Yeoman does', () => {
    const cwd = tempDir('fast');
    const run = cli(['shown', ...cliBase], cwd, { forbidYeoman: true });
    expect(run.status, run.stderr).toBe(0);
    const created = [...stripVTControlCharacters(run.stderr).matchAll(/^ {3}create (\S+)$/gmu)].map((m) => m[1]).sort();
    expect(created).toEqual(listFiles(join(cwd, 'shown')).map((f) => `shown/${f}`).sort());
    expect(run.stderr).toMatch(/Done\. Next steps:\n {2}cd shown\n {2}npm install\n/u);
  });

  it('generates into an existing empty folder', () => {
    const cwd = tempDir('fast');
    mkdirSync(join(cwd, 'empty'));
    const run = cli(['empty', ...cliBase], cwd, { forbidYeoman: true });
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(join(cwd, 'empty'))).toContain('package.json');
  });

  it('gives every project a fresh secret without --deterministic', () => {
    const cwd = tempDir('fast');
    for (const name of ['one', 'two']) expect(cli([name, '--yes', '--skip-install', '--skip-git'], cwd).status).toBe(0);
    const secret = (name: string) => /^APP_SECRET=(.+)$/mu.exec(readFileSync(join(cwd, name, '.env'), 'utf8'))?.[1];
    expect(secret('one')?.length).toBeGreaterThanOrEqual(43);
    expect(secret('one')).not.toBe(secret('two'));
    expect(readFileSync(join(cwd, 'one', '.yo-rc.json'), 'utf8')).not.toContain(secret('one'));
    // Owner-only, whatever the umask: the file holds APP_SECRET.
    expect(statSync(join(cwd, 'one', '.env')).mode & 0o777).toBe(0o600);
  });
});

describe('the direct path refuses exactly what the Yeoman path refuses', () => {
  interface Refusal {
    readonly what: string;
    readonly args: string[];
    /** The same input as yeoman-test options. */
    readonly options: Record<string, unknown>;
    readonly prepare?: (dir: string) => void;
  }
  const outside = tempDir('outside');
  const cases: readonly Refusal[] = [
    { what: 'an unknown framework', args: ['x', '--framework', 'koa'], options: { framework: 'koa' } },
    { what: 'an unknown hashing', args: ['x', '--hashing', 'md5'], options: { hashing: 'md5' } },
    { what: 'a path as the name', args: ['../evil'], options: { name: '../evil' } },
    { what: 'a reserved name', args: ['node_modules'], options: { name: 'node_modules' } },
    { what: 'a description with a control character', args: ['x', '--description', 'bell\u0007'], options: { description: 'bell\u0007' } },
    { what: 'a target that is a file', args: ['taken'], options: { name: 'taken' }, prepare: (dir) => writeFileSync(join(dir, 'taken'), 'mine') },
    {
      what: 'a target folder that is not empty',
      args: ['taken'],
      options: { name: 'taken' },
      prepare: (dir) => {
        mkdirSync(join(dir, 'taken'));
        writeFileSync(join(dir, 'taken', 'notes.txt'), 'mine');
      },
    },
    // A link to an empty folder elsewhere: followed, the project would be written outside the target.
    { what: 'a target that links to an empty folder', args: ['linked'], options: { name: 'linked' }, prepare: (dir) => symlinkSync(outside, join(dir, 'linked')) },
    { what: 'a target that links to an empty folder, with --force', args: ['linked', '--force'], options: { name: 'linked', force: true }, prepare: (dir) => symlinkSync(outside, join(dir, 'linked')) },
    { what: 'a dangling link as the target', args: ['dangling'], options: { name: 'dangling' }, prepare: (dir) => symlinkSync(join(outside, 'gone'), join(dir, 'dangling')) },
  ];

  it.each(cases)('refuses $what with the same one line, exit code 2, nothing written', async ({ args, options, prepare }) => {
    const cwd = tempDir('refuse');
    prepare?.(cwd);
    const before = texts(cwd);
    const run = cli([...args, ...cliBase], cwd, { forbidYeoman: true });

    const context = runApp().withOptions({ ...base, ...options }).inTmpDir((dir) => prepare?.(dir));
    const refusal = await context.then(() => undefined, (error: unknown) => (error as Error).message);
    expect(refusal, 'the Yeoman path refuses it too').toBeDefined();

    expect(run.status).toBe(2);
    expect(run.stderr.split(cwd).join('<cwd>')).toBe(`generator-secure-ts: ${refusal!.split(context.targetDirectory!).join('<cwd>')}\n`);
    expect(texts(cwd)).toEqual(before);
    expect(readdirSync(outside)).toEqual([]);
  });
});

describe('what the direct path leaves to Yeoman', () => {
  it('--force into a non-empty folder goes through Yeoman and keeps unrelated files', () => {
    const cwd = tempDir('force');
    mkdirSync(join(cwd, 'forced'));
    writeFileSync(join(cwd, 'forced', 'notes.txt'), 'mine');
    const run = cli(['forced', ...cliBase, '--force'], cwd);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(cwd, 'forced', 'notes.txt'), 'utf8')).toBe('mine');
    expect(readdirSync(join(cwd, 'forced'))).toContain('package.json');
  });

  it('--yes inside a generated project re-renders it through Yeoman and changes nothing', () => {
    const cwd = tempDir('rerun');
    expect(cli(['again', ...cliBase], cwd).status).toBe(0);
    const root = join(cwd, 'again');
    const before = texts(root);
    const run = cli(cliBase, root);
    expect(run.status, run.stderr).toBe(0);
    expect(texts(root)).toEqual(before);
  });
});
