/**
 * `yo secure-ts [name]`: asks for a framework and a database (or takes flags, `--yes`, or the
 * project's `.yo-rc.json`), validates everything with one schema, then writes what the core plans
 * (../shared/plan.ts, the same plan the CLI's direct path writes) through Yeoman's `this.fs`, whose
 * conflict handling protects files the user edited. Lifecycle methods only; flags live in options.ts.
 */
import { chmodSync, existsSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import { SecureTsGenerator, type GeneratorOptions } from '../shared/base-generator.ts';
import { yoRcSettings, type ProjectConfig } from '../shared/config.ts';
import { schemaOf, questionOf, parseOrThrow, parsePositional, flagName, UsageError } from '../shared/option-spec.ts';
import { allowedChoices, checkPolicy, defaultPolicy, isLocked, loadPreset, type LoadedPreset, type PolicyContext } from '../shared/policy.ts';
import { newProject, plan, secretsFile, type Plan, type PlannedOutput, type PolicySource } from '../shared/plan.ts';
import {
  checkNewTarget, initialCommit, nameQuestion, installDependencies, installNotice, nextSteps, writingNotice, type RunCommand,
} from '../shared/project.ts';
import { summaryConfig, summaryJson, summaryText, type RunSummary } from '../shared/render.ts';
import { fileState, nextPackageJson, nextRecord, nextYoRc, stateAction, type FileState } from '../shared/rerun.ts';
import { recordPath } from '../shared/record.ts';
import { appFlags, appOptions, appTestFlags, nameSpec } from './options.ts';

type Answers = Partial<Record<string, unknown>>;

export default class AppGenerator extends SecureTsGenerator {
  /** Values known so far: stored config, then flags, then answers. */
  private answers: Answers = {};
  private project?: Plan;
  private readonly before = new Map<string, FileState>();
  /** The policy in force: the stored project's, a preset's, or the defaults. */
  private policy: PolicySource & PolicyContext = { policy: defaultPolicy };
  private preset?: LoadedPreset;
  /** The version that last rendered this project, on a re-run (for the report). */
  private previousVersion?: string;
  /** On a re-run: the dependencies package.json listed before it (to skip an install that changes nothing). */
  private previousDependencies?: string;

  constructor(args: string[], options: GeneratorOptions) {
    super(args, options);
    this.argument('name', { type: String, required: false, description: nameSpec.description });
    this.registerSpecs([...appOptions, ...appFlags]);
    this.registerSpecs(appTestFlags, { hide: true });
  }

  initializing(): void {
    const stored = this.readStoredConfig();
    const name = this.options['name'] as unknown;
    const presetFlag = this.flag('preset');
    if (typeof presetFlag === 'string') this.preset = loadPreset(presetFlag, this.env.cwd);
    if (stored) {
      // Re-running inside a generated project: the stored answers win and are never re-asked.
      this.answers = { ...stored };
      this.previousVersion = stored.generatorVersion;
      this.previousDependencies = this.dependencyList();
      this.policy = { record: stored.preset, preset: stored.preset, policy: stored.policy };
      if (name !== undefined && name !== stored.name) {
        throw new UsageError(`this folder already holds the project ${JSON.stringify(stored.name)}; run without a name to update it`);
      }
      if (this.preset && this.preset.record.sha256 !== stored.preset?.sha256) {
        throw new UsageError(`--preset: this project was generated with ${stored.preset ? `preset ${JSON.stringify(stored.preset.name)}` : 'no preset'}; changing it in place is not supported`);
      }
    } else {
      if (this.preset) {
        this.policy = { record: this.preset.record, preset: this.preset.record, policy: this.preset.policy };
        this.answers = { ...this.preset.answers };
      }
      if (name !== undefined) this.answers['name'] = parsePositional(nameSpec, name, 'project name');
    }
    // Every flag given is validated now, before any prompt, so a typo fails fast and writes nothing.
    for (const spec of appOptions) {
      const value = this.flag(spec.name);
      if (value === undefined) continue;
      const parsed = parseOrThrow(schemaOf(spec), value, flagName(spec.name));
      // A flag that breaks the preset (a locked option, a choice outside an allow-list) names the rule.
      checkPolicy(this.policy, spec.name, parsed, flagName(spec.name));
      if (stored && stored[spec.name] !== parsed) {
        throw new UsageError(
          `${flagName(spec.name)}: this project was generated with ${JSON.stringify(stored[spec.name])}; changing it in place is not supported`,
        );
      }
      this.answers[spec.name] = parsed;
    }
    if (this.answers['name'] !== undefined && !stored) this.checkTarget(this.answers['name'] as string);
  }

  async prompting(): Promise<void> {
    if (this.flag('yes') === true) return;
    // Locked options are answered by the preset and never asked; a choice prompt offers only what
    // the policy allows.
    const questions = [nameSpec, ...appOptions]
      .filter((spec) => this.answers[spec.name] === undefined && !isLocked(this.policy, spec.name))
      .map((spec) => this.allowedQuestion(spec === nameSpec ? nameQuestion(this.destinationRoot(), this.flag('force') === true) : questionOf(spec), spec.name))
      .filter((q) => q !== undefined)
      // Accounts need storage: not asked when the database is (or was just answered) `none`.
      .map((q) => (q['name'] === 'accounts' ? { ...q, when: (given: Answers) => (given['database'] ?? this.answers['database']) !== 'none' } : q));
    if (questions.length === 0) return;
    const answers = await this.ask(questions);
    // Answers pass the same schemas as flags (a prompt's own validate is not the only gate).
    for (const spec of [nameSpec, ...appOptions]) {
      if (spec.name in answers) {
        const where = spec === nameSpec ? 'project name' : flagName(spec.name);
        const given = (answers as Answers)[spec.name];
        const value = spec === nameSpec ? parsePositional(spec, given, where) : parseOrThrow(schemaOf(spec), given, where);
        if (spec !== nameSpec) checkPolicy(this.policy, spec.name, value, `the answer to ${where}`);
        this.answers[spec.name] = value;
      }
    }
    if (this.readStoredConfig() === undefined) this.checkTarget(this.answers['name'] as string);
  }

  configuring(): void {
    const stored = this.readStoredConfig() !== undefined;
    const project = newProject(this.answers, this.flag('deterministic') === true, this.policy, { fresh: !stored });
    if (!stored) {
      // The name is final only now (flag, answer or default): check the target before anything is written.
      this.checkTarget(project.config.name);
      this.destinationRoot(resolve(this.destinationRoot(), project.config.name));
    }
    this.project = plan(project);
    // The files written by code, as they were before this run (for the report; see ../shared/rerun.ts).
    for (const path of ['.yo-rc.json', recordPath, 'package.json', secretsFile.destination]) this.before.set(path, fileState(this.destinationRoot(), path));
    if (this.dryRun) return;
    // `.yo-rc.json` (the answers) and `.secure-ts/record.json` (the controls now; the file hashes as the
    // owned files are written) through Yeoman's Storage.
    for (const [key, value] of Object.entries(yoRcSettings(this.project.config))) this.config.set(key, value);
    if (this.project.record.controls !== undefined) this.setRecord('controls', this.project.record.controls);
  }

  writing(): void {
    const project = this.project;
    if (project === undefined) throw new Error('generator-secure-ts: configuring did not run');
    const files = (kind: PlannedOutput['kind']) => project.files.filter((file) => file.kind === kind);
    // A re-run renders from the stored answers, so this run's content is also what the last run
    // wrote wherever the templates did not change (fileAction: a reformatted file is no edit).
    const owned = () => files('owned').map((file) => (this.previousVersion === undefined ? file : { ...file, before: () => file.contents }));
    if (this.dryRun) {
      this.writeOwned(owned());
      this.writeTeamOwned(files('team'));
      const summary = this.summary(project);
      process.stdout.write(this.flag('json') === true ? summaryJson(summary) : `${summaryText(summary)}\n`);
      return;
    }
    this.refuseLinks(project.files.map((file) => file.path));
    this.log(writingNotice(project.ctx, this.destinationRoot()));
    this.writeOwned(owned());
    this.writeTeamOwned(files('team'));
    // Merged, not overwritten: dependencies and scripts the team added survive a re-run.
    this.packageJson.merge(project.packageJson);
    const secrets = this.destinationPath(secretsFile.destination);
    if (existsSync(secrets)) {
      // A re-run leaves the secrets as they are, but not readable by others (an older run wrote 0644).
      chmodSync(secrets, secretsFile.mode);
    } else {
      // mem-fs-editor creates the file with this mode (then chmods it exactly, whatever the umask).
      for (const file of files('secret')) this.fs.write(secrets, file.contents, { stat: { mode: secretsFile.mode } as Stats });
    }
  }

  async install(): Promise<void> {
    if (this.flag('skipInstall') === true || this.dryRun) return;
    // A re-run that changes no dependency of an installed project has nothing to install.
    if (this.previousDependencies !== undefined && this.previousDependencies === this.dependencyList() && existsSync(this.destinationPath('node_modules'))) {
      this.log(`\nDependencies unchanged: ${this.project?.config.packageManager ?? 'npm'} install skipped.`);
      return;
    }
    const packageManager = this.project?.config.packageManager ?? 'npm';
    this.log(installNotice(packageManager));
    await installDependencies(this.destinationRoot(), this.runCommand, { silent: this.flag('json') === true, packageManager });
  }

  async end(): Promise<void> {
    if (this.dryRun) return;
    const root = this.destinationRoot();
    if (this.previousVersion !== undefined) {
      // A re-run: say what changed, so an upgrade is reviewed rather than trusted.
      const from = this.previousVersion === this.project?.config.generatorVersion ? '' : ` (the project was at ${this.previousVersion})`;
      this.log([`\nRe-rendered with generator-secure-ts ${this.project?.config.generatorVersion ?? ''}${from}:`, ...this.reportOutcomes()].join('\n'));
    }
    // The initial commit belongs to a new project: a re-run never starts a repository.
    if (this.flag('skipGit') !== true && this.previousVersion === undefined) {
      const outcome = await initialCommit(root, this.runCommand);
      if (outcome !== undefined) this.log(outcome);
    }
    this.log(nextSteps(root, process.cwd(), this.flag('skipInstall') === true, this.project?.config.packageManager, this.project?.config.database));
    if (this.flag('json') === true && this.project) {
      this.reportOutcomes(); // settles kept/overwritten for the summary
      process.stdout.write(summaryJson(this.summary(this.project)));
    }
  }

  /** Files (what this run did or would do to each), dependencies and the configuration. */
  private summary(project: Plan): RunSummary {
    const pkg = project.packageJson;
    const files = [
      ...[...this.outcomes].map(([path, outcome]) => ({ path, action: outcome.action as string })),
      ...[...this.before].map(([path, before]) => ({ path, action: this.codeFileAction(path, before, project) })),
    ].sort((a, b) => a.path.localeCompare(b.path));
    return {
      dryRun: this.dryRun,
      root: this.destinationRoot(),
      generatorVersion: project.config.generatorVersion,
      previousVersion: this.previousVersion,
      files,
      dependencies: pkg.dependencies,
      devDependencies: pkg.devDependencies,
      config: summaryConfig(project.config),
    };
  }

  /**
   * What this run did (or, with --dry-run, would do) to a file written by code. package.json is not
   * recorded by hash, so Yeoman's conflicter asks before changing it (unless --force).
   */
  private codeFileAction(path: string, before: FileState, project: Plan): string {
    if (!this.dryRun) return stateAction(before, fileState(this.destinationRoot(), path));
    const action = stateAction(before, this.predicted(path, before, project));
    return path === 'package.json' && action === 'update' && this.flag('force') !== true ? 'conflict' : action;
  }

  /** With --dry-run: what a real run would leave in `.yo-rc.json`, the record, package.json or `.env`. */
  private predicted(path: string, before: FileState, project: Plan): FileState {
    if (path === secretsFile.destination) return before.text === undefined ? { text: '' } : { text: before.text, mode: secretsFile.mode };
    if (path === 'package.json') return { text: nextPackageJson(before, project.packageJson) };
    const yoRc = fileState(this.destinationRoot(), '.yo-rc.json');
    if (path === recordPath) return { text: nextRecord(before, yoRc, { controls: project.record.controls, files: this.plannedFiles }) };
    return { text: nextYoRc(before, yoRcSettings(project.config)) };
  }

  /** A choice question narrowed to the policy's allow-list (a single allowed value is still shown). */
  private allowedQuestion(question: Record<string, unknown> | undefined, option: string): Record<string, unknown> | undefined {
    const allowed = allowedChoices(this.policy, option);
    if (question === undefined || allowed === undefined) return question;
    const choices = (question['choices'] as { value: unknown }[]).filter((choice) => allowed.includes(choice.value));
    const fallback = choices[0]?.value;
    return { ...question, choices, default: allowed.includes(question['default']) ? question['default'] : fallback };
  }

  /** package.json's dependencies and devDependencies as this run sees them (on disk, or as merged so far). */
  private dependencyList(): string {
    return JSON.stringify([this.packageJson.get('dependencies') ?? {}, this.packageJson.get('devDependencies') ?? {}]);
  }

  private readonly runCommand: RunCommand = (command, args, options) => this.spawn(command, args, options);

  private readStoredConfig(): (ProjectConfig & Record<string, unknown>) | undefined {
    return this.storedConfig() as (ProjectConfig & Record<string, unknown>) | undefined;
  }

  /** The target must be new or empty (unless --force). */
  private checkTarget(name: string): void {
    checkNewTarget(resolve(this.destinationRoot(), name), this.flag('force') === true);
  }
}
