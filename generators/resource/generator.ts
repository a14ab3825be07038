/**
 * `secure-ts resource <name> --fields …`: adds a resource (zod schema, routes for the project's
 * framework, Kysely repository, migration, OpenAPI entries and attack tests) to a generated
 * project, records it in `.yo-rc.json` and re-renders the generator-owned registry and migration
 * index from that record, so no user file is edited with a regex. Running it twice with the same
 * input changes nothing.
 */
import { SecureTsGenerator, type GeneratorOptions } from '../shared/base-generator.ts';
import { parseProjectConfig } from '../shared/config.ts';
import { deriveContext } from '../shared/derive.ts';
import { flagName, parseOrThrow, parsePositional, questionOf, schemaOf, UsageError } from '../shared/option-spec.ts';
import { recordedMigrations } from '../shared/migrations.ts';
import { requireStorage } from '../shared/storage.ts';
import { singularPlural, type ResourceDescription, type ResourceRecord } from '../shared/resource-spec.ts';
import { parseFields } from './fields.ts';
import { controlsDocLayers } from '../audit/files.ts';
import { resourceLayers, resourceRegistryLayers, resourceTokens } from './files.ts';
import { resourceFlags, resourceNameSpec, resourceOptions } from './options.ts';

const [fieldsSpec] = resourceOptions;

export default class ResourceGenerator extends SecureTsGenerator {
  private answers: { name?: string; fields?: string } = {};

  constructor(args: string[], options: GeneratorOptions) {
    super(args, options);
    this.argument('name', { type: String, required: false, description: resourceNameSpec.description });
    this.registerSpecs([...resourceOptions, ...resourceFlags]);
  }

  initializing(): void {
    requireStorage(this.requireProject(), 'resource');
    const name = this.options['name'] as unknown;
    if (name !== undefined) this.answers.name = parsePositional(resourceNameSpec, name, 'resource name');
    const fields = this.flag('fields');
    if (fields !== undefined) this.answers.fields = parseOrThrow(schemaOf(fieldsSpec), fields, flagName('fields')) as string;
    if (this.flag('yes') === true) {
      if (this.answers.name === undefined) throw new UsageError('resource name: the resource name is required (see --help)');
      this.answers.fields ??= fieldsSpec.default;
    }
  }

  async prompting(): Promise<void> {
    const missing = [resourceNameSpec, fieldsSpec].filter((spec) => this.answers[spec.name] === undefined);
    if (missing.length === 0) return;
    const answers = await this.ask(missing.map((spec) => questionOf(spec)).filter((q) => q !== undefined));
    // Answers pass the same schemas as flags (a prompt's own validate is not the only gate).
    if ('name' in answers) this.answers.name = parsePositional(resourceNameSpec, answers['name'], 'resource name');
    if ('fields' in answers) this.answers.fields = parseOrThrow(schemaOf(fieldsSpec), answers['fields'], flagName('fields')) as string;
  }

  writing(): void {
    const project = this.requireProject();
    const { name = '', fields = fieldsSpec.default } = this.answers;
    // Owned by the signed-in account whenever the project has accounts, like the example items
    // (OWASP API1:2023 Broken Object Level Authorization; ASVS 5.0 V8.2.2).
    const owned = deriveContext(project, new Date().getFullYear()).features.accounts;
    const { resources, position } = withResource(project.resources ?? [], name, parseFields(fields), owned, this.flag('force') === true);
    // Validated as a whole by the config schema before anything is recorded or rendered.
    const config = parseProjectConfig({ ...project, resources }, 'resource');
    // Derived (its migration named) before anything is recorded: a name the project's own tables
    // already use stops the run here.
    const ctx = deriveContext(config, new Date().getFullYear());
    this.setAnswer('resources', config.resources);
    // The new resource's migration takes the next number (migrations.ts); a project made before
    // the allocation keeps deriving its names, so nothing is recorded there.
    const migrations = recordedMigrations(ctx.migrationPlan);
    if (migrations !== undefined) this.setAnswer('migrations', migrations);
    const resource = ctx.resources[position] as ResourceDescription;
    this.renderLayers(resourceLayers, { ...ctx, resource }, resourceTokens(resource));
    this.renderLayers(resourceRegistryLayers, ctx);
    // docs/security-controls.md lists each resource's attack tests.
    this.renderLayers(controlsDocLayers, ctx);
  }

  end(): void {
    this.reportDryRun(`resource ${this.answers.name ?? ''}`);
  }
}

/**
 * The recorded list with this resource in it: appended when new, unchanged when recorded with the
 * same fields and ownership (a re-run), replaced in place only with --force (its migration keeps
 * its number). `owned` is recorded only when true, so projects without accounts record what they
 * always did.
 */
function withResource(recorded: readonly ResourceRecord[], given: string, fields: ResourceRecord['fields'], owned: boolean, force: boolean) {
  const forms = singularPlural(given);
  const ownership = owned ? { owned: true } : {};
  // By either form, as this version inflects it or as an earlier version recorded it (`shelfs`).
  const position = recorded.findIndex((resource) => [forms.singular, forms.plural, given].some((form) => form === resource.name || form === resource.singular));
  if (position === -1) return { resources: [...recorded, { name: forms.plural, singular: forms.singular, fields, ...ownership }], position: recorded.length };
  const existing = recorded[position] as ResourceRecord;
  const sameOwnership = (existing.owned === true) === owned;
  if (JSON.stringify(existing.fields) === JSON.stringify(fields) && sameOwnership) return { resources: [...recorded], position };
  if (!force) {
    if (!sameOwnership) {
      // Added before `secure-ts accounts`: its table has no owner, so every signed-in account
      // shares its records. Said loudly rather than rewriting a migration that may already have run.
      throw new UsageError(
        `the resource ${JSON.stringify(existing.name)} was added before accounts and is not owner-scoped (any signed-in account can read and change every record): pass --force to regenerate it owned (its migration is rewritten with owner_id: only do this before it ran on any database; otherwise add owner_id in a new migration, and change its repository spec to \`owned: true\` and its routes' scope to \`accountScope\` in src/resources/registry.ts, as items are)`,
      );
    }
    throw new UsageError(
      `the resource ${JSON.stringify(existing.name)} already exists with other fields: pass --force to replace it (its migration is rewritten: only do this before it ran on any database)`,
    );
  }
  const replaced: ResourceRecord = { name: existing.name, singular: existing.singular, fields, ...ownership };
  return { resources: recorded.map((resource, i) => (i === position ? replaced : resource)), position };
}
