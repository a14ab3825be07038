/**
 * The CLI's direct path for the common case, a new project with `--yes` into a new or empty
 * folder: it writes the files the core plans (../generators/shared/plan.ts), the same plan the app
 * generator feeds into Yeoman, without loading Yeoman, whose module graph (~1,800 modules: package
 * installers, prompts, lodash) was most of a run's time. Prompts, re-runs inside a project,
 * sub-commands and `--force` into a non-empty folder go through Yeoman. What is left here is only
 * what Yeoman's own machinery does there: writing files with their modes and its log line.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { styleText } from 'node:util';
import { appOptions, nameSpec } from '../generators/shared/project-options.ts';
import { newProject, plan, type Plan } from '../generators/shared/plan.ts';
import { loadPreset } from '../generators/shared/policy.ts';
import {
  checkNewTarget, givenWithPreset, initialCommit, installDependencies, installNotice, nextSteps, writingNotice, type RunCommand,
} from '../generators/shared/project.ts';
import { summaryConfig, summaryJson, summaryText, type RunSummary } from '../generators/shared/render.ts';

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
  const planned = plan(project);
  const dryRun = options['dryRun'] === true;
  const summary = summaryOf(planned, root, dryRun);
  if (dryRun) {
    // --dry-run stops here, having written nothing (not even the folder).
    process.stdout.write(options['json'] === true ? summaryJson(summary) : `${summaryText(summary)}\n`);
    return;
  }
  log(writingNotice(project.ctx, root));
  for (const file of planned.files) {
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
function summaryOf(planned: Plan, root: string, dryRun: boolean): RunSummary {
  return {
    dryRun,
    root,
    generatorVersion: planned.config.generatorVersion,
    files: planned.files.map((file) => ({ path: file.path, action: 'create' })).sort((a, b) => a.path.localeCompare(b.path)),
    dependencies: planned.packageJson.dependencies,
    devDependencies: planned.packageJson.devDependencies,
    config: summaryConfig(planned.config),
  };
}

/** Progress goes to stderr, as Yeoman's adapter writes it. */
const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** execa is loaded only when a step runs: `--skip-install --skip-git` never pays for it. */
const runCommand: RunCommand = async (command, args, options) => {
  const { execa } = await import('execa');
  await execa(command, args, options);
};
