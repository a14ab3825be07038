/**
 * `secure-ts files`: adds file uploads to a project generated without them (`--no-uploads`).
 * Reads framework and database from `.yo-rc.json` and never re-asks; writes the files the default
 * run writes: the files layers, plus every generator-owned file whose content depends on
 * `features.files` (env, context, schema, migrations, app wiring, …), found by rendering each
 * planned file with files off and on. Files that do not change are not touched. Running it twice
 * changes nothing.
 */
import { SecureTsGenerator, type GeneratorOptions } from '../shared/base-generator.ts';
import { requireUploadsPrerequisites } from './files.ts';
import { filesFlags } from './options.ts';

export default class FilesGenerator extends SecureTsGenerator {
  constructor(args: string[], options: GeneratorOptions) {
    super(args, options);
    this.registerSpecs(filesFlags);
  }

  initializing(): void {
    // Outside a generated project, without a database or without accounts: a clear stop, nothing
    // written. A preset that locked `uploads` off binds this command too.
    const project = this.requireProject();
    requireUploadsPrerequisites(project);
    this.obeyPolicy(project, 'uploads', true, 'secure-ts files');
  }

  writing(): void {
    this.addFeature('uploads');
  }

  end(): void {
    this.reportDryRun('files');
  }
}
