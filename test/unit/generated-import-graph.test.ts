/**
 * No import loop in a generated project, for every framework × database, with and without
 * accounts, with resources owned and shared: a project should read as if written by hand, and a
 * loop (db/schema.ts → resources → context.ts → db/… ) makes every module in it load in an order
 * that depends on which one is imported first. The same walk as the generator's own
 * (import-graph.test.ts), over the project rendered in memory.
 */
import { describe, expect, it } from 'vitest';
import { resourceLayers, resourceTokens } from '../../generators/resource/files.ts';
import { parseFields } from '../../generators/resource/fields.ts';
import { deriveContext } from '../../generators/shared/derive.ts';
import { planFiles } from '../../generators/shared/layers.ts';
import { newProject } from '../../generators/shared/plan.ts';
import { projectLayers } from '../../generators/shared/project-layers.ts';
import { renderText } from '../../generators/shared/render.ts';
import { label, matrix } from '../matrix.ts';
import { findCycle, importsOf } from '../support/import-graph.ts';

/** Every TypeScript module of the project: path → its import specifiers. */
function projectGraph(given: Record<string, unknown>): Map<string, string[]> {
  const { config } = newProject(given, true);
  // One resource owned by an account (accounts on), one shared (as if added before accounts).
  const resources = config.database === 'none' ? [] : [
    { name: 'books', singular: 'book', fields: parseFields('title:string,due:date?'), ...(config.accounts ? { owned: true } : {}) },
    { name: 'tags', singular: 'tag', fields: parseFields('label:string,pinned:boolean') },
  ];
  const ctx = deriveContext({ ...config, resources }, 2026);
  const modules = new Map<string, string[]>();
  const add = (source: string, destination: string, context: typeof ctx) => {
    if (destination.endsWith('.ts')) modules.set(destination, importsOf(renderText(source, destination, context).contents));
  };
  for (const file of planFiles(projectLayers, ctx)) add(file.source, file.destination, ctx);
  for (const resource of ctx.resources) {
    for (const file of planFiles(resourceLayers, { ...ctx, resource }, resourceTokens(resource))) add(file.source, file.destination, { ...ctx, resource } as typeof ctx);
  }
  return modules;
}

describe.each(matrix.map((c) => [label(c), c] as const))('a generated %s project', (_name, combination) => {
  const variants = combination.database === 'none' ? [{}, { views: true }] : [{}, { views: true }, { accounts: false }];
  it.each(variants.map((v) => [JSON.stringify(v), v] as const))('with %s and resources has no import loop', (_v, variant) => {
    const modules = projectGraph({ name: 'loop-check', framework: combination.framework, database: combination.database, ...variant });
    // The walk sees the project's modules and their relative imports.
    expect(modules.get('src/context.ts')).toContain('./resources/repositories.ts');
    expect(findCycle(modules)).toBeUndefined();
  });
});
