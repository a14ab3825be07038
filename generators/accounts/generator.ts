/**
 * `secure-ts accounts`: adds the accounts feature to a project generated with `--no-accounts`.
 * Reads framework, database and hashing from `.yo-rc.json` and never re-asks; writes the files the
 * default run (`--accounts`) writes: the accounts layers, plus every generator-owned file whose
 * content depends on `features.accounts` (env, context, schema, migrations, …), found by rendering
 * each planned file with accounts off and on. Files that do not change are not touched, so an edit
 * elsewhere in the project is no conflict. Running it twice changes nothing.
 */
import { SecureTsGenerator, type GeneratorOptions } from '../shared/base-generator.ts';
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
    this.addFeature('accounts');
  }

  end(): void {
    this.reportDryRun('accounts');
    // Resources added before accounts keep their unowned table and code (their migration may have
    // run): every signed-in account shares their records. Said here rather than left silent
    // (OWASP API1:2023 Broken Object Level Authorization; ASVS 5.0 V8.2.2).
    const unowned = (this.requireProject().resources ?? []).filter((resource) => resource.owned !== true).map((resource) => JSON.stringify(resource.name));
    if (unowned.length === 0) return;
    this.log(
      `\nWarning: ${unowned.join(', ')} ${unowned.length === 1 ? 'was' : 'were'} added before accounts and ${unowned.length === 1 ? 'is' : 'are'} not owner-scoped: ` +
        'any signed-in account can read and change every record. Before a migration ran on any database, ' +
        '`secure-ts resource <name> --force --fields …` regenerates one owned; otherwise add owner_id in a new migration ' +
        "and change its repository spec to `owned: true` and its routes' scope to `accountScope` (src/resources/registry.ts), as items are.",
    );
  }
}
