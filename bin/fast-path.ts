/**
 * The CLI's direct path for the common case, a new project with `--yes` into a new or empty
 * folder: it writes what the app generator writes, byte for byte (test/unit/fast-path.test.ts
 * compares every file for every framework × database), without loading Yeoman, whose module graph
 * (~1,800 modules: package installers, prompts, lodash) was most of a run's time. Prompts, re-runs
 * inside a project, sub-commands and `--force` into a non-empty folder go through Yeoman.
 *
 * Everything that decides the output is shared with the generator (../generators/shared/project.ts,
 * layers.ts, owned-files.ts); what is written here by hand is only what Yeoman's own machinery does
 * there: EJS rendering as mem-fs-editor's copyTpl does it, and JSON files as Yeoman's Storage writes them.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { styleText } from 'node:util';
import { appLayers } from '../generators/app/files.ts';
import { appOptions, nameSpec } from '../generators/app/options.ts';
import { configKey } from '../generators/shared/config.ts';
import { planFiles } from '../generators/shared/layers.ts';
import { contentHash, sortedRecord } from '../generators/shared/owned-files.ts';
import { loadPreset } from '../generators/shared/policy.ts';
import {
  checkNewTarget, givenWithPreset, initialCommit, installDependencies, installNotice, newProject, nextSteps, packageJsonOf, secretsFile,
  writingNotice, type NewProject, type RunCommand,
} from '../generators/shared/project.ts';
import { renderText, summaryJson, summaryText, type OutputFile, type RunSummary } from '../generators/shared/render.ts';

type Options = Readonly<Record<string, unknown>>;

const isNonEmptyFolder = (path: string): boolean => existsSync(path) && statSync(path).isDirectory() && readdirSync(path).length > 0;

/** Whether this run can take the direct path; every other run goes through Yeoman. */
export function fastPathApplies(cwd: string, name: string | undefined, options: Options): boolean {
  if (options['yes'] !== true) return false; // prompts
  if (existsSync(join(cwd, '.yo-rc.json'))) return false; // a re-run inside a project (or another generator's folder)
  // --force into a non-empty folder: Yeoman's conflicter decides file by file.
  return !(options['force'] === true && isNonEmptyFolder(resolve(cwd, name ?? nameSpec.default)));
}

/** Generate `./<name>` without Yeoman: validate, render everything in memory, then write, install, commit. */
export async function generateDirect(cwd: string, name: string | undefined, options: Options): Promise<void> {
  const flags: Record<string, unknown> = name === undefined ? {} : { name };
  for (const spec of appOptions) if (options[spec.name] !== undefined) flags[spec.name] = options[spec.name];
  const preset = typeof options['preset'] === 'string' ? loadPreset(options['preset'], cwd) : undefined;
  const project = newProject(givenWithPreset(flags, preset), options['deterministic'] === true, preset);
  const root = resolve(cwd, project.config.name);
  checkNewTarget(root, options['force'] === true);
  // Rendered before anything is written: a failure leaves no half-written project.
  const files = renderProject(project);
  const dryRun = options['dryRun'] === true;
  const summary = summaryOf(project, root, files, dryRun);
  if (dryRun) {
    // --dry-run stops here, having written nothing (not even the folder).
    process.stdout.write(options['json'] === true ? summaryJson(summary) : `${summaryText(summary)}\n`);
    return;
  }
  log(writingNotice(project.ctx, root));
  for (const file of files) {
    const path = join(root, file.path);
    mkdirSync(dirname(path), { recursive: true });
    // 'wx': never follow or replace anything that appeared in the folder since it was checked.
    writeFileSync(path, file.contents, { flag: 'wx', ...(file.mode === undefined ? {} : { mode: file.mode }) });
    if (file.mode !== undefined) chmodSync(path, file.mode & 0o7777); // exact, whatever the umask (as mem-fs-editor)
    log(`${styleText('green', 'create'.padStart('identical'.length), { stream: process.stderr })} ${relative(cwd, path)}`);
  }
  const skipInstall = options['skipInstall'] === true;
  if (!skipInstall) {
    log(installNotice(project.config.packageManager));
    await installDependencies(root, runCommand, { silent: options['json'] === true, packageManager: project.config.packageManager });
  }
  if (options['skipGit'] !== true) {
    const outcome = await initialCommit(root, runCommand);
    if (outcome !== undefined) log(outcome);
  }
  log(nextSteps(root, cwd, skipInstall, project.config.packageManager, project.config.database));
  // --json: the summary is the only thing on stdout (progress is on stderr), for CI to parse.
  if (options['json'] === true) process.stdout.write(summaryJson(summary));
}

/** What a new project holds, for --dry-run and --json: every file is created. */
function summaryOf(project: NewProject, root: string, files: readonly OutputFile[], dryRun: boolean): RunSummary {
  const pkg = packageJsonOf(appLayers, project.ctx);
  return {
    dryRun,
    root,
    generatorVersion: project.config.generatorVersion,
    files: files.map((file) => ({ path: file.path, action: 'create' })).sort((a, b) => a.path.localeCompare(b.path)),
    dependencies: pkg.dependencies,
    devDependencies: pkg.devDependencies,
    config: project.config,
  };
}

/** Every file of the new project, in the order Yeoman commits them. */
function renderProject(project: NewProject): OutputFile[] {
  const rendered = planFiles(appLayers, project.ctx).map((file) => renderText(file.source, file.destination, project.ctx));
  const files = sortedRecord(Object.fromEntries(rendered.map((file) => [file.path, contentHash(file.contents)])));
  return [
    { path: '.yo-rc.json', contents: jsonText({ [configKey]: { ...project.config, files } }) },
    ...rendered,
    { path: 'package.json', contents: jsonText(packageJsonOf(appLayers, project.ctx)) },
    { ...renderText(secretsFile.source, secretsFile.destination, secretsFile.data(project)), mode: secretsFile.mode },
  ];
}

/** As Yeoman's Storage writes `.yo-rc.json` and `package.json`. */
const jsonText = (value: unknown): string => `${JSON.stringify(value, undefined, 2)}\n`;

/** Progress goes to stderr, as Yeoman's adapter writes it. */
const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** execa is loaded only when a step runs: `--skip-install --skip-git` never pays for it. */
const runCommand: RunCommand = async (command, args, options) => {
  const { execa } = await import('execa');
  await execa(command, args, options);
};
