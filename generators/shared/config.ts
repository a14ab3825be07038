/**
 * The project configuration stored in `.yo-rc.json` and its one schema. Prompts, flags, `--yes`
 * and a hand-edited `.yo-rc.json` all pass through `parseProjectConfig`, so none of them can
 * bypass validation. No secret is ever stored here.
 */
import { z } from 'zod';
import { appOptions, nameSpec } from '../app/options.ts';
import { objectSchemaOf, parseOrThrow, schemaOf, type ValuesOf } from './option-spec.ts';

export const configKey = 'generator-secure-ts';

export const projectConfigSchema = objectSchemaOf(appOptions).extend({
  name: schemaOf(nameSpec),
  /** The generator version that last rendered the project (the audit compares against it). */
  generatorVersion: z.string().regex(/^\d+\.\d+\.\d+(?:-[\w.]+)?$/u),
  /** Generator-owned files: path → hash of the content last written (see base-generator). */
  files: z.record(z.string().max(300), z.string().regex(/^[0-9a-f]{16}$/u)).optional(),
});

export type ProjectConfig = ValuesOf<typeof appOptions> & { name: string; generatorVersion: string; files?: Record<string, string> };

export function parseProjectConfig(value: unknown, where: string): ProjectConfig {
  return parseOrThrow(projectConfigSchema, value, where) as ProjectConfig;
}
