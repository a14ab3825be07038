/**
 * The generator's own module structure (docs/ARCHITECTURE.md "The generator package"): no import
 * loop, the core (generators/shared) never imports the app generator, and the core's plan reaches
 * no Yeoman module, so the CLI's direct path can use it without loading Yeoman. A small walk over
 * the import statements (static, `import type`, re-exports and dynamic imports alike).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const importPattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gmu;

/** Every module below the given folders: repository-relative path → its import specifiers. */
function graph(folders: readonly string[]): Map<string, string[]> {
  const modules = new Map<string, string[]>();
  for (const folder of folders) {
    for (const entry of readdirSync(join(root, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      const file = join(entry.parentPath, entry.name);
      const source = readFileSync(file, 'utf8');
      const specifiers = [...source.matchAll(importPattern)].map((match) => match[1] ?? '');
      modules.set(relative(root, file).split(sep).join('/'), specifiers);
    }
  }
  return modules;
}

const resolved = (from: string, specifier: string): string =>
  specifier.startsWith('.') ? relative(root, resolve(root, dirname(from), specifier)).split(sep).join('/') : specifier;

/** The first import cycle found (as the list of modules around it), or undefined. */
function findCycle(modules: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (module: string): string[] | undefined => {
    if (state.get(module) === 'done') return undefined;
    if (state.get(module) === 'open') return [...stack.slice(stack.indexOf(module)), module];
    state.set(module, 'open');
    stack.push(module);
    for (const specifier of modules.get(module) ?? []) {
      const target = resolved(module, specifier);
      if (!modules.has(target)) continue;
      const cycle = visit(target);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(module, 'done');
    return undefined;
  };
  for (const module of [...modules.keys()].sort()) {
    const cycle = visit(module);
    if (cycle) return cycle;
  }
  return undefined;
}

function reachable(modules: Map<string, string[]>, start: string): Set<string> {
  const seen = new Set<string>();
  const pending = [start];
  while (pending.length > 0) {
    const module = pending.pop() ?? '';
    if (seen.has(module)) continue;
    seen.add(module);
    for (const specifier of modules.get(module) ?? []) pending.push(resolved(module, specifier));
  }
  return seen;
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
