/**
 * `secure-ts ci [--provider github|gitlab]`: adds (or switches to) a hardened CI pipeline in a
 * generated project. A switch removes the old provider's files (edited ones only with consent or
 * --force) and their record, so the project is what `--ci <provider>` would have generated.
 * Reads everything else from `.yo-rc.json`; running it twice changes nothing.
 */
import { SecureTsGenerator, type GeneratorOptions } from '../shared/base-generator.ts';
import type { CiProvider } from '../shared/choices.ts';
import { deriveContext } from '../shared/derive.ts';
import { planFiles } from '../shared/layers.ts';
import { flagName, parseOrThrow, questionOf, schemaOf } from '../shared/option-spec.ts';
import { projectLayers } from '../shared/project-layers.ts';
import { ciLayers } from './files.ts';
import { ciFlags, ciOptions } from './options.ts';

const [providerSpec] = ciOptions;
const parseProvider = (value: unknown) => parseOrThrow(schemaOf(providerSpec), value, flagName('provider')) as CiProvider;

export default class CiGenerator extends SecureTsGenerator {
  private provider?: CiProvider;

  constructor(args: string[], options: GeneratorOptions) {
    super(args, options);
    this.registerSpecs([...ciOptions, ...ciFlags]);
  }

  initializing(): void {
    const stored = this.requireProject().ci;
    const given = this.flag('provider');
    // A flag wins; a provider already stored in .yo-rc.json is never re-asked.
    if (given !== undefined) this.provider = parseProvider(given);
    else if (stored !== 'none') this.provider = stored;
    else if (this.flag('yes') === true) this.provider = providerSpec.default;
    // The stored policy binds later runs too: a preset that locked `ci` cannot be switched here.
    if (this.provider !== undefined) this.obeyPolicy(this.requireProject(), 'ci', this.provider, given === undefined ? 'secure-ts ci' : flagName('provider'));
  }

  async prompting(): Promise<void> {
    if (this.provider !== undefined) return;
    const answers = await this.ask([questionOf(providerSpec)].filter((q) => q !== undefined));
    this.provider = parseProvider(answers['provider']);
    this.obeyPolicy(this.requireProject(), 'ci', this.provider, 'the answer to --provider');
  }

  async writing(): Promise<void> {
    const stored = this.requireProject();
    const project = { ...stored, ci: this.provider ?? providerSpec.default };
    const year = new Date().getFullYear();
    const ctx = deriveContext(project, year);
    // A switch: what the old provider's layers wrote and no layer plans now goes (removeStale).
    const planned = new Set(planFiles(projectLayers, ctx).map((file) => file.destination));
    await this.removeStale(planFiles(projectLayers, deriveContext(stored, year)).map((file) => file.destination).filter((path) => !planned.has(path)));
    this.setAnswer('ci', project.ci);
    this.renderLayers(ciLayers, ctx);
    this.recordControls(ctx);
  }

  end(): void {
    this.removeStaleFiles();
    this.reportDryRun(`ci --provider ${this.provider ?? providerSpec.default}`);
  }
}
