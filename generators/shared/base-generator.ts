/**
 * What every secure-ts generator shares: templates from the package's top-level `templates/`,
 * option registration from the specs, the stored configuration and rendering of layers.
 * (What does not need Yeoman lives in plan.ts and project.ts, which the CLI's direct path uses too.)
 */
import { existsSync, lstatSync, readdirSync, readFileSync, rmdirSync, rmSync, type Stats } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import Generator from 'yeoman-generator';
import { controlsDocLayers } from '../audit/files.ts';
import { storedDefaults } from './answers.ts';
import { legacyRecordKeys, notAProject, parseProjectConfig, type ProjectConfig } from './config.ts';
import { controlsManifest } from './controls.ts';
import { deriveContext, type TemplateContext } from './derive.ts';
import { planFiles, type Layer, type PlannedFile } from './layers.ts';
import { recordedFor, recordedMigrations } from './migrations.ts';
import { CancelledError, flagName, isSwitch, knownFlags, unknownFlagMessage, UsageError, type FlagSpec, type OptionSpec } from './option-spec.ts';
import { contentHash, sortedRecord } from './owned-files.ts';
import { templatesRoot } from './paths.ts';
import { checkPolicy, type PolicyContext } from './policy.ts';
import { packageJsonOf } from './plan.ts';
import { projectLayers } from './project-layers.ts';
import { recordFileKeys, recordPath, type RecordFile, type RecordFileKey } from './record.ts';
import { fileAction, fileLine, renderText, type FileAction, type OutputFile } from './render.ts';

/** What this run did (or, with --dry-run, would do) to each file it rendered. */
export interface FileOutcome {
  /** `delete`: no longer planned and removed; `released`: no longer planned, edited, kept as the user's own. */
  action: FileAction | 'conflicted-kept' | 'conflicted-overwritten' | 'delete' | 'released';
  /** What the generator rendered, to tell after the conflict prompts whether the user kept theirs. */
  readonly rendered: string;
}

export type GeneratorOptions = ConstructorParameters<typeof Generator>[1] & Record<string, unknown>;

/**
 * Options that reach a generator without the user typing them: what yeoman-environment, yo, our CLI
 * and yeoman-test add. Anything else that is not a declared option is a typo.
 */
const internalOptions = new Set([
  '_', 'env', 'resolved', 'namespace', '_meta', 'sharedData', 'sharedFs', 'forwardErrorToEnvironment', 'skipCache', 'skipLocalCache',
  'skipParseOptions', 'localConfigOnly', 'askAnswered', 'forceInstall', 'skipGlobalConfig', 'positionalArguments', 'initialGenerator',
  // The conflicter's --force, which yeoman-environment and yeoman-test give every generator.
  'force',
  // yo's own flags (`--no-insight`, `--local-only`, `--debug`), which it forwards to every generator.
  'insight', 'localOnly', 'debug', 'generators', 'environmentVersion',
  // Runtime flags every generator reads (the CLI lists --yes for each sub-command; --deterministic is for tests).
  'yes', 'y', 'deterministic',
]);

const kebab = (name: string): string => flagName(name).slice(2);

type FileLog = Record<string | symbol, unknown> & { create?: (path: string) => unknown };
const quieted = Symbol.for('generator-secure-ts.quiet-file-log');

/**
 * Yeoman's conflicter logs one line per file it commits. Two of them say nothing useful: an
 * `identical` line for each unchanged file (a no-op re-run printed 158 of them; the re-run report
 * counts them instead), and `force` for a file that is new but written without a prompt (a fresh
 * project's `.yo-rc.json`, which Yeoman always forces): that one is a `create`.
 */
