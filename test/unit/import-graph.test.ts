/**
 * The generator's own module structure (docs/ARCHITECTURE.md "The generator package"): no import
 * loop, the core (generators/shared) never imports the app generator, and the core's plan reaches
 * no Yeoman module, so the CLI's direct path can use it without loading Yeoman. A small walk over
 * the import statements (static, `import type`, re-exports and dynamic imports alike).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCycle, importsOf, reachable, resolved } from '../support/import-graph.ts';

const root = resolve(import.meta.dirname, '..', '..');

/** Every module below the given folders: repository-relative path → its import specifiers. */
function graph(folders: readonly string[]): Map<string, string[]> {
  const modules = new Map<string, string[]>();
  for (const folder of folders) {
    for (const entry of readdirSync(join(root, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      const file = join(entry.parentPath, entry.name);
      modules.set(relative(root, file).split(sep).join('/'), importsOf(readFileSync(file, 'utf8')));
    }
  }
  return modules;
}

describe("the generator's import graph", () => {
  const modules = graph(['generators', 'bin']);

  it('finds the modules and their imports (the walk itself works)', () => {
    expect(modules.get('generators/shared/plan.ts')).toContain('./derive.ts');
    expect(findCycle(new Map([['a.ts', ['./b.ts']], ['b.ts', ['./a.ts']]]))).toEqual(['a.ts', 'b.ts', 'a.ts']);
  });

  it('has no import loop', () => {
    expect(findCycle(modules)).toBeUndefined();
  });

  it('keeps the core free of the app generator', () => {
    const intoApp = [...modules].flatMap(([module, specifiers]) =>
      module.startsWith('generators/shared/')
        ? specifiers.map((specifier) => resolved(module, specifier)).filter((target) => target.startsWith('generators/app/')).map((target) => `${module} → ${target}`)
        : []);
    expect(intoApp).toEqual([]);
  });

  it('plans a project without reaching Yeoman (the direct path depends on it)', () => {
    const yeoman = [...reachable(modules, 'bin/fast-path.ts')].filter((module) => /^(?:yeoman-|@yeoman\/|mem-fs)/u.test(module) || module.endsWith('base-generator.ts'));
    expect(yeoman).toEqual([]);
  });
});
