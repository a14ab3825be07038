/**
 * `secure-ts views`: adds server-rendered pages to a generated project (auto-escaping `html`
 * templates, a per-request CSP nonce, CSRF-protected forms, browser tests). Reads the project from
 * `.yo-rc.json`; the files are exactly those `--views` emits on the first run, and running it twice
 * changes nothing. The framework layer is re-rendered because app.ts mounts the pages; a file the
 * user edited goes through the conflict handling, never overwritten silently.
 */
import { appLayers } from '../app/files.ts';
import { SecureTsGenerator, type GeneratorOptions } from '../shared/base-generator.ts';
import { deriveContext } from '../shared/derive.ts';
import { installDependencies, installNotice, packageJsonOf } from '../shared/project.ts';
import type { RunCommand } from '../shared/project.ts';
import { viewsFlags } from './options.ts';

/** The layers whose output depends on `features.views`: the pages, the framework wiring, the CI (Chromium). */
const affectedPrefixes = ['features/views/', 'framework/', 'features/ci/'];
const affected = appLayers.filter((layer) => affectedPrefixes.some((prefix) => layer.dir.startsWith(prefix)));

export default class ViewsGenerator extends SecureTsGenerator {
  private alreadyOn = false;

  constructor(args: string[], options: GeneratorOptions) {
    super(args, options);
    this.registerSpecs(viewsFlags);
  }

  initializing(): void {
    // Outside a generated project: a clear stop, nothing written. A preset that locked `views`
    // off binds this command too.
    const project = this.requireProject();
    this.obeyPolicy(project, 'views', true, 'secure-ts views');
    this.alreadyOn = project.views;
  }

  writing(): void {
    const project = { ...this.requireProject(), views: true };
    if (!this.dryRun) this.config.set('views', true);
    const ctx = deriveContext(project, new Date().getFullYear());
    this.renderLayers(affected, ctx);
    if (!this.dryRun) this.mergeDependencies(packageJsonOf(appLayers, ctx));
    this.recordControls(ctx);
  }

  async install(): Promise<void> {
    if (this.flag('skipInstall') === true || this.dryRun || this.alreadyOn) return;
    this.log(installNotice);
    await installDependencies(this.destinationRoot(), this.runCommand);
  }

  private readonly runCommand: RunCommand = (command, args, options) => this.spawn(command, args, options);
}