function quietFileLog(env: { adapter?: { log?: FileLog }; logCwd?: string; cwd?: string }): void {
  const log = env.adapter?.log;
  if (log === undefined || log[quieted] === true) return;
  const force = log['force'];
  log['identical'] = () => log;
  if (typeof force === 'function' && typeof log.create === 'function') {
    const create = log.create;
    const cwd = env.logCwd ?? env.cwd ?? process.cwd();
    log['force'] = (path: string) => (existsSync(resolve(cwd, path)) ? force : create).call(log, path);
  }
  log[quieted] = true;
}

const camel = (name: string): string => name.replace(/-([a-z])/gu, (_, c: string) => c.toUpperCase());

export abstract class SecureTsGenerator extends Generator<Record<string, unknown>, GeneratorOptions> {
  /** Every file rendered by this run, by output path (see `reportOutcomes`). */
  protected readonly outcomes = new Map<string, FileOutcome>();
  /** With --dry-run: the settings, dependencies and record a real run would change (see `reportDryRun`). */
  private readonly wouldChange = { settings: {} as Record<string, unknown>, dependencies: [] as string[], controls: false };

  constructor(args: string[], options: GeneratorOptions) {
    // customInstallTask: we run `npm install` ourselves, with progress and a clear failure message.
    // templateContext 'none': templates read only the data we pass them, never the generator.
    // tasksMatchingPriority: only lifecycle-named methods are queued as tasks; helpers stay helpers.
    super(args, options, { customInstallTask: true, templateContext: 'none', tasksMatchingPriority: true });
    this.sourceRoot(templatesRoot);
    quietFileLog(this.env as unknown as { adapter?: { log?: FileLog }; logCwd?: string; cwd?: string });
  }

  /** The specs registered as options and listed by --help: the flags a typo is matched against. */
  private readonly listedSpecs: (OptionSpec | FlagSpec)[] = [];
  /** Every option name this generator accepts, kebab-case (hidden ones and Yeoman's built-ins too). */
  private readonly acceptedFlags = new Set<string>();

  /** Register the specs as Yeoman options, so `yo secure-ts --help` lists them too (unless hidden). */
  protected registerSpecs(specs: readonly (OptionSpec | FlagSpec)[], { hide = false } = {}): void {
    if (!hide) this.listedSpecs.push(...specs);
    for (const spec of specs) {
      this.acceptedFlags.add(kebab(spec.name));
      this.option(flagName(spec.name).slice(2), {
        type: isSwitch(spec) ? Boolean : String,
        description: spec.description,
        hide,
        ...('short' in spec && spec.short ? { alias: spec.short } : {}),
      });
    }
  }

  /**
   * Called by yeoman-environment once the generator is built (not for --help): refuses an option
   * nobody declared, as the CLI's strict parser does, with the same message and exit code 2.
   * Without this, `yo secure-ts --framwork express` would silently generate an Express project by
   * default rather than by choice, and `--dokcer` would give no Dockerfile and no warning.
   */
  async _postConstruct(): Promise<void> {
    const declared = new Set([...this.acceptedFlags, ...Object.keys(this._options).map(kebab), ...this._arguments.map((a) => kebab(a.name))]);
    for (const alias of Object.values(this._options)) if (alias.alias) declared.add(alias.alias);
    const unknown = Object.keys(this.options)
      .filter((key) => !internalOptions.has(key) && !internalOptions.has(camel(key)) && !declared.has(kebab(key)))
      .map((key) => (key.length === 1 ? `-${key}` : `--${kebab(key)}`));
    const first = [...new Set(unknown)].sort()[0];
    if (first !== undefined) throw new UsageError(unknownFlagMessage(first, knownFlags(this.listedSpecs)));
  }

