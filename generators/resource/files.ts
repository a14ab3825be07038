/**
 * The resource layers. The registry layer (the resource list and the migration index, rendered
 * from `.yo-rc.json`) is also part of the app generator, so both write the same files; the
 * per-resource layers use `__resource__` / `__migration__` path tokens, one template per file
 * whatever the framework × database.
 */
import type { TemplateContext } from '../shared/derive.ts';
import type { Layer } from '../shared/layers.ts';
import type { ResourceDescription } from '../shared/resource-spec.ts';

export const resourceRegistryLayers: readonly Layer<TemplateContext>[] = [
  { dir: 'features/resource/registry', when: () => true },
  // The migration index lists the project's migrations (generators/shared/migrations.ts); a project
  // made before the allocation keeps the index it had, with its fixed list of old names.
  { dir: 'features/resource/migrations', when: (ctx) => ctx.hasDb && !ctx.migrationPlan.legacy },
  { dir: 'features/resource/migrations-legacy', when: (ctx) => ctx.hasDb && ctx.migrationPlan.legacy },
  // The resources' table types, for src/db/schema.ts (apart from the registry, so the schema imports no application code).
  { dir: 'features/resource/tables', when: (ctx) => ctx.hasDb },
];

export type ResourceContext = TemplateContext & { readonly resource: ResourceDescription };

export const resourceLayers: readonly Layer<ResourceContext>[] = [
  { dir: 'features/resource/common', when: () => true },
  { dir: 'features/resource/express', when: (ctx) => ctx.isExpress },
  { dir: 'features/resource/fastify', when: (ctx) => ctx.isFastify },
  { dir: 'features/resource/hono', when: (ctx) => ctx.isHono },
];

/** Values for the path tokens of one resource's templates. */
export const resourceTokens = (resource: ResourceDescription): Record<string, string> => ({
  resource: resource.path,
  migration: resource.migration,
});
