/**
 * `secure-ts docker`: adds the hardened container files to a generated project (multi-stage,
 * digest-pinned base, non-root, read-only compose). Reads the project from `.yo-rc.json`;
 * running it twice changes nothing.
 */
import { SecureTsGenerator, type GeneratorOptions } from '../shared/base-generator.ts';
import { deriveContext } from '../shared/derive.ts';
import { ciLayers } from '../ci/files.ts';
import { dockerLayers } from './files.ts';
import { dockerFlags } from './options.ts';

export default class DockerGenerator extends SecureTsGenerator {
  constructor(args: string[], options: GeneratorOptions) {
    super(args, options);
    this.registerSpecs(dockerFlags);
  }

  initializing(): void {
    // Outside a generated project: a clear stop, nothing written. A preset that locked `docker`
    // off binds this command too.
    this.obeyPolicy(this.requireProject(), 'docker', true, 'secure-ts docker');
  }

  writing(): void {
    const project = { ...this.requireProject(), docker: true };
    this.setAnswer('docker', true);
    const ctx = deriveContext(project, new Date().getFullYear());
    this.renderLayers(dockerLayers, ctx);
    // Dependabot watches the docker ecosystem once there is a Dockerfile: re-render the CI layer.
    this.renderLayers(ciLayers, ctx);
    this.recordControls(ctx);
  }

  end(): void {
    this.reportDryRun('docker');
  }
}