  /** Yeoman's prompt, where Ctrl-C is "cancelled, nothing written" (exit 130), not a stack. */
  protected async ask(questions: readonly Record<string, unknown>[]): Promise<Record<string, unknown>> {
    try {
      return (await this.prompt(questions as never)) as Record<string, unknown>;
    } catch (error) {
      if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) throw new CancelledError();
      throw error;
    }
  }

  /** Read an option given as a flag, under its camelCase or kebab-case key. */
  protected flag(name: string): unknown {
    const kebab = flagName(name).slice(2);
    return this.options[name] ?? this.options[kebab];
  }

  /**
   * The project's stored configuration, validated, or undefined outside a generated project.
   * Options added in later versions take their defaults, so older projects stay readable.
   */
  protected storedConfig(): ProjectConfig | undefined {
    const all = this.config.getAll();
    if (Object.keys(all).length === 0) return undefined;
    const record = Object.fromEntries(recordFileKeys.map((key) => [key, this.recorded(key)]).filter(([, value]) => value !== undefined));
    return parseProjectConfig({ ...storedDefaults(), ...all, ...record }, '.yo-rc.json');
  }

  /** `.secure-ts/record.json` through Yeoman's Storage, for the current destination root. */
  private recordStorage?: { readonly root: string; readonly storage: ReturnType<Generator['createStorage']> };

  private get recordStore(): ReturnType<Generator['createStorage']> {
    const root = this.destinationRoot();
    if (this.recordStorage?.root !== root) this.recordStorage = { root, storage: this.createStorage(recordPath) };
    return this.recordStorage.storage;
  }

  /** One key of the record: from the record file, or from a `.yo-rc.json` written before the split. */
  protected recorded<K extends RecordFileKey>(key: K): RecordFile[K] | undefined {
    return (this.recordStore.get(key) ?? this.config.get(key)) as RecordFile[K] | undefined;
  }

  /**
   * Sets one key of the record file. The first write of a run moves whatever record a pre-split
   * `.yo-rc.json` still holds into the record file, so `.yo-rc.json` keeps only the answers.
   * The record is the generator's bookkeeping, never the user's: written without a conflict prompt.
   */
  protected setRecord(key: RecordFileKey, value: unknown): void {
    for (const legacy of legacyRecordKeys(this.config.getAll())) {
      if (this.recordStore.get(legacy) === undefined) this.recordStore.set(legacy, this.config.get(legacy));
      this.config.delete(legacy);
    }
    this.recordStore.set(key, value);
    this.markOverwrite(this.destinationPath(recordPath));
  }

  /** For sub-generators: the stored configuration, or a clear stop outside a generated project. */
  protected requireProject(): ProjectConfig {
    const config = this.storedConfig();
    if (config === undefined) throw notAProject(this.destinationRoot());
    return config;
  }

  /** --dry-run: plan and report, write nothing (not even `.yo-rc.json`). */
  protected get dryRun(): boolean {
    return this.flag('dryRun') === true;
  }

  /** The stored project's policy: its preset's locks and allow-lists, or the defaults. */
  protected policyContext(config: ProjectConfig): PolicyContext {
    return { preset: config.preset, policy: config.policy };
  }

  /** Sub-generators: refuse a value the stored policy forbids (`via` names the flag or command). */
  protected obeyPolicy(config: ProjectConfig, option: string, value: unknown, via: string): void {
    checkPolicy(this.policyContext(config), option, value, via);
  }

  /**
   * Record the controls manifest of the whole project as it now is, for `secure-ts audit`, and
   * re-render docs/security-controls.md, which lists the same controls for a reader.
   */
  protected recordControls(ctx: TemplateContext): void {
    // Unless this run already rendered it (a feature sub-command renders every changed app file).
    this.renderLayers(controlsDocLayers, ctx, {}, (file) => !this.outcomes.has(file.destination));
    const controls = controlsManifest(ctx, planFiles(projectLayers, ctx));
    if (!this.dryRun) this.setRecord('controls', controls);
    else this.wouldChange.controls = JSON.stringify(this.recorded('controls')) !== JSON.stringify(controls);
  }

  /** A stored answer in `.yo-rc.json`; with --dry-run only noted, for `reportDryRun`. */
  protected setAnswer(key: string, value: unknown): void {
    this.keepStoredAnswers();
    if (!this.dryRun) this.config.set(key, value);
    else if (JSON.stringify(this.config.get(key)) !== JSON.stringify(value)) this.wouldChange.settings[key] = value;
  }

  /**
   * --dry-run on a sub-command (call from `end`): what the same command without it would create,
   * update or delete, and the settings and dependencies it would add; nothing was written.
   */
  protected reportDryRun(command: string): void {
    if (!this.dryRun) return;
    const changed = [...this.outcomes].filter(([, outcome]) => outcome.action !== 'unchanged');
    const settings = Object.entries(this.wouldChange.settings);
    const lines = [
      ...changed.map(([path, outcome]) => [path, outcome.action] as const),
      ...(settings.length > 0 ? [['.yo-rc.json', 'update'] as const] : []),
      ...(changed.length > 0 || this.wouldChange.controls ? [[recordPath, 'update'] as const] : []),
      ...(this.wouldChange.dependencies.length > 0 ? [['package.json', 'update'] as const] : []),
    ].sort(([a], [b]) => a.localeCompare(b));
    const unchanged = this.outcomes.size - changed.length;
    this.log(
      [
        `\nDry run: nothing written. In ${this.destinationRoot()} \`secure-ts ${command}\` would:`,
        ...(lines.length === 0 ? ['  change nothing'] : lines.map(([path, action]) => fileLine(path, action, true))),
        ...(unchanged > 0 ? [`  (${unchanged} file${unchanged === 1 ? '' : 's'} unchanged)`] : []),
        ...(settings.length > 0 ? [`Settings: ${settings.map(([key, value]) => `${key} = ${JSON.stringify(value)}`).join(', ')}`] : []),
        ...(this.wouldChange.dependencies.length > 0 ? [`Dependencies that would be added: ${this.wouldChange.dependencies.join(' ')}`] : []),
      ].join('\n'),
    );
  }

  /** Render every file of the enabled layers and write them as owned files; returns the plan (for reporting and tests). */
  protected renderLayers<C extends object>(
    layers: readonly Layer<C>[],
    ctx: C,
    tokens: Readonly<Record<string, string>> = {},
    /** Render only the planned files it accepts (a feature sub-generator: the files the feature changes). */
    only: (file: PlannedFile) => boolean = () => true,
    /** What the previous run wrote at a planned file; by default the same template with the stored answers. */
    previous: (file: PlannedFile) => string | undefined = (file) => this.previousRender(file),
  ): PlannedFile[] {
    const plan = planFiles(layers, ctx, tokens).filter(only);
    this.writeOwned(plan.filter((file) => file.teamOwned !== true).map((file) => ({ ...renderText(file.source, file.destination, ctx), before: () => previous(file) })));
    this.writeTeamOwned(plan.filter((file) => file.teamOwned === true).map((file) => renderText(file.source, file.destination, ctx)));
    return plan;
  }

  /** The answers as this run found them, kept before it changes any (`setAnswer`). */
  private storedAtStart?: ProjectConfig | null;
  /** Their context, derived only when a previous render is asked for (a file that differs from its record). */
  private storedContext?: TemplateContext;

  private keepStoredAnswers(): ProjectConfig | undefined {
    if (this.storedAtStart === undefined) this.storedAtStart = this.storedConfig() ?? null;
    return this.storedAtStart ?? undefined;
  }

  /** The planned file rendered with the stored answers (what the last run wrote), or undefined when that context cannot render it. */
  private previousRender(file: PlannedFile): string | undefined {
    const stored = this.keepStoredAnswers();
    if (stored === undefined) return undefined;
    this.storedContext ??= deriveContext(stored, new Date().getFullYear());
    try {
      return renderText(file.source, file.destination, this.storedContext).contents;
    } catch {
      return undefined;
    }
  }

  /**
   * The team's own files (a `teamOwned` layer): written when absent, as the feature's starting
   * point; once there they are the team's, so no run compares, re-renders or records them.
   */
  protected writeTeamOwned(files: readonly OutputFile[]): void {
    this.refuseLinks(files.map((file) => file.path));
    for (const file of files) {
      const present = existsSync(this.destinationPath(file.path));
      this.outcomes.set(file.path, { action: present ? 'unchanged' : 'create', rendered: file.contents });
      if (!present && !this.dryRun) this.fs.write(this.destinationPath(file.path), file.contents);
    }
  }

  /**
   * Write generator-owned files (rendered by the core, plan.ts, or by `renderLayers`) into Yeoman's
   * `this.fs`, the one place an entry point decides what reaches a project that already exists.
   *
   * Generator-owned files are recorded in `.secure-ts/record.json` (see owned-files.ts). On a later run a
   * file still as we wrote it is updated silently; a file the user edited goes through Yeoman's
   * conflict prompt, and with --yes (no prompts) the run stops, naming it, and writes nothing,
   * unless --force. A user's edit is never overwritten silently.
   */
  protected writeOwned(files: readonly OutputFile[]): void {
    this.refuseLinks([...files.map((file) => file.path), '.yo-rc.json', recordPath, 'package.json']);
    const recorded = { ...this.recordedFiles() };
    if (this.dryRun) {
      for (const file of files) {
        this.outcomes.set(file.path, { action: fileAction(this.destinationRoot(), file.path, file.contents, recorded, file.before), rendered: file.contents });
        recorded[file.path] = contentHash(file.contents);
      }
      this.plannedFiles = sortedRecord(recorded);
      return;
    }
    const edited: string[] = [];
    for (const file of files) {
      const path = this.destinationPath(file.path);
      const action = fileAction(this.destinationRoot(), file.path, file.contents, recorded, file.before);
      // Unchanged but reformatted by the team: left as it is (writing it would read as a conflict).
      const reformatted = action === 'unchanged' && existsSync(path) && readFileSync(path, 'utf8') !== file.contents;
      // The template's mode, as mem-fs-editor's copyTpl would give it.
      if (!reformatted) this.fs.write(path, file.contents, file.mode === undefined ? undefined : { stat: { mode: file.mode } as Stats });
      if (action === 'update') this.markOverwrite(path);
      if (action === 'conflict') edited.push(file.path);
      this.outcomes.set(file.path, { action, rendered: file.contents });
      recorded[file.path] = contentHash(file.contents);
    }
    if (edited.length > 0 && this.flag('yes') === true && this.flag('force') !== true) {
      throw new UsageError(
        `you edited ${edited.join(', ')}, which this run would change: run without --yes to review each change, or pass --force to overwrite`,
      );
    }
    this.plannedFiles = sortedRecord(recorded);
    this.setRecord('files', this.plannedFiles);
  }

  /**
   * Never write outside the project: a path this run would write that goes through a symbolic link
   * inside it (a folder linked elsewhere, a linked file) stops the run, naming the link, before
   * anything is written (CWE-59, link following). Yeoman's commit would follow the link.
   */
  protected refuseLinks(paths: readonly string[]): void {
    const root = this.destinationRoot();
    for (const path of paths) {
      const parts = path.split('/');
      for (let depth = 1; depth <= parts.length; depth += 1) {
        const part = parts.slice(0, depth).join('/');
        const entry = lstatSync(join(root, part), { throwIfNoEntry: false });
        if (entry === undefined) break;
        if (entry.isSymbolicLink()) {
          throw new UsageError(
            `${part} is a symbolic link, and this run would write ${path} through it, outside ${root}: replace the link with a real ${depth < parts.length ? 'folder' : 'file'} and run again (nothing was written)`,
          );
        }
      }
    }
  }

  /** The `files` record as this run leaves it (with --dry-run: as it would), once files were written. */
  protected plannedFiles?: Record<string, string>;

  private recordedFiles(): Record<string, string> {
    return this.plannedFiles ?? this.recorded('files') ?? {};
  }

  /**
   * Generator-owned files an earlier run wrote that this run no longer plans (the old provider's
   * pipeline after `secure-ts ci --provider …`), as JHipster's versioned cleanup removes them. Still
   * as the generator wrote them: deleted. Edited: with --force deleted, with --yes the run stops
   * naming them and writes nothing, otherwise the user is asked (no: kept as theirs, no longer
   * generator-owned). Either way they leave the `files` record, so the audit sees only what is planned.
   */
  protected async removeStale(paths: readonly string[]): Promise<void> {
    const recorded = this.recordedFiles();
    const stale = paths.filter((path) => Object.hasOwn(recorded, path));
    const onDisk = (path: string) => existsSync(this.destinationPath(path));
    const edited = stale.filter((path) => onDisk(path) && contentHash(readFileSync(this.destinationPath(path), 'utf8')) !== recorded[path]);
    if (edited.length > 0 && this.flag('yes') === true && this.flag('force') !== true && !this.dryRun) {
      throw new UsageError(
        `you edited ${edited.join(', ')}, which this run would delete (no longer generated): run without --yes to decide, or pass --force to delete`,
      );
    }
    const keep = new Set<string>();
    for (const path of edited) {
      if (this.dryRun) this.outcomes.set(path, { action: 'conflict', rendered: '' });
      else if (this.flag('force') !== true && !(await this.confirmDelete(path))) keep.add(path);
    }
    for (const path of stale) {
      if (!onDisk(path)) continue;
      if (this.dryRun) {
        if (!edited.includes(path)) this.outcomes.set(path, { action: 'delete', rendered: '' });
        continue;
      }
      if (keep.has(path)) {
        this.outcomes.set(path, { action: 'released', rendered: '' });
        this.log(`  kept (yours now) ${path}`);
      } else {
        // Decided here (unedited, confirmed or --force), so the file is removed in `end`, after
        // the commit, not through mem-fs: Yeoman's conflicter would ask again or, told not to,
        // print a second and misleading "force <path>" line under this one.
        this.outcomes.set(path, { action: 'delete', rendered: '' });
        this.log(`  delete ${path}`);
      }
    }
    if (this.dryRun) return;
    this.plannedFiles = sortedRecord(Object.fromEntries(Object.entries(recorded).filter(([path]) => !stale.includes(path))));
    this.setRecord('files', this.plannedFiles);
    const accepted = this.recorded('accepted');
    if (accepted !== undefined && stale.some((path) => Object.hasOwn(accepted, path))) {
      this.setRecord('accepted', Object.fromEntries(Object.entries(accepted).filter(([path]) => !stale.includes(path))));
    }
  }

  /** After the commit (call from `end`): the stale files go, and the folders they leave empty. */
  protected removeStaleFiles(): void {
    const root = this.destinationRoot();
    for (const [path, outcome] of this.outcomes) {
      if (outcome.action !== 'delete' || this.dryRun) continue;
      rmSync(this.destinationPath(path), { force: true });
      for (let folder = dirname(this.destinationPath(path)); folder.startsWith(`${root}${sep}`); folder = dirname(folder)) {
        if (!existsSync(folder) || readdirSync(folder).length > 0) break;
        rmdirSync(folder);
      }
    }
  }

  private async confirmDelete(path: string): Promise<boolean> {
    const answers = await this.ask([
      { type: 'confirm', name: 'deleteEdited', message: `${path} is no longer generated, and you edited it. Delete it? (no: keep it as your own file)`, default: false },
    ]);
    return answers['deleteEdited'] === true;
  }

  /**
   * After Yeoman's conflict prompts (call from `end`): whether each edited file was kept or
   * overwritten, as on disk now. Returns one line per changed file, then the unchanged count.
   */
  protected reportOutcomes(): string[] {
    const lines: string[] = [];
    let unchanged = 0;
    for (const [path, outcome] of [...this.outcomes].sort(([a], [b]) => a.localeCompare(b))) {
      if (outcome.action === 'conflict' && !this.dryRun) {
        const full = this.destinationPath(path);
        const now = existsSync(full) ? readFileSync(full, 'utf8') : undefined;
        outcome.action = now === outcome.rendered ? 'conflicted-overwritten' : 'conflicted-kept';
      }
      if (outcome.action === 'unchanged') unchanged += 1;
      else lines.push(`  ${outcome.action.padEnd(22)} ${path}`);
    }
    return [...lines, `  ${unchanged} file${unchanged === 1 ? '' : 's'} unchanged`];
  }

  /**
   * What a feature sub-command (`secure-ts accounts`, `files`, `views`) writes: the files the
   * default run with the feature on writes, i.e. every planned file that is new with the feature or
   * renders differently with it (found by rendering each both ways), the dependencies it needs, and
   * the controls manifest. Files the feature does not change are not touched, so an edit elsewhere
   * is no conflict; running it twice changes nothing.
   */
  protected addFeature(option: 'accounts' | 'uploads' | 'views'): TemplateContext {
    const project = this.requireProject();
    const year = new Date().getFullYear();
    // Without the feature (if it is already there: a second run), its recorded migrations too.
    const off = { ...project, [option]: false };
    const without = deriveContext({ ...off, ...(project.migrations === undefined ? {} : { migrations: recordedFor(off) }) }, year);
    const ctx = deriveContext({ ...project, [option]: true }, year);
    this.setAnswer(option, true);
    // The feature's migrations take the next numbers (migrations.ts); a project made before the
    // allocation keeps deriving its names, so nothing is recorded there.
    const migrations = recordedMigrations(ctx.migrationPlan);
    if (migrations !== undefined) this.setAnswer('migrations', migrations);
    const before = new Map(planFiles(projectLayers, without).map((file) => [file.destination, file.source]));
    const changes = (file: { source: string; destination: string }): boolean => {
      const source = before.get(file.destination);
      if (source === undefined) return true;
      return renderText(source, file.destination, without).contents !== renderText(file.source, file.destination, ctx).contents;
    };
    const previous = (file: PlannedFile): string | undefined => {
      const source = before.get(file.destination);
      return source === undefined ? undefined : renderText(source, file.destination, without).contents;
    };
    this.renderLayers(projectLayers, ctx, {}, changes, previous);
    this.mergeDependencies(packageJsonOf(projectLayers, ctx));
    this.recordControls(ctx);
    return ctx;
  }

  /**
   * Adds the dependencies the layers now need to package.json, keeping everything the team added,
   * sorted as a first run writes them (so a sub-command and the flag give the same file). Nothing
   * of the user's is replaced, so the merge is written without a conflict prompt.
   */
  protected mergeDependencies(wanted: { readonly dependencies: Record<string, string>; readonly devDependencies: Record<string, string> }): void {
    for (const key of ['dependencies', 'devDependencies'] as const) {
      const current = (this.packageJson.get(key) ?? {}) as Record<string, string>;
      const merged: Record<string, string> = { ...current, ...wanted[key] };
      if (this.dryRun) {
        this.wouldChange.dependencies.push(...Object.entries(wanted[key]).filter(([name, version]) => current[name] !== version).map(([name, version]) => `${name}@${version}`));
        continue;
      }
      this.packageJson.set(key, Object.fromEntries(Object.keys(merged).sort().map((name) => [name, merged[name]])));
    }
    if (!this.dryRun) this.markOverwrite(this.destinationPath('package.json'));
  }

  /** Tell Yeoman's conflicter this file is ours and unedited: write it without asking. */
  protected markOverwrite(path: string): void {
    const file = this.env.sharedFs.get(path) as { conflicter?: string };
    file.conflicter = 'force';
  }
}
