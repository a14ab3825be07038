/**
 * The core of every new project and every re-run of the app generator, free of Yeoman:
 * `plan(project) → { files, record }`. It renders every file the answers call for (the layers,
 * package.json, the secrets file and `.yo-rc.json`) and what the generator records beside the
 * answers (version, file hashes, controls). The CLI's direct path (bin/fast-path.ts) writes these
 * files as they are; the app generator feeds the same files into Yeoman's `this.fs`, where its
 * conflict handling decides what reaches the disk. The two outputs are equal by construction.
 */
import { randomBytes } from 'node:crypto';
import { answersOf, configDefaults } from './answers.ts';
import type { Database } from './choices.ts';
import { configKey, parseProjectConfig, yoRcSettings, type ProjectConfig } from './config.ts';
import { migrationPlan, recordedMigrations } from './migrations.ts';
import { controlsManifest } from './controls.ts';
import { deriveContext, type TemplateContext } from './derive.ts';
import { collectPackage, planFiles, type Layer } from './layers.ts';
import { contentHash, sortedRecord } from './owned-files.ts';
import { defaultPolicy, type Policy, type PresetRecord } from './policy.ts';
import { projectLayers } from './project-layers.ts';
import { recordFileOf, recordPath, type ProjectRecord } from './record.ts';
import { renderText, type OutputFile } from './render.ts';
import { hasStorage, requireStorage } from './storage.ts';
import { uploadsDefault } from '../files/files.ts';
import { generatorVersion, pin } from './versions.ts';

/** Where a project's policy comes from: a preset just loaded, or what `.yo-rc.json` recorded. */
export interface PolicySource {
  readonly record?: PresetRecord | undefined;
  readonly policy: Policy;
}

export interface NewProject {
  /** The validated answers, with whatever an earlier run recorded (kept on a re-run). */
  readonly config: ProjectConfig;
  /** The template context, derived once, from the answers only. */
  readonly ctx: TemplateContext;
  /** 48 random bytes, base64url: written to the gitignored `.env` only, never to `.yo-rc.json`. */
  readonly appSecret: string;
}

/**
 * The validated answers (defaults, then the values given as flags, answers or a stored
 * `.yo-rc.json`), their template context and a fresh secret. `deterministic` (tests only) fixes the
 * secret and the year; the fixed secret says "placeholder", so a project generated that way by
 * mistake refuses to start in production.
 */
export function newProject(given: Readonly<Record<string, unknown>>, deterministic: boolean, preset?: PolicySource, { fresh = true } = {}): NewProject {
  const year = deterministic ? 2026 : new Date().getFullYear();
  const recorded = preset?.record === undefined ? {} : { preset: preset.record };
  const policy = preset?.policy ?? defaultPolicy;
  const merged = { ...configDefaults(), ...given };
  // Accounts default on only where there is storage; asking for them on `none` is refused.
  if (given['accounts'] === undefined) merged['accounts'] = hasStorage(merged as { database: Database });
  else if (given['accounts'] === true) requireStorage(merged as { database: Database }, 'accounts');
  // A new project allocates its migrations' names from none; a stored one keeps what it recorded,
  // or, recorded before the allocation existed, nothing (its names stay as they were).
  const allocated = fresh && given['migrations'] === undefined ? { migrations: [] } : {};
  const parsed = parseProjectConfig({ ...merged, ...uploadsDefault(merged, given), generatorVersion, ...recorded, policy, ...allocated }, 'configuration');
  // The names follow from the answers alone: no context is derived twice (it holds the catalogue).
  const migrations = recordedMigrations(migrationPlan(answersOf(parsed)));
  const config: ProjectConfig = migrations === undefined ? parsed : { ...parsed, migrations };
  return {
    config,
    ctx: deriveContext(answersOf(config), year),
    appSecret: deterministic ? 'deterministic-placeholder-0123456789abcdefghijklmnop' : randomBytes(48).toString('base64url'),
  };
}

/**
 * How an entry point writes a planned file: `owned` (generator-owned, recorded by hash, an edit is
 * a conflict), `package` (package.json: merged into the team's on a re-run), `secret` (`.env`:
 * written once, never re-rendered), `team` (the team's own from the start, e.g. the public routes:
 * written once when absent, never re-rendered or recorded), `config` (`.yo-rc.json` and
 * `.secure-ts/record.json`: Yeoman's Storage writes them).
 */
export type WriteKind = 'owned' | 'package' | 'secret' | 'team' | 'config';

export interface PlannedOutput extends OutputFile {
  readonly kind: WriteKind;
}

export interface Plan {
  /** Every file of the project, in the order Yeoman commits them: `.yo-rc.json`, the layers, package.json, `.env`. */
  readonly files: readonly PlannedOutput[];
  /** What the generator records beside the answers: its version, the owned files' hashes, the controls. */
  readonly record: ProjectRecord;
  /** `.yo-rc.json`'s settings: the answers and the record. */
  readonly config: ProjectConfig;
  readonly packageJson: ReturnType<typeof packageJsonOf>;
  readonly ctx: TemplateContext;
}

/** Everything a run of the app generator writes for these answers, rendered in memory. */
export function plan(project: NewProject): Plan {
  const { ctx } = project;
  const planned = planFiles(projectLayers, ctx);
  const rendered = planned.map((file) => ({ ...renderText(file.source, file.destination, ctx), kind: file.teamOwned === true ? ('team' as const) : ('owned' as const) }));
  const record: ProjectRecord = {
    generatorVersion: project.config.generatorVersion,
    // The controls manifest follows from what is rendered (see controls.ts), recorded for `audit`.
    controls: controlsManifest(ctx, planned),
    // The team's own files are not recorded: the generator never compares or re-renders them.
    files: sortedRecord(Object.fromEntries(rendered.filter((file) => file.kind === 'owned').map((file) => [file.path, contentHash(file.contents)]))),
  };
  // In memory the answers and the record are one configuration; on disk `.yo-rc.json` keeps the
  // answers (short, what a team reads) and `.secure-ts/record.json` the hashes and the controls.
  const config: ProjectConfig = { ...project.config, controls: record.controls, files: record.files };
  const packageJson = packageJsonOf(projectLayers, ctx);
  const secrets = renderText(secretsFile.source, secretsFile.destination, { ...ctx, appSecret: project.appSecret });
  return {
    files: [
      { path: '.yo-rc.json', contents: jsonText({ [configKey]: yoRcSettings(config) }), kind: 'config' },
      { path: recordPath, contents: jsonText(recordFileOf(record)), kind: 'config' },
      ...rendered,
      { path: 'package.json', contents: jsonText(packageJson), kind: 'package' },
      { ...secrets, mode: secretsFile.mode, kind: 'secret' },
    ],
    record,
    config,
    packageJson,
    ctx,
  };
}

/** As Yeoman's Storage writes `.yo-rc.json` and `package.json`. */
export const jsonText = (value: unknown): string => `${JSON.stringify(value, undefined, 2)}\n`;

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
    // No `pnpm` field: pnpm 11 and later read their settings (which builds may run) only from
    // pnpm-workspace.yaml and warn about the field here (templates/package-manager/pnpm).
  };
}

/**
 * The secrets file: rendered once, never re-rendered (rotating secrets on a re-run would log
 * everyone out). Owner-only (0600) on both entry points and on every re-run, as the SQLite file
 * is: it holds APP_SECRET, and the template's own mode would leave it world-readable
 * (OWASP Secrets Management Cheat Sheet).
 */
export const secretsFile = { source: 'secrets/.env.ejs', destination: '.env', mode: 0o600 } as const;
