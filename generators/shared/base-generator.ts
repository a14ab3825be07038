/**
 * What every secure-ts generator shares: templates from the package's top-level `templates/`,
 * option registration from the specs, rendering of layers, and the generated package.json.
 */
import Generator from 'yeoman-generator';
import { collectPackage, planFiles, type Layer, type PlannedFile } from './layers.ts';
import { flagName, type FlagSpec, type OptionSpec } from './option-spec.ts';
import { templatesRoot } from './paths.ts';
import { pin } from './versions.ts';

export type GeneratorOptions = ConstructorParameters<typeof Generator>[1] & Record<string, unknown>;

export abstract class SecureTsGenerator extends Generator<Record<string, unknown>, GeneratorOptions> {
  constructor(args: string[], options: GeneratorOptions) {
    // customInstallTask: we run `npm install` ourselves, with progress and a clear failure message.
    // templateContext 'none': templates read only the data we pass them, never the generator.
    // tasksMatchingPriority: only lifecycle-named methods are queued as tasks; helpers stay helpers.
    super(args, options, { customInstallTask: true, templateContext: 'none', tasksMatchingPriority: true });
    this.sourceRoot(templatesRoot);
  }

  /** Register the specs as Yeoman options, so `yo secure-ts --help` lists them too. */
  protected registerSpecs(specs: readonly (OptionSpec | FlagSpec)[]): void {
    for (const spec of specs) {
      const kind = 'kind' in spec ? spec.kind : 'boolean';
      this.option(flagName(spec.name).slice(2), {
        type: kind === 'boolean' ? Boolean : String,
        description: spec.description,
        ...('short' in spec && spec.short ? { alias: spec.short } : {}),
      });
    }
  }

  /** Read an option given as a flag, under its camelCase or kebab-case key. */
  protected flag(name: string): unknown {
    const kebab = flagName(name).slice(2);
    return this.options[name] ?? this.options[kebab];
  }

  /** Render every file of the enabled layers; returns the plan (for reporting and tests). */
  protected renderLayers<C extends object>(layers: readonly Layer<C>[], ctx: C): PlannedFile[] {
    const plan = planFiles(layers, ctx);
    for (const file of plan) {
      this.renderTemplate(file.source, file.destination, ctx);
    }
    return plan;
  }

  /** The package.json dependency and script blocks of the enabled layers, with pinned versions. */
  protected packageBlocks<C>(layers: readonly Layer<C>[], ctx: C) {
    const { dependencies, devDependencies, scripts } = collectPackage(layers, ctx);
    return { scripts, dependencies: pin(dependencies), devDependencies: pin(devDependencies) };
  }
}
