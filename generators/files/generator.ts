/**
 * `secure-ts files`: adds file uploads to a project generated without them (`--no-uploads`).
 * Reads framework and database from `.yo-rc.json` and never re-asks; writes the files the default
 * run writes: the files layers, plus every generator-owned file whose content depends on
 * `features.files` (env, context, schema, migrations, app wiring, …), found by rendering each
 * planned file with files off and on. Files that do not change are not touched. Running it twice
 * changes nothing.
 */
import { appLayers } from '../app/files.ts';
import { SecureTsGenerator, type GeneratorOptions } from '../shared/base-generator.ts';
import { deriveContext } from '../shared/derive.ts';
import { planFiles } from '../shared/layers.ts';
import { renderText } from '../shared/render.ts';
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
    const project = this.requireProject();
    const year = new Date().getFullYear();
    const without = deriveContext({ ...project, uploads: false }, year);
    const ctx = deriveContext({ ...project, uploads: true }, year);
    if (!this.dryRun) this.config.set('uploads', true);
    const before = new Map(planFiles(appLayers, without).map((file) => [file.destination, file.source]));
    // A file is ours to write when it is new with files, or renders differently with them.
    const changes = (file: { source: string; destination: string }): boolean => {
      const source = before.get(file.destination);
      if (source === undefined) return true;
      return renderText(source, file.destination, without).contents !== renderText(file.source, file.destination, ctx).contents;
    };
    this.renderLayers(appLayers, ctx, {}, changes);
    this.recordControls(ctx);
  }
}
