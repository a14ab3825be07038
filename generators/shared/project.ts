/**
 * The steps around a new project that both entry points take, free of Yeoman: the app generator
 * and the CLI's direct path (bin/fast-path.ts). What the project holds is planned once in plan.ts;
 * here are the answers' starting point, the target check, install, first commit and next steps.
 */
import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Database, PackageManager } from './choices.ts';
import { databaseSetup } from './database-setup.ts';
import type { TemplateContext } from './derive.ts';
import { flagName, questionOf, UsageError } from './option-spec.ts';
import { installCommand } from './package-manager.ts';
import { checkPolicy, type LoadedPreset } from './policy.ts';
import { appOptions, nameSpec } from './project-options.ts';

/**
 * The values a new project starts from: the preset's answers, then the flags, each flag checked
 * against the preset's locks and allow-lists (a flag that breaks the policy names the rule).
 */
export function givenWithPreset(flags: Readonly<Record<string, unknown>>, preset: LoadedPreset | undefined): Record<string, unknown> {
  if (preset === undefined) return { ...flags };
  for (const spec of appOptions) {
    const value = flags[spec.name];
    if (value !== undefined) checkPolicy({ preset: preset.record, policy: preset.policy }, spec.name, value, flagName(spec.name));
  }
  return { ...preset.answers, ...flags };
}

/** Why a new project may not go into `target` (new or empty; `--force` lets a non-empty one through), or undefined. */
export function newTargetError(target: string, force: boolean): string | undefined {
  const entry = lstatSync(target, { throwIfNoEntry: false });
  if (entry === undefined) return undefined;
  // Not even with --force: through a link (or a dangling one) the files would land outside the
  // folder the name names (CWE-59, link following).
  if (entry.isSymbolicLink()) return `${target} is a symbolic link: choose another name (a project is written only into a real folder)`;
  if (!statSync(target).isDirectory()) return `${target} exists and is not a folder`;
  if (readdirSync(target).length > 0 && !force) return `${target} is not empty: choose another name, empty it, or pass --force`;
  return undefined;
}

/** A new project's folder must be new or empty; `--force` lets a non-empty one through. */
export function checkNewTarget(target: string, force: boolean): void {
  const error = newTargetError(target, force);
  if (error !== undefined) throw new UsageError(error);
}

/**
 * The project-name question: checks the name and then its folder as it is typed, so a folder that
 * is taken is refused at the prompt, not after every other answer (which would then be lost).
 */
export function nameQuestion(cwd: string, force: boolean): Record<string, unknown> {
  const question = questionOf(nameSpec) as Record<string, unknown>;
  return {
    ...question,
    validate: (value: unknown) => nameSpec.validate(value) ?? newTargetError(resolve(cwd, value as string), force) ?? true,
  };
}

export const writingNotice = (ctx: TemplateContext, root: string): string =>
  `\nWriting ${ctx.name} (${ctx.framework} + ${ctx.database}) into ${root}`;

/** Runs a command with an argument array (never a shell); rejects when it exits non-zero. */
export type RunCommand = (command: string, args: string[], options: { cwd: string; stdio?: 'inherit' | 'ignore' }) => Promise<unknown>;

export const installNotice = (packageManager: PackageManager = 'npm'): string => packageManager === 'pnpm'
  ? '\nInstalling dependencies with pnpm (dependency build scripts are blocked: pnpm-workspace.yaml allows none)…'
  : '\nInstalling dependencies with npm (install scripts are disabled by the project .npmrc)…';

/** `silent` (with --json): the package manager prints nothing on stdout, which then holds only the JSON summary. */
export async function installDependencies(
  root: string, run: RunCommand, { silent = false, packageManager = 'npm' }: { silent?: boolean; packageManager?: PackageManager } = {},
): Promise<void> {
  const [command, args] = installCommand(packageManager, silent);
  try {
    await run(command, args, { cwd: root, stdio: 'inherit' });
  } catch (error) {
    // The cause is execa's one line ("Command failed with exit code 1: npm install …", "spawn npm
    // ENOENT"): npm's own output may be empty or gone (--json), so the message must carry it.
    throw new UsageError(`${command} install failed in ${root} (${failureCause(error)}): the files are written; fix that and run ${command} install there`);
  }
}

/** The first line of why a command failed, as execa (and Yeoman's spawn, which is execa) reports it. */
export function failureCause(error: unknown): string {
  const short = (error as { shortMessage?: unknown } | undefined)?.shortMessage;
  const text = typeof short === 'string' ? short : error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? 'unknown error';
}

/** The repository work tree root holds (its own or an enclosing one, found as git finds it: a `.git` up the path). */
function enclosingRepository(root: string): string | undefined {
  for (let dir = resolve(root); ; dir = dirname(dir)) {
    if (existsSync(resolve(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * `git init` and a first commit for a new project. Not when the folder is already in a repository:
 * its own (nothing to do) or an enclosing one, a monorepo, where a nested repository would hide the
 * project from the parent's history. Returns the line to print.
 */
export async function initialCommit(root: string, run: RunCommand): Promise<string | undefined> {
  const repository = enclosingRepository(root);
  if (repository === resolve(root)) return undefined;
  if (repository !== undefined) return `git: the project is inside the repository at ${repository}: no repository made; commit it there.`;
  try {
    await run('git', ['init', '--quiet'], { cwd: root });
    await run('git', ['add', '--all'], { cwd: root });
    const identity = await gitIdentityFallback(root, run);
    await run('git', [...identity, 'commit', '--quiet', '--no-verify', '-m', 'Initial commit from generator-secure-ts'], { cwd: root });
    return 'git: initial commit created.';
  } catch {
    return 'git: could not create the initial commit; the project is written, commit it yourself.';
  }
}

/** The user's own git identity wins; a fallback is given only when none is configured (CI, containers). */
async function gitIdentityFallback(root: string, run: RunCommand): Promise<string[]> {
  try {
    await run('git', ['config', 'user.email'], { cwd: root, stdio: 'ignore' });
    return [];
  } catch {
    return ['-c', 'user.name=generator-secure-ts', '-c', 'user.email=generator-secure-ts@localhost'];
  }
}

export function nextSteps(root: string, cwd: string, skipInstall: boolean, packageManager: PackageManager = 'npm', database?: Database): string {
  const cd = root === cwd ? '' : `  cd ${basename(root)}\n`;
  const install = skipInstall ? `  ${packageManager} install\n` : '';
  const line = (command: string, note: string): string => `  ${`${packageManager} ${command}`.padEnd(18)}# ${note}`;
  // A server database must exist before `run dev` can start: say so, with the commands (docs/database.md).
  const setup = database === undefined ? undefined : databaseSetup(database);
  const db = setup === undefined
    ? ''
    : `  # ${setup.server} on 127.0.0.1: create the app's database once, and point DATABASE_URL (.env) at it (docs/database.md):\n${setup.commands.map((c) => `  ${c}\n`).join('')}  # ${setup.tests}\n`;
  return `\nDone. Next steps:\n${cd}${install}${db}${line('test', 'the attack tests: every control proven')}\n${line('run dev', 'http://127.0.0.1:3000/health; README.md "Your first call" signs in and calls the API')}\n\nThe secrets are in .env (gitignored); read README.md for each control.`;
}
