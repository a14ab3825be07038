/**
 * `secure-ts views`: adds server-rendered pages to a generated project (auto-escaping `html`
 * templates, a per-request CSP nonce, CSRF-protected forms, browser tests). Reads the project from
 * `.yo-rc.json`; writes exactly the files `--views` writes on a first run (every file that is new
 * or renders differently with views: the pages, app.ts, the CI's Chromium step, the public-route
 * list with accounts), and running it twice changes nothing. A file the user edited among those
 * goes through the conflict handling, never overwritten silently.
 */
import { SecureTsGenerator, type GeneratorOptions } from '../shared/base-generator.ts';
import { installDependencies, installNotice } from '../shared/project.ts';
import type { RunCommand } from '../shared/project.ts';
import { viewsFlags } from './options.ts';

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
    this.addFeature('views');
  }

  end(): void {
    this.reportDryRun('views');
  }

  async install(): Promise<void> {
    if (this.flag('skipInstall') === true || this.dryRun || this.alreadyOn) return;
    const packageManager = this.requireProject().packageManager;
    this.log(installNotice(packageManager));
    await installDependencies(this.destinationRoot(), this.runCommand, { packageManager });
  }

  private readonly runCommand: RunCommand = (command, args, options) => this.spawn(command, args, options);
}
