/**
 * `yo secure-ts [name]`: asks for a framework and a database (or takes flags, `--yes`, or the
 * project's `.yo-rc.json`), validates everything with one schema, then renders the layers.
 * Lifecycle methods only; options live in options.ts, files in files.ts.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { SecureTsGenerator, type GeneratorOptions } from '../shared/base-generator.ts';
import { parseProjectConfig, type ProjectConfig } from '../shared/config.ts';
import { deriveContext, type TemplateContext } from '../shared/derive.ts';
import { schemaOf, questionOf, parseOrThrow, flagName, UsageError } from '../shared/option-spec.ts';
import { generatorVersion } from '../shared/versions.ts';
import { appLayers } from './files.ts';
import { appFlags, appOptions, nameSpec } from './options.ts';

type Answers = Partial<Record<string, unknown>>;

export default class AppGenerator extends SecureTsGenerator {
  /** Values known so far: stored config, then flags, then answers. */
  private answers: Answers = {};
  private ctx?: TemplateContext;
  /** 48 random bytes, base64url: written to the gitignored `.env` only, never to `.yo-rc.json`. */
  private appSecret = '';

  constructor(args: string[], options: GeneratorOptions) {
    super(args, options);
    this.argument('name', { type: String, required: false, description: nameSpec.description });
    this.registerSpecs([...appOptions, ...appFlags]);
    // Hidden, for tests: fixed secrets and year so output is deterministic.
    this.option('deterministic', { type: Boolean, hide: true, description: 'fixed secrets (tests only)' });
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
    if (this.answers['name'] !== undefined) this.checkTarget(this.answers['name'] as string, Boolean(stored));
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
    if (this.readStoredConfig() === undefined) this.checkTarget(this.answers['name'] as string, false);
  }

  configuring(): void {
    const defaults = Object.fromEntries([nameSpec, ...appOptions].map((spec) => [spec.name, spec.default]));
    const config = parseProjectConfig({ ...defaults, ...this.answers, generatorVersion }, 'configuration');
    if (this.readStoredConfig() === undefined) {
      // The name is final only now (flag, answer or default): check the target before anything is written.
      this.checkTarget(config.name, false);
      this.destinationRoot(resolve(this.destinationRoot(), config.name));
    }
    const deterministic = this.flag('deterministic') === true;
    this.ctx = deriveContext(config, deterministic ? 2026 : new Date().getFullYear());
    this.appSecret = deterministic ? 'deterministic-test-value-0123456789abcdefghijklmnop' : randomBytes(48).toString('base64url');
    for (const [key, value] of Object.entries(config)) this.config.set(key, value);
  }

  writing(): void {
    const ctx = this.ctx;
    if (ctx === undefined) throw new Error('generator-secure-ts: configuring did not run');
    this.log(`\nWriting ${ctx.name} (${ctx.framework} + ${ctx.database}) into ${this.destinationRoot()}`);
    this.renderLayers(appLayers, ctx);
    const blocks = this.packageBlocks(appLayers, ctx);
    // Merged, not overwritten: dependencies and scripts the team added survive a re-run.
    this.packageJson.merge({
      name: ctx.name,
      version: '0.1.0',
      description: ctx.description,
      private: true,
      license: 'MIT',
      type: 'module',
      engines: { node: `>=${ctx.nodeMajor}.11` },
      ...blocks,
    });
    // The secrets file is written once: rotating secrets on a re-run would log everyone out.
    if (!existsSync(this.destinationPath('.env'))) {
      this.renderTemplate('secrets/.env.ejs', '.env', { ...ctx, appSecret: this.appSecret });
    }
  }

  async install(): Promise<void> {
    if (this.flag('skipInstall') === true) return;
    this.log('\nInstalling dependencies with npm (install scripts are disabled by the project .npmrc)…');
    try {
      await this.spawn('npm', ['install', '--no-audit', '--no-fund'], { cwd: this.destinationRoot(), stdio: 'inherit' });
    } catch {
      throw new UsageError(`npm install failed in ${this.destinationRoot()}: the files are written; fix the problem above and run npm install there`);
    }
  }

  async end(): Promise<void> {
    const root = this.destinationRoot();
    if (this.flag('skipGit') !== true && !existsSync(resolve(root, '.git'))) {
      try {
        await this.spawn('git', ['init', '--quiet'], { cwd: root });
        await this.spawn('git', ['add', '--all'], { cwd: root });
        await this.spawn('git', [...(await this.gitIdentityFallback()), 'commit', '--quiet', '--no-verify', '-m',
          'Initial commit from generator-secure-ts'], { cwd: root });
        this.log('git: initial commit created.');
      } catch {
        this.log('git: could not create the initial commit; the project is written, commit it yourself.');
      }
    }
    const cd = root === process.cwd() ? '' : `  cd ${basename(root)}\n`;
    const install = this.flag('skipInstall') === true ? '  npm install\n' : '';
    this.log(`\nDone. Next steps:\n${cd}${install}  npm test          # the attack tests: every control proven\n  npm run dev       # http://127.0.0.1:3000/health\n\nThe secrets are in .env (gitignored); read README.md for each control.`);
  }

  /** The user's own git identity wins; a fallback is given only when none is configured (CI, containers). */
  private async gitIdentityFallback(): Promise<string[]> {
    try {
      await this.spawn('git', ['config', 'user.email'], { cwd: this.destinationRoot(), stdio: 'ignore' });
      return [];
    } catch {
      return ['-c', 'user.name=generator-secure-ts', '-c', 'user.email=generator-secure-ts@localhost'];
    }
  }

  private readStoredConfig(): (ProjectConfig & Record<string, unknown>) | undefined {
    return this.storedConfig() as (ProjectConfig & Record<string, unknown>) | undefined;
  }

  /** The target must be new or empty (unless --force); a generated project may be re-rendered. */
  private checkTarget(name: string, regenerating: boolean): void {
    if (regenerating) return;
    const target = resolve(this.destinationRoot(), name);
    if (!existsSync(target)) return;
    if (!statSync(target).isDirectory()) throw new UsageError(`${target} exists and is not a folder`);
    if (readdirSync(target).length > 0 && this.flag('force') !== true) {
      throw new UsageError(`${target} is not empty: choose another name, empty it, or pass --force`);
    }
  }
}
