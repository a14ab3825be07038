/**
 * What the user answered: the project's options (flags, prompts, `--yes` defaults or a preset), the
 * policy it obeys and the resources added since. The template context is derived from these alone
 * (derive.ts); what the generator recorded about its own output (version, file hashes, controls)
 * is record.ts. Prompts, flags, `--yes` and a hand-edited `.yo-rc.json` all pass these schemas.
 */
import { z } from 'zod';
import { objectSchemaOf, schemaOf, type ValuesOf } from './option-spec.ts';
import { defaultPolicy, presetRecordSchema, resolvedPolicySchema, type Policy, type PresetRecord } from './policy.ts';
import { appOptions, nameSpec } from './project-options.ts';
import { fieldTypes, resourceError, type ResourceRecord } from './resource-spec.ts';
import { migrationsSchema } from './migrations.ts';

/** The answers' fields, in the order `.yo-rc.json` has always listed them (the record's keys interleave, see config.ts). */
export const answersShape = {
  ...objectSchemaOf(appOptions).shape,
  name: schemaOf(nameSpec),
  /** The team preset the project was generated with (name, sha256, locked answers); see policy.ts. */
  preset: presetRecordSchema.optional(),
  /** The resolved policy every (sub-)generator and template obeys; older projects get the defaults. */
  policy: resolvedPolicySchema.default(defaultPolicy),
  /** Resources added by `secure-ts resource`, in the order added (their migrations' order). */
  resources: z
    .array(
      z.strictObject({
        name: z.string().max(100),
        singular: z.string().max(100),
        fields: z.array(
          z.strictObject({
            name: z.string().max(100),
            type: z.enum(fieldTypes),
            min: z.number().optional(),
            max: z.number().optional(),
            optional: z.boolean().optional(),
          }),
        ).max(100),
        owned: z.boolean().optional(),
      }),
    )
    .max(200)
    .superRefine((resources, ctx) => {
      // The same rules as the flag: a hand edit of .yo-rc.json cannot smuggle in a hostile name.
      const names = new Set<string>();
      for (const resource of resources) {
        const message = resourceError(resource) ?? (names.has(resource.name) ? `resource ${resource.name} is recorded twice` : undefined);
        if (message !== undefined) ctx.addIssue({ code: 'custom', message: `resources: ${message}` });
        names.add(resource.name);
      }
    })
    .optional(),
  /**
   * The migrations' names, in the order allocated (migrations.ts): a database records each by name,
   * so once given a name is kept. Absent in projects generated before it: they keep their old names.
   */
  migrations: migrationsSchema.optional(),
};

export type ProjectAnswers = ValuesOf<typeof appOptions> & {
  name: string;
  preset?: PresetRecord;
  policy: Policy;
  resources?: ResourceRecord[];
  migrations?: string[];
};

/** Every stored option's default, by name: what `--yes` accepts and an older `.yo-rc.json` lacks. */
export const configDefaults = (): Record<string, unknown> =>
  Object.fromEntries([nameSpec, ...appOptions].map((spec) => [spec.name, spec.default]));

/**
 * Defaults for a stored `.yo-rc.json`: as configDefaults, except that a project recorded before the
 * accounts option existed was generated without accounts.
 */
export const storedDefaults = (): Record<string, unknown> => ({ ...configDefaults(), accounts: false, uploads: false });

/** Only the answers of a stored configuration (which also holds the record): what the context is derived from. */
export function answersOf(config: ProjectAnswers): ProjectAnswers {
  return Object.fromEntries(Object.keys(answersShape).filter((key) => key in config).map((key) => [key, (config as Record<string, unknown>)[key]])) as ProjectAnswers;
}
