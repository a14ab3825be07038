/**
 * `secure-ts accounts`: adds the accounts feature to a project generated with `--no-accounts`.
 * Reads framework, database and hashing from `.yo-rc.json` and never re-asks; writes the files the
 * default run (`--accounts`) writes: the accounts layers, plus every generator-owned file whose
 * content depends on `features.accounts` (env, context, schema, migrations, …), found by rendering
 * each planned file with accounts off and on. Files that do not change are not touched, so an edit
 * elsewhere in the project is no conflict. Running it twice changes nothing.
 */
import { appLayers } from '../app/files.ts';
import { SecureTsGenerator, type GeneratorOptions } from '../shared/base-generator.ts';
import { deriveContext } from '../shared/derive.ts';
import { planFiles } from '../shared/layers.ts';
import { packageJsonOf } from '../shared/project.ts';
import { renderText } from '../shared/render.ts';
import { requireStorage } from '../shared/storage.ts';
import { accountsFlags } from './options.ts';

export default class AccountsGenerator extends SecureTsGenerator {
  constructor(args: string[], options: GeneratorOptions) {
    super(args, options);
    this.registerSpecs(accountsFlags);
  }

  initializing(): void {
    // Outside a generated project, or without a database: a clear stop, nothing written. A preset
    // that locked `accounts` off binds this command too.
    const project = this.requireProject();
    requireStorage(project, 'accounts');
    this.obeyPolicy(project, 'accounts', true, 'secure-ts accounts');
  }

  writing(): void {
    const project = this.requireProject();
    const year = new Date().getFullYear();
    const without = deriveContext({ ...project, accounts: false }, year);
    const ctx = deriveContext({ ...project, accounts: true }, year);
    if (!this.dryRun) this.config.set('accounts', true);
    const before = new Map(planFiles(appLayers, without).map((file) => [file.destination, file.source]));
    // A file is ours to write when it is new with accounts, or renders differently with them.
    const changes = (file: { source: string; destination: string }): boolean => {
      const source = before.get(file.destination);
      if (source === undefined) return true;
      return renderText(source, file.destination, without).contents !== renderText(file.source, file.destination, ctx).contents;
    };
    this.renderLayers(appLayers, ctx, {}, changes);
    // The accounts layers' dependencies, pinned like the first run's (merged: the team's own stay).
    if (!this.dryRun) {
      const pkg = packageJsonOf(appLayers, ctx);
      this.packageJson.merge({ scripts: pkg.scripts, dependencies: pkg.dependencies, devDependencies: pkg.devDependencies });
    }
    this.recordControls(ctx);
  }
}
