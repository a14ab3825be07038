/**
 * The project configuration stored in `.yo-rc.json` and its one schema. Prompts, flags, `--yes`
 * and a hand-edited `.yo-rc.json` all pass through `parseProjectConfig`, so none of them can
 * bypass validation. No secret is ever stored here.
 */
import { z } from 'zod';
import { appOptions, nameSpec } from '../app/options.ts';
import { acceptedChangeSchema, controlsSchema, type AcceptedChange, type ControlsManifest } from './controls.ts';
import { objectSchemaOf, parseOrThrow, schemaOf, type ValuesOf } from './option-spec.ts';
import { fieldTypes, resourceError, type ResourceRecord } from './resource-spec.ts';
import { defaultPolicy, presetRecordSchema, resolvedPolicySchema, type Policy, type PresetRecord } from './policy.ts';

export const configKey = 'generator-secure-ts';

export const projectConfigSchema = objectSchemaOf(appOptions).extend({
  name: schemaOf(nameSpec),
  /** The generator version that last rendered the project (the audit compares against it). */
  generatorVersion: z.string().regex(/^\d+\.\d+\.\d+(?:-[\w.]+)?$/u),
  /** Generator-owned files: path → hash of the content last written (see base-generator). */
  files: z.record(z.string().max(300), z.string().regex(/^[0-9a-f]{16}$/u)).optional(),
  /** The team preset the project was generated with (name, sha256, locked answers); see policy.ts. */
  preset: presetRecordSchema.optional(),
  /** The resolved policy every (sub-)generator and template obeys; older projects get the defaults. */
  policy: resolvedPolicySchema.default(defaultPolicy),
  /** What `secure-ts audit` checks (see controls.ts); recorded by every run that renders files. */
  controls: controlsSchema.optional(),
  /** Locked files whose change was reviewed (`secure-ts audit --accept <file> --reason …`): path → hash and why. */
  accepted: z.record(z.string().max(300), acceptedChangeSchema).optional(),
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
});

export type ProjectConfig = ValuesOf<typeof appOptions> & {
  name: string;
  generatorVersion: string;
  files?: Record<string, string>;
  preset?: PresetRecord;
  policy: Policy;
  controls?: ControlsManifest;
  accepted?: Record<string, AcceptedChange>;
  resources?: ResourceRecord[];
};

export function parseProjectConfig(value: unknown, where: string): ProjectConfig {
  return parseOrThrow(projectConfigSchema, value, where) as ProjectConfig;
}
