/**
 * A small walk over TypeScript import statements (static, `import type`, re-exports and dynamic
 * imports alike), shared by the generator's own import-graph test and the one over generated
 * projects: modules by repository-relative path → their import specifiers.
 */
import { dirname, posix } from 'node:path';

const importPattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gmu;

/** The import specifiers of one module's source. */
export const importsOf = (source: string): string[] => [...source.matchAll(importPattern)].map((match) => match[1] ?? '');

/** The module a relative specifier names (POSIX paths relative to the root); other specifiers as they are. */
export const resolved = (from: string, specifier: string): string =>
  specifier.startsWith('.') ? posix.normalize(posix.join(dirname(from).split('\\').join('/'), specifier)) : specifier;

/** The first import cycle found (as the list of modules around it), or undefined. */
export function findCycle(modules: ReadonlyMap<string, readonly string[]>): string[] | undefined {
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

export function reachable(modules: ReadonlyMap<string, readonly string[]>, start: string): Set<string> {
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
