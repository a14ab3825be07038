/** Where the package's own files are, from both `generators/` (tests) and `dist/generators/` (built). */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'versions', 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`generator-secure-ts: package root not found above ${start}`);
    dir = parent;
  }
  return dir;
}

export const packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)));
export const templatesRoot = resolve(packageRoot, 'templates');
