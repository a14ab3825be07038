/**
 * `secure-ts ci [--provider github|gitlab]`: adds (or switches to) a hardened CI pipeline in a
 * generated project. Reads everything else from `.yo-rc.json`; running it twice changes nothing.
 */
import { SecureTsGenerator, type GeneratorOptions } from '../shared/base-generator.ts';
import type { CiProvider } from '../shared/choices.ts';
import { deriveContext } from '../shared/derive.ts';
import { flagName, parseOrThrow, questionOf, schemaOf } from '../shared/option-spec.ts';
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

  writing(): void {
    const project = { ...this.requireProject(), ci: this.provider ?? providerSpec.default };
    if (!this.dryRun) this.config.set('ci', project.ci);
    const ctx = deriveContext(project, new Date().getFullYear());
    this.renderLayers(ciLayers, ctx);
    this.recordControls(ctx);
  }
}
