/**
 * `yo secure-ts [name]`: asks for a framework and a database (or takes flags, `--yes`, or the
 * project's `.yo-rc.json`), validates everything with one schema, then renders the layers.
 * Lifecycle methods only; options live in options.ts, files in files.ts, and what the CLI's
 * direct path shares with this generator in ../shared/project.ts.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { SecureTsGenerator, type GeneratorOptions } from '../shared/base-generator.ts';
import type { ProjectConfig } from '../shared/config.ts';
import { schemaOf, questionOf, parseOrThrow, flagName, UsageError } from '../shared/option-spec.ts';
import {
  checkNewTarget, initialCommit, installDependencies, installNotice, newProject, nextSteps, packageJsonOf, secretsFile,
  writingNotice, type NewProject, type RunCommand,
} from '../shared/project.ts';
import { appLayers } from './files.ts';
import { appFlags, appOptions, appTestFlags, nameSpec } from './options.ts';

type Answers = Partial<Record<string, unknown>>;

export default class AppGenerator extends SecureTsGenerator {
  /** Values known so far: stored config, then flags, then answers. */
  private answers: Answers = {};
  private project?: NewProject;

  constructor(args: string[], options: GeneratorOptions) {
    super(args, options);
    this.argument('name', { type: String, required: false, description: nameSpec.description });
    this.registerSpecs([...appOptions, ...appFlags]);
    this.registerSpecs(appTestFlags, { hide: true });
  }

  initializing(): void {
    const stored = this.readStoredConfig();
    const name = this.options['name'] as unknown;
    if (stored) {
      // Re-running inside a generated project: the stored answers win and are never re-asked.
      this.answers = { ...stored };
      if (name !== undefined && name !== stored.name) {
        throw new UsageError(`this folder already holds the project ${JSON.stringify(stored.name)}; run without a name to update it`);
      }
    } else if (name !== undefined) {
      this.answers['name'] = parseOrThrow(schemaOf(nameSpec), name, 'project name');
    }
    // Every flag given is validated now, before any prompt, so a typo fails fast and writes nothing.
    for (const spec of appOptions) {
      const value = this.flag(spec.name);
      if (value === undefined) continue;
      const parsed = parseOrThrow(schemaOf(spec), value, flagName(spec.name));
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
    const questions = [nameSpec, ...appOptions]
      .filter((spec) => this.answers[spec.name] === undefined)
      .map((spec) => questionOf(spec))
      .filter((q) => q !== undefined);
    if (questions.length === 0) return;
    const answers = await this.prompt(questions as never);
    // Answers pass the same schemas as flags (a prompt's own validate is not the only gate).
    for (const spec of [nameSpec, ...appOptions]) {
      if (spec.name in answers) {
        const where = spec === nameSpec ? 'project name' : flagName(spec.name);
        this.answers[spec.name] = parseOrThrow(schemaOf(spec), (answers as Answers)[spec.name], where);
      }
    }
    if (this.readStoredConfig() === undefined) this.checkTarget(this.answers['name'] as string);
  }

  configuring(): void {
    const project = newProject(this.answers, this.flag('deterministic') === true);
    if (this.readStoredConfig() === undefined) {
      // The name is final only now (flag, answer or default): check the target before anything is written.
      this.checkTarget(project.config.name);
      this.destinationRoot(resolve(this.destinationRoot(), project.config.name));
    }
    this.project = project;
    for (const [key, value] of Object.entries(project.config)) this.config.set(key, value);
  }

  writing(): void {
    const project = this.project;
    if (project === undefined) throw new Error('generator-secure-ts: configuring did not run');
    this.log(writingNotice(project.ctx, this.destinationRoot()));
    this.renderLayers(appLayers, project.ctx);
    // Merged, not overwritten: dependencies and scripts the team added survive a re-run.
    this.packageJson.merge(packageJsonOf(appLayers, project.ctx));
    if (!existsSync(this.destinationPath(secretsFile.destination))) {
      this.renderTemplate(secretsFile.source, secretsFile.destination, secretsFile.data(project));
    }
  }

  async install(): Promise<void> {
    if (this.flag('skipInstall') === true) return;
    this.log(installNotice);
    await installDependencies(this.destinationRoot(), this.runCommand);
  }

  async end(): Promise<void> {
    const root = this.destinationRoot();
    if (this.flag('skipGit') !== true) {
      const outcome = await initialCommit(root, this.runCommand);
      if (outcome !== undefined) this.log(outcome);
    }
    this.log(nextSteps(root, process.cwd(), this.flag('skipInstall') === true));
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
