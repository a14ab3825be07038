/**
 * A new project, as both entry points make it: the app generator (Yeoman) and the CLI's direct
 * path (bin/fast-path.ts, no Yeoman). Whatever decides the output or the steps after it lives here
 * once, free of Yeoman, so the two paths cannot drift: the same configuration, context, secret,
 * package.json, target check, install, first commit and next steps.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { appLayers } from '../app/files.ts';
import { appOptions, nameSpec } from '../app/options.ts';
import { parseProjectConfig, type ProjectConfig } from './config.ts';
import { controlsManifest } from './controls.ts';
import { deriveContext, type TemplateContext } from './derive.ts';
import { collectPackage, planFiles, type Layer } from './layers.ts';
import { flagName, questionOf, UsageError } from './option-spec.ts';
import type { Database, PackageManager } from './choices.ts';
import { databaseSetup } from './database-setup.ts';
import { installCommand } from './package-manager.ts';
import { hasStorage, requireStorage } from './storage.ts';
import { uploadsDefault } from '../files/files.ts';
import { checkPolicy, defaultPolicy, type LoadedPreset, type Policy, type PresetRecord } from './policy.ts';

/** Where a project's policy comes from: a preset just loaded, or what `.yo-rc.json` recorded. */
export interface PolicySource {
  readonly record?: PresetRecord | undefined;
  readonly policy: Policy;
}
import { generatorVersion, pin } from './versions.ts';

/** Every stored option's default, by name: what `--yes` accepts and an older `.yo-rc.json` lacks. */
export const configDefaults = (): Record<string, unknown> =>
  Object.fromEntries([nameSpec, ...appOptions].map((spec) => [spec.name, spec.default]));

/**
 * Defaults for a stored `.yo-rc.json`: as configDefaults, except that a project recorded before the
 * accounts option existed was generated without accounts.
 */
export const storedDefaults = (): Record<string, unknown> => ({ ...configDefaults(), accounts: false, uploads: false });

export interface NewProject {
  readonly config: ProjectConfig;
  readonly ctx: TemplateContext;
  /** 48 random bytes, base64url: written to the gitignored `.env` only, never to `.yo-rc.json`. */
  readonly appSecret: string;
}

/**
 * The validated configuration (defaults, then the values given as flags or answers), its template
 * context and a fresh secret. `deterministic` (tests only) fixes the secret and the year; the fixed
 * secret says "placeholder", so a project generated that way by mistake refuses to start in production.
 */
export function newProject(given: Readonly<Record<string, unknown>>, deterministic: boolean, preset?: PolicySource): NewProject {
  const year = deterministic ? 2026 : new Date().getFullYear();
  const recorded = preset?.record === undefined ? {} : { preset: preset.record };
  const policy = preset?.policy ?? defaultPolicy;
  const merged = { ...configDefaults(), ...given };
  // Accounts default on only where there is storage; asking for them on `none` is refused.
  if (given['accounts'] === undefined) merged['accounts'] = hasStorage(merged as { database: Database });
  else if (given['accounts'] === true) requireStorage(merged as { database: Database }, 'accounts');
  const draft = parseProjectConfig({ ...merged, ...uploadsDefault(merged, given), generatorVersion, ...recorded, policy }, 'configuration');
  // The controls manifest follows from what is rendered (see controls.ts), recorded for `audit`.
  const draftCtx = deriveContext(draft, year);
  const config: ProjectConfig = { ...draft, controls: controlsManifest(draftCtx, planFiles(appLayers, draftCtx)) };
  return {
    config,
    ctx: deriveContext(config, year),
    appSecret: deterministic ? 'deterministic-placeholder-0123456789abcdefghijklmnop' : randomBytes(48).toString('base64url'),
  };
}

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
  if (!existsSync(target)) return undefined;
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

/** The generated package.json: metadata, then the enabled layers' scripts and pinned dependencies. */
export function packageJsonOf<C extends TemplateContext>(layers: readonly Layer<C>[], ctx: C) {
  const { dependencies, devDependencies, scripts } = collectPackage(layers, ctx);
  return {
    name: ctx.name,
    version: '0.1.0',
    description: ctx.description,
    private: true,
    license: 'MIT',
    type: 'module' as const,
    engines: { node: `>=${ctx.nodeMajor}.11` },
    // No `packageManager` field: pnpm 12 then manages its own version from the registry
    // ("packageManagerDependencies"), which failed here (a platform binary that 404s) and makes a
    // --frozen-lockfile install refuse the lockfile the first install wrote. CI and the Dockerfile
    // install the pinned pnpm themselves (package-manager.ts `setup`).
    scripts,
    dependencies: pin(dependencies),
    devDependencies: pin(devDependencies),
    // pnpm runs no dependency's build script unless listed here: none is (see package-manager.ts).
    ...(ctx.pm.isPnpm ? { pnpm: { onlyBuiltDependencies: [] as string[] } } : {}),
  };
}

/**
 * The secrets file: rendered once, never re-rendered (rotating secrets on a re-run would log
 * everyone out). Owner-only (0600) on both entry points and on every re-run, as the SQLite file
 * is: it holds APP_SECRET, and the template's own mode would leave it world-readable
 * (OWASP Secrets Management Cheat Sheet).
 */
export const secretsFile = {
  source: 'secrets/.env.ejs',
  destination: '.env',
  mode: 0o600,
  data: (project: NewProject) => ({ ...project.ctx, appSecret: project.appSecret }),
} as const;

/** Runs a command with an argument array (never a shell); rejects when it exits non-zero. */
export type RunCommand = (command: string, args: string[], options: { cwd: string; stdio?: 'inherit' | 'ignore' }) => Promise<unknown>;

export const installNotice = (packageManager: PackageManager = 'npm'): string => packageManager === 'pnpm'
  ? '\nInstalling dependencies with pnpm (dependency build scripts are blocked: onlyBuiltDependencies is empty)…'
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

/** `git init` and a first commit, unless the folder already is a repository. Returns the line to print. */
export async function initialCommit(root: string, run: RunCommand): Promise<string | undefined> {
  if (existsSync(resolve(root, '.git'))) return undefined;
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
